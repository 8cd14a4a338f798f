import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.ts';
import { MEMBERS_PER_PAGE } from '../../functions/core/iiif/presentation-3/read-collection-page.ts';
import type { RecordStore } from '../../functions/core/ports.ts';
import { harvestSetsOf } from '../../functions/core/records/harvest-sets.ts';
import type { ArchivalRecord } from '../../schemas/record.ts';
import { fixedClock, record110020, TEST_BASE_URL, testConfig } from '../support/fixtures.ts';
import { MemoryRecordStore } from '../support/memory-stores.ts';
import { schemaErrors, semanticProblems } from './iiif-checks.ts';

type Collection = { id: string; type: string; partOf?: { id: string }[]; items: { id: string; type: string }[] };

/** Where the synthetic records sit: more than two pages in one delo, a fond whose references stop at the fond, a second repository. */
const LAYOUT = [
  { count: 230, repository: 'APRF', fond: '45', opis: '1', delo: '337' },
  { count: 12, repository: 'APRF', fond: '45', opis: '1', delo: '338' },
  { count: 3, repository: 'APRF', fond: '3' },
  { count: 5, repository: 'AVPRF', fond: '0', opis: '2', delo: '7' },
] as const;
const TOTAL = LAYOUT.reduce((sum, group) => sum + group.count, 0);
const WITHDRAWN = 'r-0-5';

const REPOSITORIES = {
  APRF: { abbreviation: 'APRF', name: 'Archive of the President of the Russian Federation' },
  AVPRF: { abbreviation: 'AVPRF', name: 'Foreign Policy Archive of the Russian Federation' },
};

/** Counts store calls, to show that the cost of a page does not grow with its position. */
class CountingStore extends MemoryRecordStore {
  calls = 0;
  override async listChanges(query: Parameters<RecordStore['listChanges']>[0]) {
    this.calls++;
    return super.listChanges(query);
  }
  override async listSets(query: Parameters<RecordStore['listSets']>[0]) {
    this.calls++;
    return super.listSets(query);
  }
}

let store: CountingStore;
let app: ReturnType<typeof createApp>;
const pages = new Map<string, Collection>();
const callsPerPage: number[] = [];

async function crawl(start: string) {
  const queue = [start];
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (pages.has(url)) continue;
    store.calls = 0;
    const res = await app.request(url);
    callsPerPage.push(store.calls);
    expect(res.status, url).toBe(200);
    const page = (await res.json()) as Collection;
    pages.set(url, page);
    for (const item of page.items) if (item.type === 'Collection') queue.push(item.id);
  }
}

const manifestsIn = (prefix: string) =>
  [...pages]
    .filter(([url]) => url === prefix || url.startsWith(`${prefix}?`))
    .flatMap(([, page]) => page.items.filter((item) => item.type === 'Manifest').map((item) => item.id));

beforeAll(async () => {
  const template = await record110020();
  store = new CountingStore();
  let n = 0;
  for (const [g, group] of LAYOUT.entries()) {
    for (let i = 0; i < group.count; i++, n++) {
      const id = `r-${g}-${i}`;
      const archival = { repository: REPOSITORIES[group.repository], fond: group.fond, leaves: [{ number: 1, reverse: false }] } as NonNullable<
        ArchivalRecord['source']['archival']
      >;
      if ('opis' in group) Object.assign(archival, { opis: group.opis, delo: group.delo });
      const datestamp = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString().replace('.000Z', 'Z');
      const record: ArchivalRecord = {
        ...template,
        id,
        title: `Record ${id}`,
        datestamp,
        source: { citation: `Reference of ${id}`, kind: 'archival-reference', archival },
      };
      await store.put(record, undefined);
    }
  }
  const withdrawn = await store.get(WITHDRAWN);
  if (!withdrawn || 'deleted' in withdrawn) throw new Error('fixture');
  await store.delete({ id: WITHDRAWN, deleted: true, version: 2, datestamp: '2026-02-01T00:00:00Z', sets: harvestSetsOf(withdrawn).map((s) => s.spec) }, 1);
  app = createApp({ config: testConfig(), records: store, clock: fixedClock() });
  await crawl(`${TEST_BASE_URL}/iiif/3/collection/top`);
});

describe('paged IIIF collections over many records', () => {
  it('list every live record exactly once in the collection of all records, and no withdrawn one', () => {
    const ids = manifestsIn(`${TEST_BASE_URL}/iiif/3/collection/all`);
    expect(ids).toHaveLength(TOTAL - 1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(`${TEST_BASE_URL}/iiif/3/${WITHDRAWN}/manifest`);
  });

  it('list every live record exactly once in the archival hierarchy, a fond without opisi listing its records itself', () => {
    const archival = [...pages]
      .filter(([url]) => url.startsWith(`${TEST_BASE_URL}/iiif/3/collection/archive/`))
      .flatMap(([, page]) => page.items.filter((item) => item.type === 'Manifest').map((item) => item.id));
    expect(archival.toSorted()).toEqual(manifestsIn(`${TEST_BASE_URL}/iiif/3/collection/all`).toSorted());
    expect(manifestsIn(`${TEST_BASE_URL}/iiif/3/collection/archive/APRF/3`)).toHaveLength(3);
  });

  it(`hold at most ${MEMBERS_PER_PAGE} members a page, chaining to the next page`, () => {
    const delo = [...pages].filter(([url]) => url.startsWith(`${TEST_BASE_URL}/iiif/3/collection/archive/APRF/45/1/337`));
    expect(delo).toHaveLength(3);
    for (const [, page] of pages) expect(page.items.filter((item) => item.type === 'Manifest').length).toBeLessThanOrEqual(MEMBERS_PER_PAGE);
  });

  it('make each continuation page part of its collection, at the URL it is served from', () => {
    const continuations = [...pages].filter(([url]) => url.includes('?page='));
    expect(continuations.length).toBeGreaterThanOrEqual(4);
    for (const [url, page] of continuations) {
      expect(page.id).toBe(url);
      expect(page.partOf?.map((p) => p.id)).toEqual([url.slice(0, url.indexOf('?'))]);
    }
  });

  it('validate, every page, against the IIIF schema and the semantic checks', () => {
    const problems = [...pages].flatMap(([url, page]) => [...schemaErrors(page), ...semanticProblems(page, url)].map((p) => `${url}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('cost a bounded number of store calls per page, wherever the page is', () => {
    expect(Math.max(...callsPerPage)).toBeLessThanOrEqual(4);
  });
});
