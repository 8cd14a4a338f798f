/** The XML writer: escaped values, characters XML 1.0 cannot carry removed, parsers read back what was written. */
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, stripIllegalXmlChars } from '../../functions/core/xml/escape-xml.ts';
import { el, serializeXml } from '../../functions/core/xml/xml-tree.ts';
import { readXml } from '../oai/support/read-xml.ts';

describe('XML escaping', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<tag>', '&lt;tag&gt;'],
    [']]>', ']]&gt;'],
    ['"quoted" \'single\'', '"quoted" \'single\''],
  ])('escapes text %j', (input, expected) => {
    expect(escapeXmlText(input)).toBe(expected);
  });

  it('escapes quotes and keeps line breaks in attributes', () => {
    expect(escapeXmlAttribute('say "hi"\nthen\tgo')).toBe('say &quot;hi&quot;&#10;then&#9;go');
  });

  it.each([
    ['a C0 control', 'a\u0001b', 'ab'],
    ['a form feed', 'a\u000Cb', 'ab'],
    ['a lone high surrogate', 'a\uD800b', 'ab'],
    ['a lone low surrogate', 'a\uDC00b', 'ab'],
    ['U+FFFE', 'a\uFFFEb', 'ab'],
  ])('removes %s', (_what, input, expected) => {
    expect(stripIllegalXmlChars(input)).toBe(expected);
  });

  it.each([
    ['tab, newline and carriage return', 'a\tb\nc\rd'],
    ['an astral character', 'a\u{1F600}b'],
    ['Cyrillic and CJK', 'Сталин 毛泽东'],
  ])('keeps %s', (_what, input) => {
    expect(stripIllegalXmlChars(input)).toBe(input);
  });
});

describe('serializer', () => {
  const awkward = 'Tom & Jerry <"quoted"> \u0007 ]]> Сталин \u{1F600}';
  const xml = serializeXml(el('root', { note: awkward }, el('value', {}, awkward), el('empty'), undefined, false));

  it('reads back the text and attribute values, minus the illegal character', () => {
    const root = readXml(xml).getElementsByTagName('root')[0];
    const expected = awkward.replace('\u0007', '');
    expect(root?.getAttribute('note')).toBe(expected);
    expect(root?.getElementsByTagName('value')[0]?.textContent).toBe(expected);
  });

  it('drops absent children and writes empty elements self-closed', () => {
    expect(xml).toContain('<empty/>');
    expect(
      readXml(xml)
        .getElementsByTagName('root')[0]
        ?.childNodes.filter((n) => n.nodeType === 1),
    ).toHaveLength(2);
  });
});
