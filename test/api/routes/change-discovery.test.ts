/**
 * IIIF Change Discovery API 1.0 over the harvest index, on the in-memory store and on the real
 * local stack (DynamoDB through the SDK on dynalite): the shapes of the specification's own
 * examples, paging both ways without gaps or repeats, deletes from withdrawals, and an
 * aggregator that follows the specification's processing algorithm from the last page back:
 * after changes made between two visits (new exports, a changed one re-ingested twice, a
 * withdrawal, a batch of updates longer than a page), its second visit sees every change since
 * the first, once each, in order, and reads no further back than it must.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveProfile } from '../../../functions/adapters/ingest-files.ts';
import { createApp } from '../../../functions/api/app.ts';
import { ingestExport } from '../../../functions/core/ingest/ingest-export.ts';
import { withdrawRecord } from '../../../functions/core/ingest/withdraw-record.ts';
import type { Clock } from '../../../functions/core/ports.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { buildExport } from '../../support/export-builder.ts';
import { ARCHIVE_PROFILE, ingest110020, TEST_BASE_URL, testConfig } from '../../support/fixtures.ts';
import { generatedId, generateRecords } from '../../support/generate-records.ts';
import { type OpenStores, openStores, STORE_KINDS } from '../../support/store-kinds.ts';

const CONTEXT = 'http://iiif.io/api/discovery/1/context.json';
const COLLECTION = `${TEST_BASE_URL}/iiif/discovery/1/activity/all-changes`;
const GENERATED = 250;

/** The specification's examples (sections 2.2, 2.3 and 3.3), as the shapes every document must have. */
const SPEC_COLLECTION = {
  '@context': 'http://iiif.io/api/discovery/1/context.json',
  id: 'https://example.org/activity/all-changes',
  type: 'OrderedCollection',
  first: { id: 'https://example.org/activity/page-0', type: 'OrderedCollectionPage' },
  last: { id: 'https://example.org/activity/page-214', type: 'OrderedCollectionPage' },
};
const SPEC_PAGE = {
  '@context': 'http://iiif.io/api/discovery/1/context.json',
  id: 'https://example.org/activity/page-1',
  type: 'OrderedCollectionPage',
  partOf: { id: 'https://example.org/activity/all-changes', type: 'OrderedCollection' },
  prev: { id: 'https://example.org/activity/page-0', type: 'OrderedCollectionPage' },
  next: { id: 'https://example.org/activity/page-2', type: 'OrderedCollectionPage' },
  orderedItems: [{ type: 'Update', object: { id: 'https://example.org/iiif/9/manifest', type: 'Manifest' }, endTime: '2018-03-10T10:00:00Z' }],
};

/** A JSON value's shape: its keys and the kinds of their values, arrays by their first member. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return [value.length > 0 ? shapeOf(value[0]) : 'empty'];
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  if (typeof value === 'string' && /^https?:\/\//.test(value)) return 'uri';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return 'xsd:dateTime UTC';
  return typeof value;
}

interface Activity {
  type: string;
  object: { id: string; type: string; canonical?: string };
  endTime: string;
}
interface PageDoc {
  id: string;
  prev?: { id: string };
  next?: { id: string };
  partOf: { id: string };
  orderedItems: Activity[];
}

const manifestOf = (id: string) => `${TEST_BASE_URL}/iiif/3/${id}/manifest`;

describe.each(STORE_KINDS)('IIIF Change Discovery 1.0 (%s store)', (kind) => {
  let stores: OpenStores;
  let app: ReturnType<typeof createApp>;
  let now = '2026-11-01T00:00:00.000Z';
  const clock: Clock = { now: () => new Date(now) };
  const requested: string[] = [];

  const get = async <T>(url: string): Promise<T> => {
    requested.push(url);
    const response = await app.request(url.replace(TEST_BASE_URL, ''));
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    expect(response.headers.get('content-type')).toBe(`application/ld+json;profile="${CONTEXT}"`);
    return (await response.json()) as T;
  };

  /** The specification's processing algorithm (3.5.1, 3.5.2): from the last page back, newest first, until an activity before `lastCrawl`; the processed activities in stream order. */
  async function crawl(lastCrawl: string | undefined): Promise<{ activities: Activity[]; pages: number }> {
    const collection = await get<{ last: { id: string } }>(COLLECTION);
    const processed = new Set<string>();
    const activities: Activity[] = [];
    let url: string | undefined = collection.last.id;
    let pages = 0;
    walk: while (url) {
      const page: PageDoc = await get<PageDoc>(url);
      pages++;
      for (const activity of [...page.orderedItems].reverse()) {
        if (lastCrawl !== undefined && activity.endTime < lastCrawl) break walk;
        if (processed.has(activity.object.id)) continue;
        processed.add(activity.object.id);
        activities.push(activity);
      }
      url = page.prev?.id;
    }
    return { activities: activities.reverse(), pages };
  }

  /** Every page from one end to the other, following `next` (or `prev`). */
  async function walkAll(start: string, link: 'next' | 'prev'): Promise<PageDoc[]> {
    const pages: PageDoc[] = [];
    let url: string | undefined = start;
    while (url && pages.length < 100) {
      const page: PageDoc = await get<PageDoc>(url);
      pages.push(page);
      url = page[link]?.id;
    }
    return link === 'prev' ? pages.reverse() : pages;
  }

  const exportOf = (id: string, body: string) => Buffer.from(buildExport({ body, fields: { 'Record ID': id } }));

  beforeAll(async () => {
    stores = await openStores(kind);
    for (const record of generateRecords({ count: GENERATED, textLength: 200 })) await stores.records.put(record, undefined);
    app = createApp({ config: testConfig(), records: stores.records, clock });
  }, 120_000);

  afterAll(async () => stores?.close());

  it('answers the collection and its pages in the shapes of the specification examples', async () => {
    const collection = await get<object>(COLLECTION);
    expect(shapeOf(collection)).toEqual(shapeOf(SPEC_COLLECTION));
    const pages = await walkAll(`${COLLECTION}/page`, 'next');
    const middle = pages[1];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(
      shapeOf({
        ...middle,
        orderedItems: middle?.orderedItems.map(({ type, object, endTime }) => ({ type, object: { id: object.id, type: object.type }, endTime })),
      }),
    ).toEqual(shapeOf(SPEC_PAGE));
    expect(pages[0]).not.toHaveProperty('prev');
    expect(pages[pages.length - 1]).not.toHaveProperty('next');
    for (const page of pages) expect(page.partOf).toEqual({ id: COLLECTION, type: 'OrderedCollection' });
  });

  it('lists every manifest once, oldest first, the same walking forward from the first page and back from the last', async () => {
    const forward = (await walkAll(`${COLLECTION}/page`, 'next')).flatMap((p) => p.orderedItems);
    const collection = await get<{ last: { id: string } }>(COLLECTION);
    const backward = (await walkAll(collection.last.id, 'prev')).flatMap((p) => p.orderedItems);
    const expected = Array.from({ length: GENERATED }, (_, i) => manifestOf(generatedId(i)));
    expect(forward.map((a) => a.object.id)).toEqual(expected);
    expect(backward).toEqual(forward);
    expect(new Set(forward.map((a) => a.type))).toEqual(new Set(['Create']));
    const times = forward.map((a) => a.endTime);
    expect([...times].sort()).toEqual(times);
    // Each page's prev holds exactly what the page before it held: no gap, no overlap.
    const pages = await walkAll(`${COLLECTION}/page`, 'next');
    for (const [i, page] of pages.entries()) {
      if (i === 0) continue;
      const prev = await get<PageDoc>(page.prev?.id ?? '');
      expect(prev.orderedItems).toEqual(pages[i - 1]?.orderedItems);
    }
    expect(forward[0]?.object).toEqual({ id: manifestOf(generatedId(0)), type: 'Manifest', canonical: `${TEST_BASE_URL}/records/${generatedId(0)}` });
  });

  it('refuses a page key it did not sign, naming the feed', async () => {
    for (const query of ['after=AAAA.AAAAAAAAAAAAAAAAAAAAAA', 'before=junk', 'after=']) {
      const response = await app.request(`${COLLECTION.replace(TEST_BASE_URL, '')}/page?${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.text()).toContain('is not a page of the change feed');
    }
    // A key signed for one side is not good for the other.
    const first = await get<PageDoc>(`${COLLECTION}/page`);
    const signed = new URL(first.next?.id ?? '').searchParams.get('after');
    expect((await app.request(`${COLLECTION.replace(TEST_BASE_URL, '')}/page?before=${signed}`)).status).toBe(400);
    expect((await app.request(`${COLLECTION.replace(TEST_BASE_URL, '')}/page?after=${signed}&before=${signed}`)).status).toBe(400);
  });

  it('shows an aggregator every change since its last visit, once each, in order, reading back only as far as it must', async () => {
    const profile = await loadArchiveProfile(ARCHIVE_PROFILE);
    const deps = { records: stores.records, blobs: stores.blobs, clock, profile };
    now = '2026-11-01T00:00:00.000Z';
    const changed = await ingestExport({ fileName: '200001.txt', exportBytes: exportOf('200001', 'First version.') }, deps);
    expect(changed.status).toBe('created');

    // First visit: everything.
    const first = await crawl(undefined);
    expect(first.activities).toHaveLength(GENERATED + 1);
    expect(first.activities[first.activities.length - 1]).toMatchObject({
      type: 'Create',
      object: { id: manifestOf('200001') },
      endTime: '2026-11-01T00:00:00Z',
    });
    const lastCrawl = '2026-11-01T00:00:01Z';

    // Changes between the visits.
    now = '2026-11-02T10:00:00.000Z';
    expect((await ingestExport({ fileName: '200001.txt', exportBytes: exportOf('200001', 'Second version.') }, deps)).status).toBe('updated');
    now = '2026-11-02T10:00:01.000Z';
    await ingest110020(stores, { clock });
    now = '2026-11-02T10:00:02.000Z';
    expect((await withdrawRecord(generatedId(7), { records: stores.records, clock }, 'At the request of the rights holder.')).status).toBe('withdrawn');
    // A batch of updates longer than a page, one second each.
    const batch = Array.from({ length: 120 }, (_, i) => generatedId(100 + i));
    for (const [i, id] of batch.entries()) {
      const entry = (await stores.records.get(id)) as ArchivalRecord;
      const datestamp = new Date(Date.parse('2026-11-02T11:00:00Z') + i * 1000).toISOString().replace('.000Z', 'Z');
      await stores.records.put({ ...entry, title: `${entry.title} (revised)`, version: entry.version + 1, datestamp }, entry.version);
    }
    now = '2026-11-02T12:00:00.000Z';
    expect((await ingestExport({ fileName: '200001.txt', exportBytes: exportOf('200001', 'Third version.') }, deps)).status).toBe('updated');

    requested.length = 0;
    const second = await crawl(lastCrawl);
    expect(second.activities.map((a) => [a.type, a.object.id])).toEqual([
      ['Create', manifestOf('110020')],
      ['Delete', manifestOf(generatedId(7))],
      ...batch.map((id) => ['Update', manifestOf(id)]),
      // Changed twice since the last visit: its latest change, once.
      ['Update', manifestOf('200001')],
    ]);
    expect(second.activities.map((a) => a.endTime)).toEqual([
      '2026-11-02T10:00:01Z',
      '2026-11-02T10:00:02Z',
      ...batch.map((_, i) => new Date(Date.parse('2026-11-02T11:00:00Z') + i * 1000).toISOString().replace('.000Z', 'Z')),
      '2026-11-02T12:00:00Z',
    ]);
    // 123 changes on pages of 100: the last page, and the one before it, which also holds the first older activity.
    expect(second.pages).toBe(2);
    expect(new Set(second.activities.map((a) => a.object.id)).size).toBe(second.activities.length);
  }, 120_000);

  it('keeps each page URL on its window when older records change: they move to the end, and a link to a stretch left empty holds nothing and leads to the first page', async () => {
    const first = await get<PageDoc>(`${COLLECTION}/page`);
    const secondUrl = first.next?.id ?? '';
    const second = await get<PageDoc>(secondUrl);
    const emptiedUrl = second.prev?.id ?? '';
    expect((await get<PageDoc>(emptiedUrl)).orderedItems).toEqual(first.orderedItems);

    // Every record of the first page changes: each moves to the end of the index.
    const moved = first.orderedItems.map((a) => a.object.id.replace(`${TEST_BASE_URL}/iiif/3/`, '').replace('/manifest', ''));
    for (const [i, id] of moved.entries()) {
      const entry = (await stores.records.get(id)) as ArchivalRecord;
      if (!('version' in entry)) continue;
      const datestamp = new Date(Date.parse('2026-11-03T00:00:00Z') + i * 1000).toISOString().replace('.000Z', 'Z');
      await stores.records.put({ ...entry, version: entry.version + 1, datestamp }, entry.version);
    }

    // The second page still holds the same window; nothing is older than its prev's key now.
    expect((await get<PageDoc>(secondUrl)).orderedItems).toEqual(second.orderedItems);
    const emptied = await get<PageDoc>(emptiedUrl);
    expect(emptied.orderedItems).toEqual([]);
    expect(emptied).not.toHaveProperty('prev');
    expect(emptied.next?.id).toBe(`${COLLECTION}/page`);
    // The new first page starts where the old second did, and the moved records are the newest.
    expect((await get<PageDoc>(`${COLLECTION}/page`)).orderedItems[0]).toEqual(second.orderedItems[0]);
    const last = await get<PageDoc>((await get<{ last: { id: string } }>(COLLECTION)).last.id);
    const changed = moved.filter((id) => last.orderedItems.some((a) => a.object.id === manifestOf(id)));
    expect(changed.length).toBeGreaterThan(90);
    expect(last.orderedItems.slice(-changed.length).map((a) => a.object.id)).toEqual(changed.map(manifestOf));
  }, 120_000);
});

describe('the change feed is linked', () => {
  it('from the top collection, as a Dataset with the Discovery context as its profile, and from the home page', async () => {
    const stores = await openStores('memory');
    const app = createApp({ config: testConfig(), records: stores.records, clock: { now: () => new Date('2026-11-26T12:00:00Z') } });
    const top = (await (await app.request('/iiif/3/collection/top')).json()) as { seeAlso?: unknown[] };
    expect(top.seeAlso).toEqual([
      {
        id: COLLECTION,
        type: 'Dataset',
        label: { en: ['IIIF Change Discovery 1.0: every change to the manifests'] },
        format: 'application/ld+json',
        profile: CONTEXT,
      },
    ]);
    expect(await (await app.request('/')).text()).toContain(`href="${COLLECTION}"`);
  });
});
