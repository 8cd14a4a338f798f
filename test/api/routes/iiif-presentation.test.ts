import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app.ts';
import { PRESENTATION_MEDIA_TYPE } from '../../../functions/core/iiif/presentation-3/types.ts';
import { fixedClock, seededStores, TEST_BASE_URL, testConfig } from '../../support/fixtures.ts';
import { coverageProblems, followedByCrawl, probeUrl, referencedIds, schemaErrors, schemaFragmentOf, semanticProblems } from '../../support/iiif-checks.ts';
import { handMadeDeriver } from '../../support/leaf-images.ts';

type App = ReturnType<typeof createApp>;
type Json = { [key: string]: unknown };

let app: App;
/** Every Presentation document reachable from the top collection, by the URL it was fetched from. */
const served = new Map<string, Json>();

async function crawl(start: string): Promise<void> {
  const queue = [start];
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (served.has(url)) continue;
    const res = await app.request(url);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    const document = (await res.json()) as Json;
    served.set(url, document);
    for (const ref of referencedIds(document)) if (followedByCrawl(ref) && ref.id.startsWith(`${TEST_BASE_URL}/iiif/3/`)) queue.push(ref.id);
  }
}

beforeAll(async () => {
  const stores = await seededStores({ images: handMadeDeriver({ scans: ['38'] }) });
  app = createApp({ config: testConfig(), records: stores.records, clock: fixedClock() });
  await crawl(`${TEST_BASE_URL}/iiif/3/collection/top`);
});

const MANIFEST = '/iiif/3/110020/manifest';

describe('IIIF Presentation documents served for the test records', () => {
  it('reach every collection level, the manifest, its canvases, pages, annotations and range from the top collection', () => {
    const paths = [...served.keys()].map((url) => url.slice(TEST_BASE_URL.length));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/iiif/3/collection/top',
        '/iiif/3/collection/all',
        '/iiif/3/collection/archive/APRF',
        '/iiif/3/collection/archive/APRF/45',
        '/iiif/3/collection/archive/APRF/45/1',
        '/iiif/3/collection/archive/APRF/45/1/337',
        MANIFEST,
        '/iiif/3/110020/canvas/l37',
        '/iiif/3/110020/canvas/l40',
        '/iiif/3/110020/canvas/l38/page/painting',
        '/iiif/3/110020/canvas/l38/annotation/painting',
        '/iiif/3/110020/annotations/translation-en',
        '/iiif/3/110020/annotation/translation-en',
        '/iiif/3/110020/range/document',
      ]),
    );
  });

  it('all validate against the IIIF Presentation 3 JSON Schema', () => {
    const errors = [...served].flatMap(([url, document]) => schemaErrors(document, schemaFragmentOf(document)).map((error) => `${url}: ${error}`));
    expect(errors).toEqual([]);
  });

  it('all pass the semantic checks the schema misses', () => {
    const manifest = served.get(`${TEST_BASE_URL}${MANIFEST}`) as { items: { id: string }[] };
    const canvases = manifest.items.map((canvas) => canvas.id);
    const problems = [...served].flatMap(([url, document]) =>
      semanticProblems(document, url, ['Manifest', 'Collection'].includes(String(document.type)) ? [] : canvases).map((problem) => `${url}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('offer the translation on every canvas of 110020, from one page served at its id', () => {
    const manifest = served.get(`${TEST_BASE_URL}${MANIFEST}`) as { items: { annotations?: { id: string }[] }[] };
    expect(manifest.items.map((canvas) => canvas.annotations?.map((page) => page.id))).toEqual(
      Array(4).fill([`${TEST_BASE_URL}/iiif/3/110020/annotations/translation-en`]),
    );
    expect(coverageProblems(manifest, served)).toEqual([]);
  });

  it('reference only ids of this service that resolve, with the media type they promise', async () => {
    const failures: string[] = [];
    for (const document of served.values()) {
      for (const ref of referencedIds(document)) {
        // Image API URLs are the image service's own app; the end-to-end test fetches them from the running service.
        if (!ref.id.startsWith(TEST_BASE_URL) || ref.id.startsWith(`${TEST_BASE_URL}/iiif/image/`)) continue;
        const res = await app.request(ref.role === 'service' ? probeUrl(ref) : ref.id, { headers: { Accept: ref.format ?? '*/*' } });
        const type = res.headers.get('content-type') ?? '';
        if (res.status !== 200) failures.push(`${ref.role} ${ref.id}: ${res.status}`);
        else if (ref.format && !type.startsWith(ref.format)) failures.push(`${ref.role} ${ref.id}: served as ${type}, promised ${ref.format}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('list the manifest in the collection of every record and in its delo, as its partOf says', () => {
    const manifest = served.get(`${TEST_BASE_URL}${MANIFEST}`) as { partOf: { id: string }[] };
    for (const { id } of manifest.partOf) {
      const collection = served.get(id) as { items: { id: string }[] };
      expect(collection.items.map((item) => item.id)).toContain(`${TEST_BASE_URL}${MANIFEST}`);
    }
  });
});

describe('IIIF Presentation over HTTP', () => {
  const PARTS = [
    '/iiif/3/110020/canvas/l38',
    '/iiif/3/110020/canvas/l38/page/painting',
    '/iiif/3/110020/canvas/l38/annotation/painting',
    '/iiif/3/110020/annotations/translation-en',
    '/iiif/3/110020/annotation/translation-en',
    '/iiif/3/110020/range/document',
  ];

  it.each([MANIFEST, '/iiif/3/collection/top', ...PARTS])('serves %s as JSON-LD with the Presentation 3 profile, cacheable', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(PRESENTATION_MEDIA_TYPE);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(res.headers.get('etag')).toMatch(/^"[^"]+"$/);
  });

  it.each(PARTS)('serves %s with the JSON-LD context, at its own id, with a strong ETag from the record version and 304 to it', async (path) => {
    const res = await app.request(path, { headers: { Origin: 'https://viewer.example' } });
    const document = (await res.json()) as Json;
    expect(document['@context']).toBe('http://iiif.io/api/presentation/3/context.json');
    expect(document.id).toBe(`${TEST_BASE_URL}${path}`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const etag = res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"110020-v1-d\d+-[\w-]+"$/);
    expect((await app.request(path, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await app.request(path, { method: 'HEAD' })).headers.get('etag')).toBe(etag);
  });

  it('gives every part an ETag of its own', async () => {
    const etags = await Promise.all([MANIFEST, ...PARTS].map(async (path) => (await app.request(path)).headers.get('etag')));
    expect(new Set(etags).size).toBe(PARTS.length + 1);
  });

  it('opens CORS to every origin', async () => {
    const res = await app.request(MANIFEST, { headers: { Origin: 'https://viewer.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await app.request(MANIFEST);
    const head = await app.request(MANIFEST, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-type')).toBe(PRESENTATION_MEDIA_TYPE);
    expect(await head.text()).toBe('');
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const etag = (await app.request(MANIFEST)).headers.get('etag') ?? '';
    const res = await app.request(MANIFEST, { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('compresses with %s when asked, to the same bytes', async (coding, decode) => {
    const identity = await (await app.request(MANIFEST)).text();
    const res = await app.request(MANIFEST, { headers: { 'Accept-Encoding': coding } });
    expect(res.headers.get('content-encoding')).toBe(coding);
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(decode(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(identity);
  });

  it('prefers Brotli when both are acceptable, and sends identity when neither is', async () => {
    expect((await app.request(MANIFEST, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })).headers.get('content-encoding')).toBe('br');
    expect((await app.request(MANIFEST, { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } })).headers.get('content-encoding')).toBeNull();
  });

  it('still answers 304 to the weak ETag of a compressed response', async () => {
    const etag = (await app.request(MANIFEST, { headers: { 'Accept-Encoding': 'gzip' } })).headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\//);
    expect((await app.request(MANIFEST, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } })).status).toBe(304);
  });

  it.each([
    ['/iiif/3/999999/manifest', 404],
    ['/iiif/3/bad%20id/manifest', 400],
    ['/iiif/3/110020/canvas/l41', 404],
    ['/iiif/3/110020/canvas/l41/page/painting', 404],
    ['/iiif/3/110020/canvas/l37/page/other', 404],
    ['/iiif/3/110020/canvas/l37/annotation/other', 404],
    ['/iiif/3/110020/annotations/translation-ru', 404],
    ['/iiif/3/110020/annotation/translation-ru', 404],
    ['/iiif/3/110020/range/other', 404],
    ['/iiif/3/999999/annotations/translation-en', 404],
    ['/iiif/3/bad%20id/range/document', 400],
    ['/iiif/3/collection/nowhere', 404],
    ['/iiif/3/collection/archive/APRF/99', 404],
    ['/iiif/3/collection/archive/APRF/45/1/337/9', 404],
    ['/iiif/3/collection/archive/%E0%A4%A', 404],
    ['/iiif/3/collection/all?page=not-a-cursor', 400],
    ['/iiif/3/collection/archive/APRF/45?page=x', 400],
  ])('answers %s with problem JSON and status %i', async (path, status) => {
    const res = await app.request(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
