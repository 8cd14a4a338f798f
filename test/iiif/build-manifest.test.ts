import { beforeAll, describe, expect, it } from 'vitest';
import { NO_IMAGE_NOTE, NOMINAL_CANVAS, PLACEHOLDER_NOTE } from '../../functions/core/iiif/presentation-3/build-canvases.ts';
import { buildManifest, navDateOf } from '../../functions/core/iiif/presentation-3/build-manifest.ts';
import type { Annotation, Canvas, Manifest } from '../../functions/core/iiif/presentation-3/types.ts';
import { serviceUrls } from '../../functions/core/urls.ts';
import type { ArchivalRecord } from '../../schemas/record.ts';
import { record110020, TEST_BASE_URL } from '../support/fixtures.ts';
import { schemaErrors, semanticProblems } from './iiif-checks.ts';
import { PLACEHOLDER_SIZE, scanSize, withImages } from './leaf-images.ts';

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
const supplementing = (canvas: Canvas | undefined): Annotation[] =>
  (canvas?.annotations ?? []).flatMap((page) => page.items).filter((a) => a.motivation === 'supplementing');

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

  it('attaches the undivided translation once, to l. 37, targeting the four leaves and saying so', () => {
    const manifest = manifestOf(placeholders);
    expect(manifest.items.map((canvas) => supplementing(canvas).length)).toEqual([1, 0, 0, 0]);
    const [annotation] = supplementing(manifest.items[0]);
    expect(annotation?.label).toEqual({ en: ['English translation of ll. 37-40 (the source does not divide the text by leaf)'] });
    expect(annotation?.target).toEqual(manifest.items.map((canvas) => canvas.id));
    expect(annotation?.body).toEqual({ type: 'TextualBody', value: plain.texts[0]?.text, language: 'en', format: 'text/plain' });
  });

  it('attaches a text the source gives for one leaf to that leaf alone', () => {
    const record = withImages({ ...plain, texts: [{ kind: 'transcription', language: 'ru', text: 'Текст', leaves: [{ number: 39, reverse: false }] }] });
    const manifest = manifestOf(record);
    expect(manifest.items.map((canvas) => supplementing(canvas).length)).toEqual([0, 0, 1, 0]);
    const [annotation] = supplementing(manifest.items[2]);
    expect(annotation?.target).toBe(manifest.items[2]?.id);
    expect(annotation?.label).toEqual({ en: ['Russian transcription of l. 39'] });
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
