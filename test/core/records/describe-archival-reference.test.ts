import { describe, expect, it } from 'vitest';
import { expandLeaves } from '../../../functions/core/ingest/parse-source-citation.ts';
import { describeArchivalReference } from '../../../functions/core/records/describe-archival-reference.ts';
import type { ArchivalReference } from '../../../schemas/record.ts';

const APRF = { abbreviation: 'APRF', name: 'Archive of the President of the Russian Federation', place: 'Moscow' };

describe('describeArchivalReference', () => {
  it.each<[string, Omit<ArchivalReference, 'repository' | 'leaves'>, string, string]>([
    [
      'the full 110020 reference',
      { fond: '45', opis: '1', delo: '337' },
      '37-40',
      'Archive of the President of the Russian Federation, fond 45, opis 1, delo 337, leaves 37-40',
    ],
    ['a single leaf', { fond: '45', opis: '1', delo: '337' }, '12', 'Archive of the President of the Russian Federation, fond 45, opis 1, delo 337, leaf 12'],
    [
      'a verso',
      { fond: '3', opis: '65', delo: '776' },
      '5-6ob.',
      'Archive of the President of the Russian Federation, fond 3, opis 65, delo 776, leaves 5, 5ob., 6, 6ob.',
    ],
    ['a reference that stops at the fond', { fond: '45' }, '', 'Archive of the President of the Russian Federation, fond 45'],
    [
      'a reference with a papka',
      { fond: '0100', opis: '43', papka: '302', delo: '10' },
      '1-2',
      'Archive of the President of the Russian Federation, fond 0100, opis 43, papka 302, delo 10, leaves 1-2',
    ],
  ])('writes out %s', (_, parts, leafText, expected) => {
    const leaves = leafText ? (expandLeaves(leafText) ?? []) : [];
    expect(describeArchivalReference({ repository: APRF, ...parts, leaves })).toBe(expected);
  });
});
