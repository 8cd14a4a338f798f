/**
 * Reads XML back with node-html-parser, a parser independent of the service's serializer, so
 * tests check what a consumer would see (entities decoded, attributes as parsed).
 */
import { type HTMLElement, parse } from 'node-html-parser';

export type XmlNode = HTMLElement;

/** Parses XML preserving element name case, with no HTML void or raw-text elements. */
export function readXml(xml: string): XmlNode {
  return parse(xml, { lowerCaseTagName: false, comment: false, voidTag: { tags: [] }, blockTextElements: {} });
}

/** Every element with this (prefixed) name, in document order. */
export const elements = (node: XmlNode, name: string): XmlNode[] => node.getElementsByTagName(name);

/** The decoded text of every element with this name. */
export const texts = (node: XmlNode, name: string): string[] => elements(node, name).map((e) => e.textContent);

/** The decoded text of the first element with this name. */
export const text = (node: XmlNode, name: string): string | undefined => elements(node, name)[0]?.textContent;

/** Names of the element children of a node, in order, as written. */
export const childNames = (node: XmlNode | undefined): string[] =>
  (node?.childNodes ?? []).filter((n): n is XmlNode => n.nodeType === 1).map((n) => n.rawTagName);
