/**
 * A tiny XML tree and its serializer. Crosswalks build trees; only `serializeXml` writes
 * markup, so every value passes through one escaper.
 */
import { escapeXmlAttribute, escapeXmlText } from './escape-xml.ts';

export type XmlAttributes = { readonly [name: string]: string | number | undefined };

export interface XmlElement {
  readonly name: string;
  readonly attributes: XmlAttributes;
  readonly children: readonly (XmlElement | string)[];
}

/** Children as written in a builder: falsy entries are dropped, arrays are flattened. */
export type XmlChildInput = XmlElement | string | undefined | null | false | readonly XmlChildInput[];

function flatten(input: readonly XmlChildInput[], out: (XmlElement | string)[]): void {
  for (const child of input) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) flatten(child, out);
    else out.push(child as XmlElement | string);
  }
}

/** An element; attributes whose value is undefined are omitted. */
export function el(name: string, attributes: XmlAttributes = {}, ...children: XmlChildInput[]): XmlElement {
  const out: (XmlElement | string)[] = [];
  flatten(children, out);
  return { name, attributes, children: out };
}

/** An element holding one text value, or nothing when the value is undefined. */
export function textEl(name: string, value: string | undefined, attributes: XmlAttributes = {}): XmlElement | undefined {
  return value === undefined ? undefined : el(name, attributes, value);
}

function attributesOf(attributes: XmlAttributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) out += ` ${name}="${escapeXmlAttribute(String(value))}"`;
  return out;
}

function write(node: XmlElement, depth: number, indent: string, lines: string[]): void {
  const pad = indent.repeat(depth);
  const open = `<${node.name}${attributesOf(node.attributes)}`;
  if (node.children.length === 0) {
    lines.push(`${pad}${open}/>`);
    return;
  }
  // Text-bearing elements stay on one line so no whitespace is added to their values.
  if (node.children.some((child) => typeof child === 'string')) {
    const inner = node.children.map((child) => (typeof child === 'string' ? escapeXmlText(child) : serializeInline(child))).join('');
    lines.push(`${pad}${open}>${inner}</${node.name}>`);
    return;
  }
  lines.push(`${pad}${open}>`);
  for (const child of node.children) write(child as XmlElement, depth + 1, indent, lines);
  lines.push(`${pad}</${node.name}>`);
}

function serializeInline(node: XmlElement): string {
  const lines: string[] = [];
  write(node, 0, '', lines);
  return lines.join('');
}

/** The document (with an XML declaration unless `declaration: false`), indented two spaces. */
export function serializeXml(root: XmlElement, options: { declaration?: boolean; indent?: string } = {}): string {
  const lines: string[] = [];
  if (options.declaration !== false) lines.push('<?xml version="1.0" encoding="UTF-8"?>');
  write(root, 0, options.indent ?? '  ', lines);
  return `${lines.join('\n')}\n`;
}
