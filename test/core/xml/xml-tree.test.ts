/** The XML writer: escaped values, characters XML 1.0 cannot carry removed, parsers read back what was written. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, stripIllegalXmlChars } from '../../../functions/core/xml/escape-xml.ts';
import { el, serializeFragment, serializeXml, serializeXmlBytes } from '../../../functions/core/xml/xml-tree.ts';
import { readXml } from '../../support/read-xml.ts';

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

describe('fragments', () => {
  const record = el('record', { id: 'a&b' }, el('header', {}, el('identifier', {}, 'x<y')), el('metadata', {}, el('dc', {}, el('title', {}, 'Сталин'))));
  const documentWith = (child: Parameters<typeof el>[2]) => serializeXml(el('OAI-PMH', {}, el('GetRecord', {}, child)));

  it('put back where they were serialized for, give the same document', () => {
    expect(documentWith(serializeFragment(record, 2))).toBe(documentWith(record));
  });

  it('are copied as bytes into the same document serializeXml writes', () => {
    const list = (child: Parameters<typeof el>[2]) =>
      el('OAI-PMH', {}, el('responseDate', {}, '2026'), el('ListRecords', {}, child, child, el('token', {}, 'т')));
    const utf8 = (xml: string) => new TextEncoder().encode(xml);
    expect(serializeXmlBytes(list(serializeFragment(record, 2)))).toEqual(utf8(serializeXml(list(record))));
    expect(serializeXmlBytes(list(record), { declaration: false })).toEqual(utf8(serializeXml(list(record), { declaration: false })));
    expect(serializeXmlBytes(el('OAI-PMH', {}, el('GetRecord', {}, serializeFragment(record, 2))))).toEqual(utf8(documentWith(record)));
  });

  it('refuse another depth, where their indentation would be wrong', () => {
    expect(() => serializeXml(el('OAI-PMH', {}, serializeFragment(record, 2)))).toThrow(/depth 2 was placed at depth 1/);
  });
});

describe('escaping, for any string', () => {
  // The transformation as documented, without the shortcut for values that need no work.
  const referenceText = (value: string) => stripIllegalXmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const referenceAttribute = (value: string) =>
    referenceText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
  const anyString = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom('a', '&', '<', '>', '"', '\t', '\n', '\r', '\u0001', '\uD800', '\uDC00', '\uFFFE', 'й') }),
  );

  it('is what the documented replacements give', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        expect(escapeXmlText(value)).toBe(referenceText(value));
        expect(escapeXmlAttribute(value)).toBe(referenceAttribute(value));
      }),
      { numRuns: 2000 },
    );
  });
});
