/**
 * A tiny XML tree and its serializer. Crosswalks build trees; only this module writes markup,
 * so every value passes through one escaper. A subtree serialized once with `serializeFragment`
 * can be put back into a tree as `XmlFragment` and is then copied, not written again.
 */
import { escapeXmlAttribute, escapeXmlText } from './escape-xml.ts';

export type XmlAttributes = { readonly [name: string]: string | number | undefined };

export interface XmlElement {
  readonly name: string;
  readonly attributes: XmlAttributes;
  readonly children: readonly XmlNode[];
}

/** An element already serialized (and UTF-8 encoded) by `serializeFragment`, for the depth it was serialized at. */
export interface XmlFragment {
  readonly utf8: Uint8Array;
  readonly depth: number;
}

export type XmlNode = XmlElement | XmlFragment | string;

/** Children as written in a builder: falsy entries are dropped, arrays are flattened. */
export type XmlChildInput = XmlNode | undefined | null | false | readonly XmlChildInput[];

function flatten(input: readonly XmlChildInput[], out: XmlNode[]): void {
  for (const child of input) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) flatten(child, out);
    else out.push(child as XmlNode);
  }
}

/** An element; attributes whose value is undefined are omitted. */
export function el(name: string, attributes: XmlAttributes = {}, ...children: XmlChildInput[]): XmlElement {
  const out: XmlNode[] = [];
  flatten(children, out);
  return { name, attributes, children: out };
}

/** An element holding one text value, or nothing when the value is undefined. */
export function textEl(name: string, value: string | undefined, attributes: XmlAttributes = {}): XmlElement | undefined {
  return value === undefined ? undefined : el(name, attributes, value);
}

function attributesOf(attributes: XmlAttributes): string {
  let out = '';
  for (const name in attributes) {
    const value = attributes[name];
    if (value !== undefined) out += ` ${name}="${escapeXmlAttribute(String(value))}"`;
  }
  return out;
}

const INDENT = '  ';

/** An output line, or a fragment's already encoded lines. */
type Part = string | XmlFragment;

const isFragment = (node: XmlElement | XmlFragment): node is XmlFragment => 'utf8' in node;

/** Indentation by depth, made once each. */
const PADS: string[] = [];
const padOf = (indent: string, depth: number) => {
  if (indent !== INDENT) return indent.repeat(depth);
  let pad = PADS[depth];
  if (pad === undefined) {
    pad = INDENT.repeat(depth);
    PADS[depth] = pad;
  }
  return pad;
};

function hasText(children: readonly XmlNode[]): boolean {
  for (const child of children) if (typeof child === 'string') return true;
  return false;
}

function write(node: XmlElement | XmlFragment, depth: number, indent: string, parts: Part[]): void {
  if (isFragment(node)) {
    // Its indentation is part of its markup: it fits only where it was serialized for.
    if (node.depth !== depth || indent !== INDENT) throw new Error(`an XML fragment serialized for depth ${node.depth} was placed at depth ${depth}`);
    parts.push(node);
    return;
  }
  const pad = padOf(indent, depth);
  const open = `<${node.name}${attributesOf(node.attributes)}`;
  const children = node.children;
  if (children.length === 0) {
    parts.push(`${pad}${open}/>`);
    return;
  }
  // Text-bearing elements stay on one line so no whitespace is added to their values.
  if (hasText(children)) {
    let inner = '';
    for (const child of children) inner += typeof child === 'string' ? escapeXmlText(child) : serializeInline(child);
    parts.push(`${pad}${open}>${inner}</${node.name}>`);
    return;
  }
  parts.push(`${pad}${open}>`);
  for (const child of children) write(child as XmlElement | XmlFragment, depth + 1, indent, parts);
  parts.push(`${pad}</${node.name}>`);
}

function serializeInline(node: XmlElement | XmlFragment): string {
  const parts: Part[] = [];
  write(node, 0, '', parts);
  return parts.join('');
}

const decoder = new TextDecoder();
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** An element serialized and encoded as it would be at `depth` in a document, to be placed there again as an `XmlFragment`. */
export function serializeFragment(node: XmlElement, depth: number): XmlFragment {
  const parts: Part[] = [];
  write(node, depth, INDENT, parts);
  // Its own exact-size buffer, not a slice of Node's shared pool: it is kept for long.
  return { utf8: new TextEncoder().encode(parts.join('\n')), depth };
}

function documentParts(root: XmlElement, declaration: boolean): Part[] {
  const parts: Part[] = declaration ? [XML_DECLARATION] : [];
  write(root, 0, INDENT, parts);
  return parts;
}

/** The document (with an XML declaration unless `declaration: false`), indented two spaces. */
export function serializeXml(root: XmlElement, options: { declaration?: boolean } = {}): string {
  const parts = documentParts(root, options.declaration !== false);
  return `${parts.map((part) => (typeof part === 'string' ? part : decoder.decode(part.utf8))).join('\n')}\n`;
}

/**
 * The document as UTF-8, as `serializeXml` would write it: its fragments' bytes are copied, not
 * encoded again (a page of cached OAI-PMH records is mostly fragments).
 */
export function serializeXmlBytes(root: XmlElement, options: { declaration?: boolean } = {}): Uint8Array<ArrayBuffer> {
  // The text between fragments joined, then everything written into one buffer of the exact size.
  const pieces: (string | Uint8Array)[] = [];
  let text = '';
  for (const part of documentParts(root, options.declaration !== false)) {
    if (typeof part === 'string') {
      text += `${part}\n`;
      continue;
    }
    pieces.push(text, part.utf8);
    text = '\n';
  }
  pieces.push(text);
  let size = 0;
  for (const piece of pieces) size += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.byteLength;
  const out = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const piece of pieces) {
    if (typeof piece === 'string') offset += out.write(piece, offset);
    else {
      out.set(piece, offset);
      offset += piece.byteLength;
    }
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
