import { describe, expect, it } from 'vitest';
import { SET_SPEC_PATTERN } from '../../../functions/core/oai/oai-syntax.ts';
import { harvestSetsOf, setLevelOf, specToken } from '../../../functions/core/records/harvest-sets.ts';
import { record110020 } from '../../support/fixtures.ts';

describe('harvest sets', () => {
  it('derives the archival hierarchy and the document type of 110020', async () => {
    expect(harvestSetsOf(await record110020()).map((s) => [s.level, s.spec])).toEqual([
      ['repository', 'repository:APRF'],
      ['fond', 'repository:APRF:fond:45'],
      ['opis', 'repository:APRF:fond:45:opis:1'],
      ['delo', 'repository:APRF:fond:45:opis:1:delo:337'],
      ['type', 'type:telegram'],
    ]);
  });

  it.each(['R-5446', '059a', 'Фонд 3', 'a%b', 'x~y', 'Memo / note', 'Protocol No. 5'])('makes a legal, distinct OAI setSpec token of "%s"', (value) => {
    const token = specToken(value);
    expect(`type:${token}`).toMatch(SET_SPEC_PATTERN);
    expect(specToken(`${value}!`)).not.toBe(token);
  });

  it('numbers a delo within its papka when the reference names one', () => {
    const source = {
      citation: 'AVPRF, f. 0100, op. 43, p. 302, d. 10.',
      kind: 'archival-reference' as const,
      archival: {
        repository: { abbreviation: 'AVPRF', name: 'Foreign Policy Archive of the Russian Federation' },
        fond: '0100',
        opis: '43',
        papka: '302',
        delo: '10',
        leaves: [],
      },
    };
    const delo = harvestSetsOf({ source }).find((set) => set.level === 'delo');
    expect(delo).toEqual({ level: 'delo', spec: 'repository:AVPRF:fond:0100:opis:43:delo:302!10', name: 'AVPRF, fond 0100, opis 43, papka 302, delo 10' });
    expect(delo?.spec).toMatch(SET_SPEC_PATTERN);
    expect(setLevelOf(delo?.spec ?? '')).toBe('delo');
  });

  it('keeps tokens of different values different', () => {
    expect(specToken('a~7E')).not.toBe(specToken('a~'));
  });

  it.each([
    ['repository:APRF', 'repository'],
    ['repository:APRF:fond:45:opis:1:delo:337', 'delo'],
    ['type:telegram', 'type'],
    ['repository:APRF:opis:1', undefined],
    ['junk', undefined],
  ])('knows the level of %s', (spec, level) => {
    expect(setLevelOf(spec)).toBe(level);
  });
});
