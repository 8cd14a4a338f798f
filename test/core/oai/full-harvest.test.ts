/**
 * A full harvest of a generated archive of 10,000 records through resumption tokens (in-memory
 * store, through the app), and selective harvests by date and by set.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { harvestSetsOf } from '../../../functions/core/records/harvest-sets.ts';
import { datestampOf } from '../../support/generate-records.ts';
import { type Harvest, harvest } from '../../support/oai-client.ts';
import { GENERATED_START, type OaiFixture, oaiFixture, oaiId } from '../../support/oai-fixture.ts';

const COUNT = 10_000;
let fx: OaiFixture;
let full: Harvest;

beforeAll(async () => {
  fx = await oaiFixture({ count: COUNT, withdrawEvery: 500 });
  full = await harvest(fx.app, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
}, 120_000);

const identifiers = (h: Harvest) => h.items.map((item) => item.identifier);
const sortKey = (item: { datestamp: string; identifier: string }) => `${item.datestamp}#${item.identifier}`;

describe('full harvest of 10,000 records', () => {
  it('returns every record exactly once', () => {
    const expected = [...fx.generated.map((r) => oaiId(r.id)), oaiId('110020')];
    expect(new Set(identifiers(full)).size).toBe(full.items.length);
    expect([...identifiers(full)].sort()).toEqual(expected.sort());
  });

  it('returns them in datestamp order', () => {
    const keys = full.items.map(sortKey);
    expect(keys).toEqual([...keys].sort());
  });

  it('reports the withdrawn records as deleted', () => {
    expect(full.items.filter((item) => item.deleted).map((item) => item.identifier)).toEqual(fx.withdrawn.map(oaiId));
  });

  it('harvests every record in every format with the same headers', async () => {
    for (const prefix of ['mods', 'marc21']) {
      const records = await harvest(fx.app, { verb: 'ListRecords', metadataPrefix: prefix });
      expect(identifiers(records)).toEqual(identifiers(full));
      expect(records.items.filter((item) => !item.deleted && !item.metadata)).toEqual([]);
    }
  }, 120_000);
});

describe('selective harvesting', () => {
  it('by date returns exactly the records stamped within the bounds', async () => {
    const from = datestampOf(1234, { start: GENERATED_START });
    const until = datestampOf(4321, { start: GENERATED_START });
    const result = await harvest(fx.app, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', from, until });
    const expected = full.items.filter((item) => item.datestamp >= from && item.datestamp <= until).map((item) => item.identifier);
    expect(expected.length).toBeGreaterThan(3000);
    expect(identifiers(result)).toEqual(expected);
  });

  it.each(['repository:RGANI', 'repository:APRF:fond:5', 'repository:AVPRF:fond:4:opis:2:delo:105', 'type:memorandum'])(
    'by set %s returns exactly the set members, deletions included',
    async (set) => {
      const result = await harvest(fx.app, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set });
      const members = fx.generated.filter((r) => harvestSetsOf(r).some((s) => s.spec === set)).map((r) => oaiId(r.id));
      expect(members.length).toBeGreaterThan(0);
      expect(identifiers(result)).toEqual(members);
      expect(result.items.every((item) => item.sets.includes(set))).toBe(true);
    },
  );

  it('by set and date together', async () => {
    const from = datestampOf(3000, { start: GENERATED_START }).slice(0, 10);
    const result = await harvest(fx.app, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set: 'type:letter', from });
    const expected = full.items.filter((item) => item.datestamp >= `${from}T00:00:00Z` && item.sets.includes('type:letter')).map((item) => item.identifier);
    expect(identifiers(result)).toEqual(expected);
  });
});
