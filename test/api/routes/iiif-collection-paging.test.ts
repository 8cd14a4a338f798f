import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app.ts';
import { MEMBERS_PER_PAGE } from '../../../functions/core/iiif/presentation-3/read-collection-page.ts';
import { harvestSetsOf } from '../../../functions/core/records/harvest-sets.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { fixedClock, record110020, TEST_BASE_URL, testConfig } from '../../support/fixtures.ts';
import { schemaErrors, semanticProblems } from '../../support/iiif-checks.ts';
import { readWithPrezi, requirePrezi } from '../../support/prezi-reader.ts';
import { countingListings, type OpenStores, openStores, STORE_KINDS } from '../../support/store-kinds.ts';

type Collection = { id: string; type: string; partOf?: { id: string }[]; items: { id: string; type: string }[] };
type Collection2 = { '@id': string; within?: { '@id': string }[]; collections: { '@id': string }[]; manifests: { '@id': string }[] };

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

describe.each(STORE_KINDS)('on the %s store', (kind) => {
  let opened: OpenStores;
  let store: ReturnType<typeof countingListings>;
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
    opened = await openStores(kind);
    store = countingListings(opened.records);
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
  }, 120_000);
  afterAll(() => opened.close());

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

    it.each([
      '/iiif/3/collection/top?page=z',
      '/iiif/3/collection/top?page=repository:ZZZ',
      '/iiif/3/collection/archive/APRF?page=s:zzz',
      '/iiif/3/collection/archive/APRF?page=repository:ZZZ',
      '/iiif/3/collection/archive/APRF?page=r:2026-01-01T00:00:00Z%23r-0-1',
      '/iiif/3/collection/all?page=9999-12-31T23:59:59Z%23x',
      '/iiif/3/collection/all?page=',
      `/iiif/3/collection/all?page=${'x'.repeat(700)}`,
    ])('answer a page the service did not issue, %s, with 400', async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(400);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    });

    it('answer a page cursor issued for another collection, or altered, with 400', async () => {
      const continuation = [...pages.keys()].find((url) => url.startsWith(`${TEST_BASE_URL}/iiif/3/collection/archive/APRF/45/1/337?page=`));
      const cursor = continuation?.slice(continuation.indexOf('?page=') + 6) ?? '';
      expect((await app.request(`/iiif/3/collection/archive/APRF/45/1/337?page=${cursor}`)).status).toBe(200);
      expect((await app.request(`/iiif/3/collection/archive/APRF/45/1/338?page=${cursor}`)).status).toBe(400);
      expect((await app.request(`/iiif/3/collection/all?page=${cursor}`)).status).toBe(400);
      const altered = `${cursor.slice(0, 4)}${cursor[4] === 'A' ? 'B' : 'A'}${cursor.slice(5)}`;
      expect((await app.request(`/iiif/3/collection/archive/APRF/45/1/337?page=${altered}`)).status).toBe(400);
    });

    it('cost a bounded number of store calls per page, wherever the page is', () => {
      expect(Math.max(...callsPerPage)).toBeLessThanOrEqual(4);
    });
  });

  describe('the same collections in Presentation 2.1', () => {
    const pages2 = new Map<string, Collection2>();

    beforeAll(async () => {
      await requirePrezi();
      const queue = [`${TEST_BASE_URL}/iiif/2/collection/top`];
      while (queue.length > 0) {
        const url = queue.shift() as string;
        if (pages2.has(url)) continue;
        const res = await app.request(url);
        expect(res.status, url).toBe(200);
        const page = (await res.json()) as Collection2;
        pages2.set(url, page);
        queue.push(...page.collections.map((member) => member['@id']));
      }
    }, 60_000);

    it('are the same chain of pages, listing the same manifests in their 2.1 versions', () => {
      const as3 = (url: string) => url.replace('/iiif/2/', '/iiif/3/');
      expect(
        [...pages2.keys()]
          .map(as3)
          .map((url) => url.replace(/\?page=.*$/, ''))
          .toSorted(),
      ).toEqual([...pages.keys()].map((url) => url.replace(/\?page=.*$/, '')).toSorted());
      const all = [...pages2]
        .filter(([url]) => url.startsWith(`${TEST_BASE_URL}/iiif/2/collection/all`))
        .flatMap(([, page]) => page.manifests.map((m) => as3(m['@id'])));
      expect(all.toSorted()).toEqual(manifestsIn(`${TEST_BASE_URL}/iiif/3/collection/all`).toSorted());
    });

    it('make each continuation page within its collection, at the URL it is served from', () => {
      const continuations = [...pages2].filter(([url]) => url.includes('?page='));
      expect(continuations.length).toBeGreaterThanOrEqual(4);
      for (const [url, page] of continuations) {
        expect(page['@id']).toBe(url);
        expect(page.within?.map((p) => p['@id'])).toEqual([url.slice(0, url.indexOf('?'))]);
      }
    });

    it("read, every page, with iiif-prezi's ManifestReader at 2.1, without errors or warnings", async () => {
      const outcomes = await readWithPrezi(pages2);
      expect([...outcomes].filter(([, outcome]) => outcome.error !== null || outcome.warnings.length > 0)).toEqual([]);
    });
  });
});
