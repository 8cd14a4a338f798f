/**
 * Escaping for XML 1.0 text and attribute values. Characters XML 1.0 cannot carry at all
 * (most C0 controls, lone surrogates, U+FFFE and U+FFFF) are removed, not escaped: no
 * character reference can represent them.
 */

// Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// With the `u` flag a lone surrogate is matched as one code point; a valid pair is one astral code point.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed
const ILLEGAL_XML_CHARS = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The string without the characters XML 1.0 forbids. */
export function stripIllegalXmlChars(value: string): string {
  return value.replace(ILLEGAL_XML_CHARS, '');
}

// Most values need nothing done: one scan tells, before the replacements. Surrogates send a value
// the slow way even when they pair up correctly; the slow way keeps those.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const TEXT_NEEDS_WORK = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const ATTRIBUTE_NEEDS_WORK = /[&<>"\x00-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Character data: `&`, `<` and `>` escaped (`>` too, so that `]]>` never appears). */
export function escapeXmlText(value: string): string {
  if (!TEXT_NEEDS_WORK.test(value)) return value;
  return stripIllegalXmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A double-quoted attribute value; tabs and line breaks become references so parsers keep them. */
export function escapeXmlAttribute(value: string): string {
  if (!ATTRIBUTE_NEEDS_WORK.test(value)) return value;
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
