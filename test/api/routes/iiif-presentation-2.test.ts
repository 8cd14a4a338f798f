/**
 * IIIF Presentation 2.1 for legacy clients: every 2.1 document reachable from the top collection,
 * for 110020 and the family of record shapes the export builder makes, read by iiif-prezi's
 * ManifestReader (the 2.1 validator's reader) and by manifesto.js (the library Universal Viewer
 * reads manifests with), and checked to say what the 3.0 documents say about the same records.
 */
import * as manifesto from 'manifesto.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../functions/api/app.ts';
import { PRESENTATION_2_CONTEXT, PRESENTATION_2_MEDIA_TYPE } from '../../../functions/core/iiif/presentation-2/types.ts';
import { PRESENTATION_CONTEXT, PRESENTATION_MEDIA_TYPE } from '../../../functions/core/iiif/presentation-3/types.ts';
import { ingestExport } from '../../../functions/core/ingest/ingest-export.ts';
import { buildExport, type ExportParts } from '../../support/export-builder.ts';
import { fixedClock, ingest110020, TEST_BASE_URL, testConfig } from '../../support/fixtures.ts';
import { handMadeDeriver } from '../../support/leaf-images.ts';
import { MemoryBlobStore, MemoryRecordStore } from '../../support/memory-stores.ts';
import { type PreziOutcome, readWithPrezi, requirePrezi } from '../../support/prezi-reader.ts';

type Json = { [key: string]: unknown };
type App = ReturnType<typeof createApp>;

/** The shapes of record the export builder makes, beside the seed (110020, four leaves, one without any image). */
const SHAPES: { [shape: string]: { id: string; parts: ExportParts } } = {
  leaves: { id: '300001', parts: { fields: { Source: 'RGASPI, f. 558, op. 11, d. 97, ll. 67-70.', Language: 'Russian' } } },
  book: {
    id: '300002',
    parts: { fields: { Source: 'Milovan Djilas. Wartime. (New York: Harcourt Brace Jovanovich, 1977), 385-387.', Type: 'Memoir' } },
  },
  note: { id: '300003', parts: { fields: { Source: 'Obtained by Kathryn Weathersby.', Type: 'Letter' }, omit: ['summary'] } },
  year: { id: '300004', parts: { date: '1958' } },
  undated: { id: '300006', parts: { date: 'n.d.' } },
};

/**
 * What iiif-prezi warns about that is not a fault: its 2.1 factory does not list `rendering`
 * among the properties it knows, though Presentation 2.1 section 3.3 allows it on every resource
 * (a known validator limitation); a leaf the archive holds no image of has a canvas with no
 * images, as in 3.0; and a record without a summary has no description, since nothing is
 * invented. The last two are SHOULDs the reader notes. And the reader wants a `@context` on
 * every service, while Content Search 1.0 (section 3, its own example) nests the autocomplete
 * service inside the search service without one: it is the search service's context.
 */
const KNOWN_WARNINGS = [
  /^WARNING: Resource type '' should have '@context' set$/,
  /^WARNING: Setting non-standard field 'rendering' on resource of type 'sc:Sequence'$/,
  /^WARNING: Resource type 'sc:Canvas' should have 'images' set$/,
  /^WARNING: Resource type 'sc:Manifest' should have 'description' set$/,
];

let app: App;
const served = new Map<string, Json>();
let outcomes: Map<string, PreziOutcome>;

const idOf = (value: unknown) => (value && typeof value === 'object' && '@id' in value ? String((value as { '@id': unknown })['@id']) : undefined);

/** The 2.1 documents a client follows: collections, manifests and the canvases' AnnotationLists. */
function followed(document: Json): string[] {
  const refs = [...((document.collections as Json[]) ?? []), ...((document.manifests as Json[]) ?? [])].map(idOf);
  for (const sequence of (document.sequences as { canvases: Json[] }[]) ?? []) {
    for (const canvas of sequence.canvases) refs.push(...((canvas.otherContent as Json[]) ?? []).map(idOf));
  }
  return refs.filter((ref): ref is string => ref !== undefined);
}

async function crawl(start: string): Promise<void> {
  const queue = [start];
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (served.has(url)) continue;
    const res = await app.request(url);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    expect(res.headers.get('Content-Type'), url).toBe(PRESENTATION_2_MEDIA_TYPE);
    const document = (await res.json()) as Json;
    served.set(url, document);
    queue.push(...followed(document));
  }
}

const manifestUrl = (id: string, version: 2 | 3) => `${TEST_BASE_URL}/iiif/${version}/${id}/manifest`;
const v2 = (id: string) => served.get(manifestUrl(id, 2)) as Json & { sequences: { canvases: Json[] }[]; service: Json[] };
async function v3(id: string) {
  return (await (await app.request(manifestUrl(id, 3))).json()) as Json & { items: Json[] };
}

beforeAll(async () => {
  await requirePrezi();
  const stores = await ingest110020(
    { records: new MemoryRecordStore(), blobs: new MemoryBlobStore() },
    { images: handMadeDeriver({ scans: ['38'], missing: ['40'] }) },
  );
  for (const { id, parts } of Object.values(SHAPES)) {
    const outcome = await ingestExport(
      { fileName: `${id}.txt`, exportBytes: Buffer.from(buildExport({ ...parts, fields: { ...parts.fields, 'Record ID': id } })) },
      stores.ingestDeps,
    );
    if (outcome.status === 'rejected') throw new Error(`${id}: ${JSON.stringify(outcome.problems)}`);
  }
  app = createApp({ config: testConfig(), records: stores.records, clock: fixedClock() });
  await crawl(`${TEST_BASE_URL}/iiif/2/collection/top`);
  outcomes = await readWithPrezi(served);
}, 60_000);

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('IIIF Presentation 2.1 documents', () => {
  it('reach every collection level, every manifest and the texts from the top collection', () => {
    const paths = [...served.keys()].map((url) => url.slice(TEST_BASE_URL.length));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/iiif/2/collection/top',
        '/iiif/2/collection/all',
        '/iiif/2/collection/archive/APRF/45/1/337',
        '/iiif/2/110020/manifest',
        '/iiif/2/110020/annotations/translation-en',
        ...Object.values(SHAPES).map(({ id }) => `/iiif/2/${id}/manifest`),
      ]),
    );
  });

  it("all read with iiif-prezi's ManifestReader at 2.1, without errors and without warnings beyond the known ones", () => {
    expect(outcomes.size).toBe(served.size);
    const errors = [...outcomes].flatMap(([url, outcome]) => (outcome.error ? [`${url}: ${outcome.error}`] : []));
    expect(errors).toEqual([]);
    const unexpected = [...outcomes].flatMap(([url, outcome]) =>
      outcome.warnings.filter((warning) => !KNOWN_WARNINGS.some((known) => known.test(warning))).map((warning) => `${url}: ${warning}`),
    );
    expect(unexpected).toEqual([]);
  });

  it('link the top collection to the Change Discovery feed, as the 3.0 top collection does', async () => {
    const three = (await (await app.request('/iiif/3/collection/top')).json()) as { seeAlso: { id: string; format: string; profile: string }[] };
    const two = served.get(`${TEST_BASE_URL}/iiif/2/collection/top`) as { seeAlso: { '@id': string; format: string; profile: string }[] };
    expect(three.seeAlso.length).toBeGreaterThan(0);
    expect(two.seeAlso.map((link) => [link['@id'], link.format, link.profile])).toEqual(three.seeAlso.map((link) => [link.id, link.format, link.profile]));
  });

  it('carry the 2.1 context and a @type, and are served at their @id', () => {
    for (const [url, document] of served) {
      expect(document['@context'], url).toBe(PRESENTATION_2_CONTEXT);
      expect(document['@id'], url).toBe(url);
      expect(['sc:Manifest', 'sc:Collection', 'sc:AnnotationList'], url).toContain(document['@type']);
    }
  });
});

describe('a 2.1 manifest says what the 3.0 manifest says', () => {
  const ids = ['110020', ...Object.values(SHAPES).map((shape) => shape.id)];

  it.each(ids)('%s: rights as license, navDate, and the same canvases, with the same sizes', async (id) => {
    const three = await v3(id);
    const two = v2(id);
    expect(two.license).toBe(three.rights);
    expect(two.navDate).toBe(three.navDate);
    const canvases = two.sequences[0]?.canvases ?? [];
    expect(canvases.map((canvas) => [String(canvas['@id']).replace('/iiif/2/', '/iiif/3/'), canvas.width, canvas.height])).toEqual(
      three.items.map((canvas) => [canvas.id, canvas.width, canvas.height]),
    );
  });

  it('paints each leaf image through the 2.1 image service, at level 2', () => {
    const [canvas] = v2('110020').sequences[0]?.canvases ?? [];
    const [painting] = (canvas?.images as { motivation: string; on: string; resource: { '@type': string; service: Json } }[]) ?? [];
    expect(painting?.motivation).toBe('sc:painting');
    expect(painting?.on).toBe(canvas?.['@id']);
    expect(painting?.resource['@type']).toBe('dctypes:Image');
    expect(painting?.resource.service).toEqual({
      '@context': 'http://iiif.io/api/image/2/context.json',
      '@id': `${TEST_BASE_URL}/iiif/image/2/110020-37`,
      profile: 'http://iiif.io/api/image/2/level2.json',
    });
  });

  it('gives a leaf without any image a canvas of nominal size with no images, saying so, as 3.0 does', async () => {
    const canvases = v2('110020').sequences[0]?.canvases ?? [];
    const last = canvases.at(-1);
    expect(last?.label).toBe('l. 40');
    expect(last?.images).toEqual([]);
    expect(JSON.stringify(last?.description)).toContain('No image of this leaf is available');
    const three = await v3('110020');
    expect(three.items.at(-1)).toMatchObject({ width: last?.width, height: last?.height });
  });

  it('offers the translation as an AnnotationList on every canvas, painting the text once on each', () => {
    const canvases = v2('110020').sequences[0]?.canvases ?? [];
    const listUrl = `${TEST_BASE_URL}/iiif/2/110020/annotations/translation-en`;
    expect(canvases.map((canvas) => (canvas.otherContent as Json[]).map(idOf))).toEqual(Array(4).fill([listUrl]));
    const list = served.get(listUrl) as { resources: { on: string; resource: { '@type': string; chars: string; language: string } }[] };
    expect(list.resources.map((annotation) => annotation.on)).toEqual(canvases.map((canvas) => canvas['@id']));
    for (const annotation of list.resources) {
      expect(annotation.resource).toMatchObject({ '@type': 'cnt:ContentAsText', language: 'en', format: 'text/html' });
      expect(annotation.resource.chars).toMatch(/^<p>SECOND MAIN ADMINISTRATION/);
    }
  });

  it('attributes the record as 3.0 does: the rights statement, then the provider', async () => {
    const three = (await v3('110020')) as unknown as { requiredStatement: { value: { en: string[] } }; provider: { label: { en: string[] } }[] };
    expect(v2('110020').attribution).toEqual([
      ...three.requiredStatement.value.en.map((value) => ({ '@value': value, '@language': 'en' })),
      { '@value': `Provided by ${three.provider[0]?.label.en[0]}`, '@language': 'en' },
    ]);
  });

  it('lists the collections the record is within, in their 2.1 versions', () => {
    expect((v2('110020').within as Json[]).map(idOf)).toEqual([
      `${TEST_BASE_URL}/iiif/2/collection/all`,
      `${TEST_BASE_URL}/iiif/2/collection/archive/APRF/45/1/337`,
    ]);
  });
});

describe('Content Search 1.0 from the 2.1 manifest', () => {
  type SearchList = { '@context': string[]; within: { total: number }; resources: { on: string }[] };
  const service = () => (v2('110020').service as unknown as { '@id': string; profile: string; service: { '@id': string; profile: string } }[])[0];

  it("is the one service without a @context (the reader's only such warning), the nested autocomplete", () => {
    for (const id of ['110020', ...Object.values(SHAPES).map((shape) => shape.id)]) {
      const warnings = outcomes.get(manifestUrl(id, 2))?.warnings ?? [];
      expect(warnings.filter((warning) => warning.includes("should have '@context' set"))).toHaveLength(1);
      expect(JSON.stringify(v2(id).service[0]?.service)).not.toContain('@context');
    }
  });

  it('is declared in the Search 1.0 form, with its autocomplete, inside the 2.1 space', () => {
    expect(service()).toEqual({
      '@context': 'http://iiif.io/api/search/1/context.json',
      '@id': `${TEST_BASE_URL}/iiif/2/110020/search`,
      profile: 'http://iiif.io/api/search/1/search',
      service: { '@id': `${TEST_BASE_URL}/iiif/2/110020/search/autocomplete`, profile: 'http://iiif.io/api/search/1/autocomplete' },
    });
  });

  it('finds what the 3.0 service finds, its hits on the 2.1 canvases a 2.x viewer shows', async () => {
    const query = '?q=Kim%20Il%20Sung';
    // The 2.1 answer first: the 3.0 one asked after it is not the cached 2.1 answer.
    const twoRes = await app.request(`${service()?.['@id']}${query}`);
    const threeRes = await app.request(`/iiif/search/1/110020${query}`);
    expect(twoRes.headers.get('ETag')).not.toBe(threeRes.headers.get('ETag'));
    const two = (await twoRes.json()) as SearchList;
    const three = (await threeRes.json()) as SearchList;
    expect(three.resources.every((hit) => hit.on.startsWith(`${TEST_BASE_URL}/iiif/3/110020/canvas/`))).toBe(true);
    expect(two['@context']).toContain('http://iiif.io/api/search/1/context.json');
    expect(two.within.total).toBeGreaterThan(0);
    expect(two.within.total).toBe(three.within.total);
    const canvases = new Set((v2('110020').sequences[0]?.canvases ?? []).map((canvas) => canvas['@id']));
    expect(two.resources.filter((hit) => !canvases.has(hit.on.replace(/#.*$/, '')))).toEqual([]);
    expect(two.resources.map((hit) => hit.on.replace('/iiif/2/', '/iiif/3/'))).toEqual(three.resources.map((hit) => hit.on));
  });

  it('completes terms with search URLs inside the 2.1 space', async () => {
    const list = (await (await app.request(`${service()?.service['@id']}?q=ki`)).json()) as { terms: { match: string; url: string }[] };
    expect(list.terms.map((term) => term.url)).toEqual([`${TEST_BASE_URL}/iiif/2/110020/search?q=kim`]);
  });
});

describe('manifesto.js reading the 2.1 manifest of 110020', () => {
  const parse = () => manifesto.parseManifest(v2('110020')) as manifesto.Manifest;
  const canvases = () => parse().getSequences()[0]?.getCanvases() ?? [];

  it('sees a Presentation 2 manifest with four canvases labelled l. 37 to l. 40', () => {
    expect(parse().context).toBe(PRESENTATION_2_CONTEXT);
    expect(canvases().map((canvas) => canvas.getLabel().getValue())).toEqual(['l. 37', 'l. 38', 'l. 39', 'l. 40']);
  });

  it('sees the license, the attribution and the navDate', () => {
    expect(parse().getLicense()).toBe('http://rightsstatements.org/vocab/InC-EDU/1.0/');
    expect(parse().getRequiredStatement()?.getValue()).toContain('welcomes reuse of Digital Archive materials');
    expect(parse().getNavDate().toISOString()).toBe('1951-01-27T00:00:00.000Z');
  });

  it('builds image URLs in the 2.1 syntax from the image service', () => {
    expect(canvases()[0]?.getCanonicalImageUri(400)).toBe(`${TEST_BASE_URL}/iiif/image/2/110020-37/full/400,/0/default.jpg`);
  });

  it('loads the translation from the canvas otherContent, as Universal Viewer 3 does', async () => {
    vi.stubGlobal('fetch', (url: string) => app.request(url));
    const [list] = (await canvases()[0]?.getOtherContent()) ?? [];
    const [annotation] = list?.getResources() ?? [];
    expect(annotation?.getMotivation()).toBe('sc:painting');
    expect(String(annotation?.getOn())).toBe(`${TEST_BASE_URL}/iiif/2/110020/canvas/l37`);
  });
});

describe('version negotiation on the manifest URLs', () => {
  const profile = (context: string, q = '') => `application/ld+json;profile="${context}"${q}`;

  it.each([
    ['/iiif/3/110020/manifest', profile(PRESENTATION_2_CONTEXT), '/iiif/2/110020/manifest'],
    ['/iiif/2/110020/manifest', profile(PRESENTATION_CONTEXT), '/iiif/3/110020/manifest'],
    ['/iiif/2/110020/manifest', `${profile(PRESENTATION_2_CONTEXT, ';q=0.5')}, ${profile(PRESENTATION_CONTEXT)}`, '/iiif/3/110020/manifest'],
  ])('%s with Accept %s is a 303 to %s, varying on Accept', async (path, accept, location) => {
    const res = await app.request(path, { headers: { Accept: accept } });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`${TEST_BASE_URL}${location}`);
    expect(res.headers.get('Vary')).toContain('Accept');
  });

  it.each([
    ['/iiif/3/110020/manifest', undefined, PRESENTATION_MEDIA_TYPE],
    ['/iiif/3/110020/manifest', '*/*', PRESENTATION_MEDIA_TYPE],
    ['/iiif/3/110020/manifest', 'application/json', PRESENTATION_MEDIA_TYPE],
    ['/iiif/3/110020/manifest', profile(PRESENTATION_CONTEXT), PRESENTATION_MEDIA_TYPE],
    ['/iiif/3/110020/manifest', `${profile(PRESENTATION_2_CONTEXT)}, ${profile(PRESENTATION_CONTEXT)}`, PRESENTATION_MEDIA_TYPE],
    ['/iiif/2/110020/manifest', undefined, PRESENTATION_2_MEDIA_TYPE],
    ['/iiif/2/110020/manifest', 'application/ld+json', PRESENTATION_2_MEDIA_TYPE],
    ['/iiif/2/110020/manifest', profile(PRESENTATION_2_CONTEXT), PRESENTATION_2_MEDIA_TYPE],
  ])('%s with Accept %s is served there, varying on Accept', async (path, accept, contentType) => {
    const res = await app.request(path, accept ? { headers: { Accept: accept } } : {});
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(contentType);
    expect(res.headers.get('Vary')).toContain('Accept');
  });

  it('gives the two versions different ETags, each revalidating with a 304', async () => {
    const two = await app.request('/iiif/2/110020/manifest');
    const three = await app.request('/iiif/3/110020/manifest');
    expect(two.headers.get('ETag')).not.toBe(three.headers.get('ETag'));
    const again = await app.request('/iiif/2/110020/manifest', { headers: { 'If-None-Match': two.headers.get('ETag') ?? '' } });
    expect(again.status).toBe(304);
  });
});

describe('2.1 resources that do not exist', () => {
  it.each(['/iiif/2/999999/manifest', '/iiif/2/110020/annotations/nothing', '/iiif/2/110020/canvas/l99', '/iiif/2/collection/nowhere'])(
    '%s is a 404 problem',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    },
  );

  it('a forged collection page is a 400 problem', async () => {
    const res = await app.request('/iiif/2/collection/all?page=forged');
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  });
});
