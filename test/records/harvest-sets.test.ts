import { describe, expect, it } from 'vitest';
import { SET_SPEC_PATTERN } from '../../functions/core/oai/oai-syntax.ts';
import { harvestSetsOf, setLevelOf, specToken } from '../../functions/core/records/harvest-sets.ts';
import { record110020 } from '../support/fixtures.ts';

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
