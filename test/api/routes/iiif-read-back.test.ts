/** The served manifest read back by the libraries IIIF viewers are built on. */
import { normalize } from '@iiif/parser';
import * as manifesto from 'manifesto.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app.ts';
import { fixedClock, seededStores, testConfig } from '../../support/fixtures.ts';
import { handMadeDeriver } from '../../support/leaf-images.ts';

const LABELS = ['l. 37', 'l. 38', 'l. 39', 'l. 40'];
const RIGHTS = 'http://rightsstatements.org/vocab/InC-EDU/1.0/';
const TRANSLATION_START = 'SECOND MAIN ADMINISTRATION OF THE GENERAL STAFF OF THE SOVIET ARMY';

let json: { id: string; items: { annotations?: { id: string }[] }[] };
/** The translation's AnnotationPage as a viewer fetches it, from the id the canvases reference. */
let pageJson: { id: string };
beforeAll(async () => {
  const stores = await seededStores({ images: handMadeDeriver() });
  const app = createApp({ config: testConfig(), records: stores.records, clock: fixedClock() });
  json = (await (await app.request('/iiif/3/110020/manifest')).json()) as typeof json;
  pageJson = (await (await app.request(json.items[0]?.annotations?.[0]?.id ?? '')).json()) as { id: string };
});

describe('manifesto.js reading the 110020 manifest', () => {
  const parse = () => manifesto.parseManifest(json) as manifesto.Manifest;
  const canvases = () => parse().getSequences()[0]?.getCanvases() ?? [];

  it('sees four canvases labelled l. 37 to l. 40', () => {
    expect(canvases().map((canvas) => canvas.getLabel().getValue())).toEqual(LABELS);
  });

  it('sees the rights URI and the rights statement', () => {
    expect(parse().getRights()).toBe(RIGHTS);
    expect(parse().getRequiredStatement()?.getValue()).toContain('welcomes reuse of Digital Archive materials');
  });

  it('sees on every canvas a reference to the one page of the translation', () => {
    const pages = canvases().map((canvas) => canvas.getAnnotations().map((page) => page.id));
    expect(pages).toEqual(LABELS.map(() => [pageJson.id]));
  });

  it('reads the fetched page: the English translation as a supplementing annotation, an HTML body', () => {
    const annotations = new manifesto.AnnotationPage(pageJson, {} as never).getAnnotations();
    expect(annotations.map((a) => a.getMotivation())).toEqual(['supplementing']);
    const [body] = annotations[0]?.getBody() ?? [];
    expect(body?.getValue()).toMatch(new RegExp(`^<p>${TRANSLATION_START}</p>`));
    expect(body?.getFormat()).toBe('text/html');
    expect(body?.getLanguage()).toBe('en');
  });
});

type Ref = { id: string };
/** The parts of @iiif/parser's normalized store these tests read. */
interface Entities {
  Manifest: { [id: string]: { items: Ref[]; rights: string | null } };
  Canvas: { [id: string]: { id: string; label: unknown; annotations: Ref[] } };
  AnnotationPage: { [id: string]: { items: Ref[] } };
  Annotation: { [id: string]: { motivation: string[]; target: { source?: Ref }; body: Ref[] } };
  ContentResource: { [id: string]: { value?: string; language?: string } };
}

describe('@iiif/parser normalizing the 110020 manifest', () => {
  // A fresh copy each time: the normalizer may annotate what it is given.
  const entities = () => normalize(structuredClone(json)).entities as unknown as Entities;

  it('sees four canvases labelled l. 37 to l. 40', () => {
    const store = entities();
    expect(store.Manifest[json.id]?.items.map((ref) => store.Canvas[ref.id]?.label)).toEqual(LABELS.map((label) => ({ none: [label] })));
  });

  it('sees the rights URI', () => {
    expect(entities().Manifest[json.id]?.rights).toBe(RIGHTS);
  });

  it('sees on every canvas the page of the translation, by reference', () => {
    const store = entities();
    const canvases = store.Manifest[json.id]?.items.map((ref) => store.Canvas[ref.id]) ?? [];
    expect(canvases.map((canvas) => canvas?.annotations.map((ref) => ref.id))).toEqual(LABELS.map(() => [pageJson.id]));
  });

  it('reads the fetched page: a supplementing annotation on the canvases, with an English HTML body', () => {
    const store = normalize(structuredClone(pageJson)).entities as unknown as Entities;
    const annotation = store.Annotation[store.AnnotationPage[pageJson.id]?.items[0]?.id ?? ''];
    expect(annotation?.motivation).toEqual(['supplementing']);
    // @iiif/parser keeps only the first of several targets; the page itself targets all four canvases.
    expect(annotation?.target.source?.id).toBe((json.items[0] as unknown as Ref).id);
    const body = store.ContentResource[annotation?.body[0]?.id ?? ''];
    expect(body?.value).toMatch(new RegExp(`^<p>${TRANSLATION_START}</p>`));
    expect(body?.language).toBe('en');
  });
});
