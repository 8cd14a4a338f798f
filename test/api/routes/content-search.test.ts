/**
 * Content Search 1.0 and 2.0 over HTTP, on the in-memory stores and on the real local stack
 * (DynamoDB and S3 through the SDK, on dynalite and s3rver): the index is stored at ingest and
 * read by the search; a record stored without one still answers; responses have the structure
 * of the specifications' own examples; bad requests, unknown and withdrawn records answer so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app.ts';
import { withdrawRecord } from '../../../functions/core/ingest/withdraw-record.ts';
import type { BlobStore } from '../../../functions/core/ports.ts';
import { readSearchIndex, searchIndexKeyOf } from '../../../functions/core/search/record-search-index.ts';
import { searchSources } from '../../../functions/core/search/search-sources.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { fixedClock, ingest110020, TEST_BASE_URL, testConfig } from '../../support/fixtures.ts';
import {
  AUTOCOMPLETE_1_EXAMPLE,
  AUTOCOMPLETE_2_EXAMPLE,
  SEARCH_1_HITS_EXAMPLE,
  SEARCH_2_EXAMPLE,
  structureProblems,
} from '../../support/search-spec-examples.ts';
import { type OpenStores, openStores, STORE_KINDS } from '../../support/store-kinds.ts';

type Json = { [key: string]: unknown };
const CANVAS_L37 = `${TEST_BASE_URL}/iiif/3/110020/canvas/l37`;
const isIndexKey = (key: string) => /\.search-v\d+\.json$/.test(key);

/** A blob store that counts the reads of search indexes, and can be told to refuse writing them (as an ingest before indexes did). */
function watchedBlobs(inner: BlobStore, options: { writeIndexes: boolean }) {
  const watched = {
    indexReads: 0,
    put: (key: string, body: Uint8Array, contentType: string) =>
      isIndexKey(key) && !options.writeIndexes ? Promise.resolve() : inner.put(key, body, contentType),
    get: (key: string) => {
      if (isIndexKey(key)) watched.indexReads++;
      return inner.get(key);
    },
    getStream: (key: string, range?: { start: number; end: number }) => inner.getStream(key, range),
    exists: (key: string) => inner.exists(key),
  };
  return watched;
}

describe.each(STORE_KINDS)('Content Search on the %s stores', (kind) => {
  let stores: OpenStores;
  let blobs: ReturnType<typeof watchedBlobs>;
  let app: ReturnType<typeof createApp>;
  let record: ArchivalRecord;
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Json };
  };

  beforeAll(async () => {
    stores = await openStores(kind);
    blobs = watchedBlobs(stores.blobs, { writeIndexes: true });
    await ingest110020({ records: stores.records, blobs });
    record = (await stores.records.get('110020')) as ArchivalRecord;
    app = createApp({ config: testConfig(), records: stores.records, blobs, clock: fixedClock() });
  }, 60_000);
  afterAll(() => stores?.close());

  it('stores the index beside the texts at ingest, and the search reads it: once, then from memory', async () => {
    expect(await stores.blobs.exists(searchIndexKeyOf('110020', searchSources(record)))).toBe(true);
    expect((await readSearchIndex(record, stores.blobs)).origin).toBe('stored');
    blobs.indexReads = 0;
    const first = await get('/iiif/search/1/110020?q=Kim%20Il%20Sung');
    expect(first.status).toBe(200);
    expect(blobs.indexReads).toBe(1);
    const before = blobs.indexReads;
    // A record object read again (from a record cache) is searched from memory; a new one costs one more read.
    await get('/iiif/search/2/110020?q=Kim%20Il%20Sung');
    expect(blobs.indexReads - before).toBeLessThanOrEqual(1);
  });

  it('finds every mention of Kim Il Sung once, whole, on the canvas its translation is attached to (1.0)', async () => {
    const { status, type, body } = await get('/iiif/search/1/110020?q=Kim%20Il%20Sung');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/ld\+json/);
    const hits = body.hits as { match: string; before: string; after: string; annotations: string[] }[];
    const resources = body.resources as { '@id': string; on: string }[];
    expect((body.within as Json).total).toBe(hits.length);
    expect(hits.length).toBeGreaterThanOrEqual(3);
    for (const hit of hits) expect(hit.match.toLowerCase()).toBe('kim il sung');
    expect(hits.some((hit) => hit.before.length > 0 && hit.after.length > 0)).toBe(true);
    // Each hit names its annotation, and each annotation is on the first leaf the undivided translation covers.
    expect(hits.map((hit) => hit.annotations[0])).toEqual(resources.map((resource) => resource['@id']));
    expect(new Set(resources.map((resource) => resource.on))).toEqual(new Set([CANVAS_L37]));
  });

  it('is declared in the manifest: 2.0 and 1.0 side by side, 1.0 by the profile Mirador 4 looks for', async () => {
    const { body } = await get('/iiif/3/110020/manifest');
    expect(body.service).toEqual([
      {
        id: `${TEST_BASE_URL}/iiif/search/2/110020`,
        type: 'SearchService2',
        service: [{ id: `${TEST_BASE_URL}/iiif/search/2/110020/autocomplete`, type: 'AutoCompleteService2' }],
      },
      {
        '@id': `${TEST_BASE_URL}/iiif/search/1/110020`,
        '@type': 'SearchService1',
        profile: 'http://iiif.io/api/search/1/search',
        service: [
          { '@id': `${TEST_BASE_URL}/iiif/search/1/110020/autocomplete`, '@type': 'AutoCompleteService1', profile: 'http://iiif.io/api/search/1/autocomplete' },
        ],
      },
    ]);
  });

  it('tells a response that departs from the specification’s structure', async () => {
    const { body } = await get('/iiif/search/1/110020?q=kim');
    const { hits: _hits, ...withoutHits } = body;
    expect(structureProblems(SEARCH_1_HITS_EXAMPLE, withoutHits)).toEqual(['$.hits: missing']);
    expect(structureProblems(SEARCH_1_HITS_EXAMPLE, { ...body, '@type': 'AnnotationPage' })).toEqual([
      '$.@type: "AnnotationPage", the specification has "sc:AnnotationList"',
    ]);
    expect(structureProblems(SEARCH_1_HITS_EXAMPLE, { ...body, extra: 1 })).toEqual(["$.extra: not in the specification's example"]);
  });

  it('answers 1.0 in the structure of the specification’s examples, listing what it ignores', async () => {
    const { body } = await get('/iiif/search/1/110020?q=the&user=someone&motivation=painting');
    expect(structureProblems(SEARCH_1_HITS_EXAMPLE, body)).toEqual([]);
    expect(new Set((body.resources as Json[]).map((annotation) => annotation.motivation))).toEqual(new Set(['sc:painting']));
    expect((body.within as Json).ignored).toEqual(['motivation', 'user']);
    const terms = await get('/iiif/search/1/110020/autocomplete?q=ki&date=2020-01-01T00:00:00Z/2021-01-01T00:00:00Z');
    expect(structureProblems(AUTOCOMPLETE_1_EXAMPLE, terms.body)).toEqual([]);
    expect(terms.body.ignored).toEqual(['date']);
    expect(terms.body.terms).toContainEqual({ match: 'kim', url: `${TEST_BASE_URL}/iiif/search/1/110020?q=kim`, count: expect.any(Number) });
  });

  it('answers 2.0 in the structure of the specification’s examples, each hit with its TextQuoteSelector', async () => {
    const { body } = await get('/iiif/search/2/110020?q=the&user=someone');
    expect(structureProblems(SEARCH_2_EXAMPLE, body)).toEqual([]);
    expect(body.ignored).toEqual(['user']);
    const items = body.items as { id: string; motivation: string; body: { value: string } }[];
    // The matched words supplement the canvas, as their text does in the manifest; the context annotations are about them.
    expect(new Set(items.map((item) => item.motivation))).toEqual(new Set(['supplementing']));
    expect(
      structureProblems(SEARCH_2_EXAMPLE, {
        ...body,
        annotations: (body.annotations as Json[]).map((page) => ({
          ...page,
          items: (page.items as Json[]).map((item) => ({ ...item, motivation: 'painting' })),
        })),
      }),
    ).toContain('$.annotations[0].items[0].motivation: "painting", the specification has "contextualizing"');
    const context = (body.annotations as { items: { target: { source: string; selector: { exact: string }[] } }[] }[])[0]?.items ?? [];
    expect(context.map((annotation) => annotation.target.source)).toEqual(items.map((item) => item.id));
    expect(context.map((annotation) => annotation.target.selector[0]?.exact)).toEqual(items.map((item) => item.body.value));
    const terms = await get('/iiif/search/2/110020/autocomplete?q=kim%20i');
    expect(structureProblems(AUTOCOMPLETE_2_EXAMPLE, terms.body)).toEqual([]);
    expect(terms.body.items).toEqual([{ type: 'Term', value: 'kim il', total: expect.any(Number) }]);
  });

  it('pages large results: next and prev link pages that together hold every hit once', async () => {
    const first = await get('/iiif/search/2/110020?q=the');
    const total = (first.body.partOf as { total: number }).total;
    expect(total).toBeGreaterThan(50);
    const seen: string[] = [];
    let page: Json | undefined = first.body;
    let pages = 0;
    while (page) {
      pages++;
      seen.push(...(page.items as { id: string }[]).map((item) => item.id));
      const next = page.next as { id: string } | undefined;
      page = next ? (await get(next.id.slice(TEST_BASE_URL.length))).body : undefined;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const last = (first.body.partOf as { last: { id: string } }).last.id;
    const lastPage = await get(last.slice(TEST_BASE_URL.length));
    expect(lastPage.body.next).toBeUndefined();
    expect((lastPage.body.prev as { id: string }).id).toBe(`${TEST_BASE_URL}/iiif/search/2/110020?q=the&page=${pages - 2}`);
    const v1 = await get('/iiif/search/1/110020?q=the&page=1');
    expect(v1.body.prev).toBe(`${TEST_BASE_URL}/iiif/search/1/110020?q=the&page=0`);
    expect(v1.body.startIndex).toBe(50);
  });

  it('matches phrases only as written, and every word of several', async () => {
    const phrase = await get('/iiif/search/2/110020?q=%22Sung%20Kim%22');
    expect((phrase.body.partOf as Json).total).toBe(0);
    const none = await get('/iiif/search/1/110020?q=Kim%20nowhereword');
    expect((none.body.within as Json).total).toBe(0);
    expect(none.body.resources).toEqual([]);
  });

  it.each([
    ['/iiif/search/1/110020', 400, '"q" is required'],
    ['/iiif/search/2/110020?q=%20', 400, '"q" is required'],
    ['/iiif/search/1/110020?q=%21%3F', 400, 'no word'],
    ['/iiif/search/2/110020?q=kim&page=x', 400, '"page"'],
    ['/iiif/search/2/110020?q=kim&page=7', 404, 'no page 7'],
    ['/iiif/search/1/110020/autocomplete', 400, '"q" is required'],
    ['/iiif/search/2/110020/autocomplete?q=ki&min=-1', 400, '"min"'],
    ['/iiif/search/1/nosuchrecord?q=kim', 404, 'No record'],
    ['/iiif/search/2/no%20such?q=kim', 400, 'not a record identifier'],
  ])('%s answers %i naming what was wrong', async (path, status, detail) => {
    const res = await app.request(path);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { detail: string }).detail).toContain(detail);
  });
});

describe.each(STORE_KINDS)('a record stored without an index, on the %s stores', (kind) => {
  let stores: OpenStores;
  afterAll(() => stores?.close());

  it('answers from an index built on read, the same hits, and gets its index at the next ingest', async () => {
    stores = await openStores(kind);
    const before = watchedBlobs(stores.blobs, { writeIndexes: false });
    await ingest110020({ records: stores.records, blobs: before });
    const record = (await stores.records.get('110020')) as ArchivalRecord;
    const key = searchIndexKeyOf('110020', searchSources(record));
    expect(await stores.blobs.exists(key)).toBe(false);
    const app = createApp({ config: testConfig(), records: stores.records, blobs: stores.blobs, clock: fixedClock() });
    const built = await (await app.request('/iiif/search/1/110020?q=Kim%20Il%20Sung')).json();

    // Ingesting the same export again changes nothing in the record, and stores its index.
    const { ingestDeps } = await ingest110020(stores);
    expect((await stores.records.get('110020'))?.version).toBe(record.version);
    expect(await stores.blobs.exists(key)).toBe(true);
    const after = watchedBlobs(stores.blobs, { writeIndexes: true });
    const fresh = createApp({ config: testConfig(), records: stores.records, blobs: after, clock: fixedClock() });
    expect(await (await fresh.request('/iiif/search/1/110020?q=Kim%20Il%20Sung')).json()).toEqual(built);
    expect(after.indexReads).toBe(1);

    // Withdrawn, the record's search answers 410, its index no longer served.
    await withdrawRecord('110020', ingestDeps, 'test');
    const gone = await fresh.request('/iiif/search/2/110020?q=kim');
    expect(gone.status).toBe(410);
    expect((await fresh.request('/iiif/search/1/110020/autocomplete?q=ki')).status).toBe(410);
  }, 60_000);
});
