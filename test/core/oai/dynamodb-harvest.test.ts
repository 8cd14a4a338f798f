/**
 * A harvest through the app over the real DynamoDB adapter on dynalite: GSI queries with a keyset
 * cursor, including pages that DynamoDB cuts short at 1 MB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app.ts';
import { harvestSetsOf } from '../../../functions/core/records/harvest-sets.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { fixedClock } from '../../support/fixtures.ts';
import { generateRecords } from '../../support/generate-records.ts';
import { emulatedStores } from '../../support/local-stack.ts';
import { type App, harvest } from '../../support/oai-client.ts';
import { DELETION_DATESTAMP, oaiId } from '../../support/oai-fixture.ts';

const COUNT = 240;
/** Large enough that 100 records exceed the 1 MB a DynamoDB query reads at most. */
const TEXT_LENGTH = 14_000;

let stores: Awaited<ReturnType<typeof emulatedStores>>;
let app: App;
let generated: ArchivalRecord[];
const withdrawn: string[] = [];

beforeAll(async () => {
  stores = await emulatedStores();
  generated = generateRecords({ count: COUNT, textLength: TEXT_LENGTH });
  for (let i = 0; i < generated.length; i += 8) await Promise.all(generated.slice(i, i + 8).map((r) => stores.records.put(r, undefined)));
  for (const record of generated.filter((_, i) => i % 40 === 39)) {
    await stores.records.delete({ id: record.id, deleted: true, version: 2, datestamp: DELETION_DATESTAMP, sets: harvestSetsOf(record).map((s) => s.spec) }, 1);
    withdrawn.push(record.id);
  }
  app = createApp({ config: stores.config, records: stores.records, clock: fixedClock() });
}, 120_000);
afterAll(() => stores?.close());

const expectedOrder = () => [...generated.filter((r) => !withdrawn.includes(r.id)).map((r) => r.id), ...withdrawn].map(oaiId);

describe('harvest over DynamoDB (dynalite)', () => {
  it('has query pages that DynamoDB cuts short at 1 MB, and continues after them', async () => {
    const page = await stores.records.listChanges({ limit: 100 });
    expect(page.items.length).toBeLessThan(100);
    expect(page.next).toBeDefined();
  });

  it('returns every record exactly once, in datestamp order, deletions last', async () => {
    const result = await harvest(app, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
    expect(result.items.map((item) => item.identifier)).toEqual(expectedOrder());
    expect(result.items.filter((item) => item.deleted).map((item) => item.identifier)).toEqual(withdrawn.map(oaiId));
  });

  it('fills every page but the last to the page size', async () => {
    const result = await harvest(app, { verb: 'ListRecords', metadataPrefix: 'oai_dc' });
    const sizes = result.pages.map((page) => page.doc.getElementsByTagName('header').length);
    expect(sizes.slice(0, -1).every((n) => n === 100)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(COUNT);
  });

  it('harvests a set from its own index', async () => {
    const result = await harvest(app, { verb: 'ListIdentifiers', metadataPrefix: 'marc21', set: 'repository:RGANI' });
    const members = expectedOrder().filter((identifier) =>
      generated.some((r) => oaiId(r.id) === identifier && harvestSetsOf(r).some((s) => s.spec === 'repository:RGANI')),
    );
    expect(result.items.map((item) => item.identifier)).toEqual(members);
  });

  it('harvests between dates', async () => {
    const from = generated[50]?.datestamp ?? '';
    const until = generated[120]?.datestamp ?? '';
    const result = await harvest(app, { verb: 'ListIdentifiers', metadataPrefix: 'mods', from, until });
    const expected = generated.filter((r) => !withdrawn.includes(r.id) && r.datestamp >= from && r.datestamp <= until).map((r) => oaiId(r.id));
    expect(result.items.map((item) => item.identifier)).toEqual(expected);
  });
});
