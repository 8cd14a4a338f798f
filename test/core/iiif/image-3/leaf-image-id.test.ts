import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leafImageId, parseLeafImageId } from '../../../../functions/core/iiif/image-3/leaf-image-id.ts';
import { DOCUMENT_LEAF, isDocumentImage } from '../../../../functions/core/records/leaves.ts';
import { RECORD_ID_PATTERN } from '../../../../schemas/record.ts';

describe('leaf image identifiers', () => {
  it.each([
    ['110020', { number: 37, reverse: false }, '110020-l37'],
    ['110020', { number: 37, reverse: true }, '110020-l37ob'],
    ['a-l5', { number: 1, reverse: false }, 'a-l5-l1'],
  ])('names leaf %j of record %s %s', (recordId, leaf, id) => {
    expect(leafImageId(recordId, leaf)).toBe(id);
    expect(parseLeafImageId(id)).toEqual({ recordId, leaf });
  });

  it('reads back every identifier it writes', () => {
    const recordId = fc.stringMatching(RECORD_ID_PATTERN);
    const leaf = fc.record({ number: fc.integer({ min: 1, max: 999_999_999 }), reverse: fc.boolean() });
    fc.assert(
      fc.property(recordId, leaf, (r, l) => {
        expect(parseLeafImageId(leafImageId(r, l))).toEqual({ recordId: r, leaf: l });
      }),
    );
  });

  it('names the document image of a record whose Source cites no leaf l0, and reads it back', () => {
    expect(leafImageId('110020', DOCUMENT_LEAF)).toBe('110020-l0');
    expect(parseLeafImageId('110020-l0')).toEqual({ recordId: '110020', leaf: DOCUMENT_LEAF });
    expect(isDocumentImage({ leaf: DOCUMENT_LEAF })).toBe(true);
    expect(isDocumentImage({ leaf: { number: 1, reverse: false } })).toBe(false);
  });

  it.each([
    '110020',
    '110020-l',
    '110020-l0ob',
    '110020-l00',
    '110020-l07',
    '110020-37',
    '-l1',
    '110020-lob',
    '110020-l1OB',
    'a b-l1',
    '../x-l1',
    `${'a'.repeat(65)}-l1`,
  ])('does not read %j as a leaf image', (id) => {
    expect(parseLeafImageId(id)).toBeUndefined();
  });
});
