import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_LIMITS } from '../../../../functions/core/iiif/image-3/image-limits.ts';
import { parseImageRequest } from '../../../../functions/core/iiif/image-3/parse-image-request.ts';
import { planImageRequest } from '../../../../functions/core/iiif/image-3/plan-image-request.ts';
import {
  buildPresentationContent,
  DOCUMENT_PLACEHOLDER_NOTE,
  NO_IMAGE_NOTE,
  NOMINAL_CANVAS,
  PLACEHOLDER_NOTE,
} from '../../../../functions/core/iiif/presentation-3/build-canvases.ts';
import { buildManifest, navDateOf } from '../../../../functions/core/iiif/presentation-3/build-manifest.ts';
import type { Annotation, Canvas, ImageResource, Manifest } from '../../../../functions/core/iiif/presentation-3/types.ts';
import { serviceUrls } from '../../../../functions/core/urls.ts';
import type { ArchivalRecord } from '../../../../schemas/record.ts';
import { record110020, TEST_BASE_URL } from '../../../support/fixtures.ts';
import { schemaErrors, semanticProblems } from '../../../support/iiif-checks.ts';
import { leafImage, PLACEHOLDER_SIZE, scanSize, withImages } from '../../../support/leaf-images.ts';

const urls = serviceUrls(TEST_BASE_URL);
const MANIFEST_URL = `${TEST_BASE_URL}/iiif/3/110020/manifest`;

let plain: ArchivalRecord;
let placeholders: ArchivalRecord;
beforeAll(async () => {
  plain = await record110020();
  placeholders = withImages(plain);
});

const manifestOf = (record: ArchivalRecord) => JSON.parse(JSON.stringify(buildManifest(record, urls))) as Manifest;
const metadataValue = (manifest: Manifest, label: string) => manifest.metadata.find((m) => m.label.en?.[0] === label)?.value;
/** The text pages of a record, by id: what the manifest's canvases reference. */
const textPagesOf = (record: ArchivalRecord) => new Map(buildPresentationContent(record, urls).textPages.map((page) => [page.id, page]));
/** The supplementing annotations a canvas offers, through the pages it references. */
const supplementing = (record: ArchivalRecord, canvas: Canvas | undefined): Annotation[] => {
  const pages = textPagesOf(record);
  return (canvas?.annotations ?? []).flatMap((ref) => pages.get(ref.id)?.items ?? []).filter((a) => a.motivation === 'supplementing');
};

describe('buildManifest for record 110020', () => {
  it('is a valid IIIF Presentation 3 manifest with no semantic problems', () => {
    const manifest = manifestOf(placeholders);
    expect(schemaErrors(manifest)).toEqual([]);
    expect(semanticProblems(manifest, MANIFEST_URL)).toEqual([]);
  });

  it('has the id of the URL it is served at, from the public base URL', () => {
    expect(manifestOf(placeholders).id).toBe(MANIFEST_URL);
  });

  it('has one canvas per leaf of ll. 37-40, labelled as archivists cite them', () => {
    const manifest = manifestOf(placeholders);
    expect(manifest.items.map((canvas) => canvas.label)).toEqual(['l. 37', 'l. 38', 'l. 39', 'l. 40'].map((label) => ({ none: [label] })));
  });

  it('gives each canvas the true size of its own image, painted through its image service', () => {
    const manifest = manifestOf(withImages(plain, { scans: ['37', '39'] }));
    const sizes = manifest.items.map((canvas) => [canvas.width, canvas.height]);
    expect(sizes).toEqual([
      [scanSize({ number: 37, reverse: false }).width, scanSize({ number: 37, reverse: false }).height],
      [PLACEHOLDER_SIZE.width, PLACEHOLDER_SIZE.height],
      [scanSize({ number: 39, reverse: false }).width, scanSize({ number: 39, reverse: false }).height],
      [PLACEHOLDER_SIZE.width, PLACEHOLDER_SIZE.height],
    ]);
    const painting = manifest.items[2]?.items[0]?.items[0];
    expect(painting?.body).toMatchObject({
      type: 'Image',
      width: scanSize({ number: 39, reverse: false }).width,
      service: [{ id: `${TEST_BASE_URL}/iiif/image/3/110020-39`, type: 'ImageService3', profile: 'level2' }],
    });
    expect(painting?.target).toBe(manifest.items[2]?.id);
  });

  it('declares every painting body at exactly the size its URL serves, capped for a scan above maxArea', () => {
    const record = withImages(plain, { scans: ['37'] });
    const [large] = record.images;
    if (!large) throw new Error('no image');
    // 6000 × 5000 is 30 megapixels: full/max is scaled down to the 25-megapixel maxArea.
    const big = { ...record, images: [{ ...large, width: 6000, height: 5000, levels: [{ width: 6000, height: 5000 }] }, ...record.images.slice(1)] };
    const manifest = manifestOf(big);
    expect(manifest.items[0]).toMatchObject({ width: 6000, height: 5000 });
    for (const [index, canvas] of manifest.items.entries()) {
      const body = canvas.items[0]?.items[0]?.body as ImageResource;
      const image = big.images[index];
      if (!image) throw new Error('no image');
      const [region = '', size = '', rotation = '', file = ''] = body.id.split('/').slice(-4);
      const request = parseImageRequest({ region, size, rotation, file });
      if (!request.ok) throw new Error(request.message);
      const plan = planImageRequest(request.value, image, DEFAULT_IMAGE_LIMITS);
      if (!plan.ok) throw new Error(plan.message);
      expect([body.width, body.height]).toEqual([plan.value.size.width, plan.value.size.height]);
    }
    expect(manifest.items[0]?.items[0]?.items[0]?.body).toMatchObject({ width: 5477, height: 4564 });
  });

  it('says on a canvas when its image is a generated placeholder, and not on a scanned leaf', () => {
    const manifest = manifestOf(withImages(plain, { scans: ['37'] }));
    expect(manifest.items[0]?.summary).toBeUndefined();
    expect(manifest.items[1]?.summary).toEqual({ en: [PLACEHOLDER_NOTE] });
  });

  it('gives a leaf without any image a canvas of nominal size that says so', () => {
    const manifest = manifestOf(withImages(plain, { missing: ['40'] }));
    const canvas = manifest.items[3];
    expect(canvas).toMatchObject({ ...NOMINAL_CANVAS, summary: { en: [NO_IMAGE_NOTE] } });
    expect(canvas?.items[0]?.items).toEqual([]);
    expect(schemaErrors(manifest)).toEqual([]);
  });

  it('offers the undivided translation on every leaf: one page, referenced from all four canvases, its annotation targeting them and saying so', () => {
    const manifest = manifestOf(placeholders);
    const [page, ...others] = textPagesOf(placeholders).values();
    expect(others).toEqual([]);
    expect(page?.id).toBe(`${TEST_BASE_URL}/iiif/3/110020/annotations/translation-en`);
    for (const canvas of manifest.items) expect(canvas.annotations).toEqual([{ id: page?.id, type: 'AnnotationPage', label: page?.label }]);
    expect(manifest.items.map((canvas) => supplementing(placeholders, canvas).length)).toEqual([1, 1, 1, 1]);
    const [annotation] = page?.items ?? [];
    expect(annotation?.label).toEqual({ en: ['English translation of ll. 37-40 (the source does not divide the text by leaf)'] });
    expect(annotation?.target).toEqual(manifest.items.map((canvas) => canvas.id));
    expect(annotation?.body).toMatchObject({ type: 'TextualBody', language: 'en', format: 'text/html' });
  });

  it('gives the translation as HTML with its paragraphs and line breaks, every character of the text escaped', () => {
    const [page] = textPagesOf(placeholders).values();
    const html = (page?.items[0]?.body as { value: string } | undefined)?.value ?? '';
    expect(html.startsWith('<p>SECOND MAIN ADMINISTRATION OF THE GENERAL STAFF OF THE SOVIET ARMY</p><p>CIPHERED TELEGRAM</p>')).toBe(true);
    expect(html).toContain('<p>Copies: Stalin (2)<br>From BEIJING Received 19 hours 35 minutes 27.1.1951<br>EXTREMELY URGENT T</p>');
    expect(html).toContain('Korean People&#39;s Army');
    expect(html.replace(/<\/?p>|<br>/g, '')).not.toMatch(/[<>]/);
  });

  it('never lets a text be read as markup', () => {
    const hostile = withImages({ ...plain, texts: [{ kind: 'translation', language: 'en', text: 'A <img src=x> & <script>alert(1)</script>\n\nB' }] });
    const [page] = textPagesOf(hostile).values();
    expect(page?.items[0]?.body).toEqual({
      type: 'TextualBody',
      value: '<p>A &lt;img src=x&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p><p>B</p>',
      language: 'en',
      format: 'text/html',
    });
  });

  it('offers a text the source gives for one leaf on that leaf alone', () => {
    const record = withImages({ ...plain, texts: [{ kind: 'transcription', language: 'ru', text: 'Текст', leaves: [{ number: 39, reverse: false }] }] });
    const manifest = manifestOf(record);
    expect(manifest.items.map((canvas) => supplementing(record, canvas).length)).toEqual([0, 0, 1, 0]);
    const [annotation] = supplementing(record, manifest.items[2]);
    expect(annotation?.target).toBe(manifest.items[2]?.id);
    expect(annotation?.label).toEqual({ en: ['Russian transcription of l. 39'] });
  });

  it('gives each text a page of its own, in the order of the texts', () => {
    const record = withImages({
      ...plain,
      texts: [...plain.texts, { kind: 'transcription', language: 'ru', text: 'Текст', leaves: [{ number: 38, reverse: false }] }],
    });
    const manifest = manifestOf(record);
    expect([...textPagesOf(record).keys()].map((id) => id.slice(`${TEST_BASE_URL}/iiif/3/110020/`.length))).toEqual([
      'annotations/translation-en',
      'annotations/transcription-ru',
    ]);
    expect(manifest.items.map((canvas) => (canvas.annotations ?? []).length)).toEqual([1, 2, 1, 1]);
  });

  it('describes the record: date, type, archival reference verbatim and in words, agents, upload date, record ID', () => {
    const manifest = manifestOf(placeholders);
    expect(metadataValue(manifest, 'Date')).toEqual({ en: ['January 27, 1951'] });
    expect(metadataValue(manifest, 'Type')).toEqual({ en: ['Telegram'] });
    expect(metadataValue(manifest, 'Archival reference')).toEqual({
      en: ['APRF, f. 45, op. 1, d. 337, ll. 37-40.', 'Archive of the President of the Russian Federation, fond 45, opis 1, delo 337, leaves 37-40'],
    });
    expect(metadataValue(manifest, 'Creator')).toEqual({ none: ['Mao Zedong'] });
    expect(metadataValue(manifest, 'Recipient')).toEqual({ none: ['I.V. Stalin'] });
    expect(metadataValue(manifest, 'Original uploaded date')).toEqual({ none: ['2011-11-20'] });
    expect(metadataValue(manifest, 'Record ID')).toEqual({ none: ['110020'] });
  });

  it('names the language only when the source gives it', () => {
    expect(metadataValue(manifestOf(placeholders), 'Language')).toBeUndefined();
    expect(metadataValue(manifestOf({ ...placeholders, languages: ['ru'] }), 'Language')).toEqual({ en: ['Russian'] });
  });

  it('carries the rightsstatements.org URI in its http form and the statement verbatim', () => {
    const manifest = manifestOf(placeholders);
    expect(manifest.rights).toBe('http://rightsstatements.org/vocab/InC-EDU/1.0/');
    expect(manifest.requiredStatement.value).toEqual({ en: [plain.rights.statement] });
  });

  it('names the archive as provider, and links the landing page and the original record page', () => {
    const manifest = manifestOf(placeholders);
    expect(manifest.provider[0]).toMatchObject({ type: 'Agent', homepage: [{ id: 'https://digitalarchive.wilsoncenter.org/' }] });
    expect(manifest.provider[0]?.id).toBe(`${TEST_BASE_URL}/#archive`);
    expect(manifest.provider[0]?.id).not.toBe(manifest.provider[0]?.homepage[0]?.id);
    expect(manifest.homepage.map((page) => page.id)).toEqual([`${TEST_BASE_URL}/records/110020`, 'https://digitalarchive.wilsoncenter.org/document/110020']);
  });

  it('links the Dublin Core, MODS and JSON-LD records as datasets, and the plain-text translation as a rendering', () => {
    const manifest = manifestOf(placeholders);
    expect(manifest.seeAlso.map((s) => [s.id, s.type, s.format])).toEqual([
      [`${TEST_BASE_URL}/records/110020.dc.xml`, 'Dataset', 'application/xml'],
      [`${TEST_BASE_URL}/records/110020.mods.xml`, 'Dataset', 'application/mods+xml'],
      [`${TEST_BASE_URL}/records/110020.jsonld`, 'Dataset', 'application/ld+json'],
    ]);
    expect(manifest.seeAlso.every((s) => s.profile)).toBe(true);
    expect(manifest.rendering).toEqual([expect.objectContaining({ id: `${TEST_BASE_URL}/records/110020.txt`, format: 'text/plain' })]);
  });

  it('is part of the collection of all records and of its delo', () => {
    expect(manifestOf(placeholders).partOf.map((p) => p.id)).toEqual([
      `${TEST_BASE_URL}/iiif/3/collection/all`,
      `${TEST_BASE_URL}/iiif/3/collection/archive/APRF/45/1/337`,
    ]);
  });

  it('has one range for the document, over its four canvases', () => {
    const manifest = manifestOf(placeholders);
    expect(manifest.structures).toHaveLength(1);
    expect(manifest.structures[0]?.label).toEqual({ en: ['Telegram, ll. 37-40'] });
    expect(manifest.structures[0]?.items.map((item) => item.id)).toEqual(manifest.items.map((canvas) => canvas.id));
  });

  it('shows a scan as thumbnail in preference to a placeholder, at a size its pyramid holds', () => {
    const record = withImages(plain, { scans: ['38'] });
    const [thumbnail] = manifestOf(record).thumbnail ?? [];
    const image = record.images[1];
    expect(thumbnail?.service[0]?.id).toBe(`${TEST_BASE_URL}/iiif/image/3/110020-38`);
    expect(image?.levels).toContainEqual({ width: thumbnail?.width, height: thumbnail?.height });
    expect(thumbnail?.id).toBe(`${TEST_BASE_URL}/iiif/image/3/110020-38/full/${thumbnail?.width},${thumbnail?.height}/0/default.jpg`);
  });

  it('has no thumbnail when the record has no image, and stays valid', () => {
    const manifest = manifestOf(plain);
    expect(manifest.thumbnail).toBeUndefined();
    expect(schemaErrors(manifest)).toEqual([]);
  });

  it('gives a record whose source names no leaves a single canvas for the document', () => {
    const record: ArchivalRecord = { ...plain, source: { citation: 'Obtained and translated for CWIHP by Kathryn Weathersby.', kind: 'note' }, texts: [] };
    const manifest = manifestOf(record);
    expect(manifest.items.map((canvas) => canvas.label)).toEqual([{ en: ['Document'] }]);
    expect(manifest.partOf).toHaveLength(1);
    expect(schemaErrors(manifest)).toEqual([]);
    expect(semanticProblems(manifest, MANIFEST_URL)).toEqual([]);
  });

  it('paints the one canvas of a record whose source names no leaves with its document placeholder, l0, and offers the text there', () => {
    const placeholder = leafImage('110020', { number: 37, reverse: false }, true);
    const record: ArchivalRecord = {
      ...plain,
      source: { citation: 'Obtained and translated for CWIHP by Kathryn Weathersby.', kind: 'note' },
      images: [{ ...placeholder, id: '110020-l0', leaf: { number: 0, reverse: false } }],
    };
    const manifest = manifestOf(record);
    expect(manifest.items).toHaveLength(1);
    const [canvas] = manifest.items;
    expect(canvas).toMatchObject({ id: `${TEST_BASE_URL}/iiif/3/110020/canvas/document`, label: { en: ['Document'] }, width: 1240, height: 1754 });
    expect(canvas?.summary).toEqual({ en: [DOCUMENT_PLACEHOLDER_NOTE] });
    expect(canvas?.items[0]?.items[0]?.body).toMatchObject({
      id: `${TEST_BASE_URL}/iiif/image/3/110020-l0/full/max/0/default.jpg`,
      label: { en: ['Placeholder: no scan of the document is held'] },
    });
    expect(supplementing(record, canvas).map((a) => [a.label, a.target])).toEqual([[{ en: ['English translation of the document'] }, canvas?.id]]);
    expect(manifest.thumbnail?.[0]?.service[0]?.id).toBe(`${TEST_BASE_URL}/iiif/image/3/110020-l0`);
    expect(schemaErrors(manifest)).toEqual([]);
    expect(semanticProblems(manifest, MANIFEST_URL)).toEqual([]);
  });
});

describe('navDateOf', () => {
  it.each([
    [{ year: 1951, month: 1, day: 27 }, '1951-01-27T00:00:00Z'],
    [{ year: 1951, month: 5 }, '1951-05-01T00:00:00Z'],
    [{ year: 958 }, '0958-01-01T00:00:00Z'],
    [undefined, undefined],
  ])('turns %j into %s, with a timezone', (start, expected) => {
    expect(navDateOf(start)).toBe(expected);
  });
});
