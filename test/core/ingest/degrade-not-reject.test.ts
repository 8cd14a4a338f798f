/**
 * A record is rejected only when it cannot be published faithfully: an unknown language or an
 * unknown repository is kept verbatim with a warning that reaches the ingest report. And one
 * real-shaped export whose Source credits a translator, ingested end to end: leaf canvases with
 * the scans given for its leaves, archival sets and collections.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveProfile } from '../../../functions/adapters/ingest-files.ts';
import { buildCslItem } from '../../../functions/core/citation/build-csl-item.ts';
import { buildOaiDc } from '../../../functions/core/dc/build-oai-dc.ts';
import { buildManifest } from '../../../functions/core/iiif/presentation-3/build-manifest.ts';
import type { Manifest } from '../../../functions/core/iiif/presentation-3/types.ts';
import { ingestExport } from '../../../functions/core/ingest/ingest-export.ts';
import { formatOutcome } from '../../../functions/core/ingest/ingest-report.ts';
import { readExport } from '../../../functions/core/ingest/read-export.ts';
import { buildMarcRecord } from '../../../functions/core/marc/build-marcxml.ts';
import { buildMods } from '../../../functions/core/mods/build-mods.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import { serializeXml } from '../../../functions/core/xml/xml-tree.ts';
import { SharpLeafImageDeriver } from '../../../functions/imaging/leaf-image-deriver.ts';
import type { ArchiveProfile } from '../../../schemas/archive-profile.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { buildExport, type ExportParts } from '../../support/export-builder.ts';
import { ARCHIVE_PROFILE, TEST_BASE_URL, testApp } from '../../support/fixtures.ts';
import { elements, readXml, texts } from '../../support/read-xml.ts';
import { SCHEMAS, validateXml } from '../../support/xml-schema.ts';

const urls = serviceUrls(TEST_BASE_URL);
let profile: ArchiveProfile;
beforeAll(async () => {
  profile = await loadArchiveProfile(ARCHIVE_PROFILE);
});

function read(parts: ExportParts) {
  const result = readExport(buildExport(parts), profile, undefined);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const lineOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

describe('languages', () => {
  it.each([
    ['Serbo-Croatian', ['sh']],
    ['serbo-croatian', ['sh']],
    ['Russian, Chinese', ['ru', 'zh']],
    ['Korean and German', ['ko', 'de']],
    ['Hungarian; Polish; Czech', ['hu', 'pl', 'cs']],
    ['Romanian, Bulgarian, Vietnamese, Mongolian', ['ro', 'bg', 'vi', 'mn']],
    ['Albanian, Japanese, Persian, Arabic', ['sq', 'ja', 'fa', 'ar']],
    ['Spanish, Portuguese, French, Italian, English', ['es', 'pt', 'fr', 'it', 'en']],
  ])('maps %s to its BCP 47 tags, with no warning', (Language, codes) => {
    const { content, warnings } = read({ fields: { Language } });
    expect(content.languages).toEqual(codes);
    expect(content.languageLabels).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('keeps an unknown language verbatim as the label, with a warning on its line and no code', () => {
    const text = buildExport({ fields: { Language: 'Russian, Old Church Slavonic' } });
    const { content, warnings } = read({ fields: { Language: 'Russian, Old Church Slavonic' } });
    expect(content.languages).toEqual(['ru']);
    expect(content.languageLabels).toEqual(['Old Church Slavonic']);
    expect(warnings).toEqual([
      {
        line: lineOf(text, 'Russian, Old Church Slavonic'),
        field: 'Language',
        message: 'unknown language "Old Church Slavonic": kept as the language\'s label, with no code',
      },
    ]);
  });

  describe('in the outputs', () => {
    let record: ArchivalRecord;
    beforeAll(async () => {
      const env = await testApp();
      const outcome = await ingestExport(
        { fileName: 'klingon.txt', exportBytes: Buffer.from(buildExport({ fields: { Language: 'Klingon', 'Record ID': '900001' } })) },
        env.ingestDeps,
      );
      expect(outcome.status).toBe('created');
      const entry = await env.records.get('900001');
      if (!entry || 'deleted' in entry) throw new Error('not stored');
      record = entry;
    });

    it('gives the label where text is allowed (DC, MODS languageTerm type="text", MARC 546, the manifest) and no code where one is needed', async () => {
      const dc = readXml(serializeXml(buildOaiDc(record, urls)));
      expect(texts(dc, 'dc:language')).toEqual(['Klingon']);
      const mods = serializeXml(buildMods(record, urls));
      const terms = elements(readXml(mods), 'languageTerm').filter((t) => t.parentNode?.parentNode?.rawTagName === 'mods');
      expect(terms.map((t) => [t.getAttribute('type'), t.textContent])).toEqual([['text', 'Klingon']]);
      expect((await validateXml([mods], SCHEMAS.mods)).valid).toBe(true);
      const marc = readXml(serializeXml(buildMarcRecord(record, urls)));
      const tags = elements(marc, 'datafield').map((f) => f.getAttribute('tag'));
      expect(tags).not.toContain('041');
      expect(tags).toContain('546');
      expect(
        elements(marc, 'controlfield')
          .find((f) => f.getAttribute('tag') === '008')
          ?.textContent.slice(35, 38),
      ).toBe('und');
      expect(buildCslItem(record, urls).language).toBeUndefined();
      const manifest = JSON.parse(JSON.stringify(buildManifest(record, urls))) as Manifest;
      expect(manifest.metadata?.find((m) => m.label.en?.[0] === 'Language')?.value).toEqual({ en: ['Klingon'] });
    });
  });
});

describe('an unknown repository abbreviation', () => {
  it('keeps the Source verbatim and unparsed, warns naming data/archive.json, and ingests the record', async () => {
    const env = await testApp();
    const polish = 'AAN, KC PZPR, 2634, pp. 4-12. Obtained by Douglas Selvage and translated by Malgorzata Gnoinska.';
    const unknownRepository = 'GAPPOD, f.1, op.89, d.203. Obtained for CWIHP by Jamil Hasanli and translated for CWIHP by Gary Goldberg.';
    const outcome = await ingestExport(
      { fileName: '120512.txt', exportBytes: Buffer.from(buildExport({ fields: { Source: unknownRepository, 'Record ID': '120512' } })) },
      env.ingestDeps,
    );
    expect(outcome.status).toBe('created');
    expect(outcome.status === 'created' && outcome.warnings).toEqual([
      expect.objectContaining({ field: 'Source', message: expect.stringContaining('add the repository to data/archive.json') }),
    ]);
    const record = await env.records.get('120512');
    if (!record || 'deleted' in record) throw new Error('not stored');
    expect(record.source).toEqual({ citation: unknownRepository, kind: 'bibliographic' });
    expect(record.agents.map((a) => `${a.role} ${a.agent.name}`)).toEqual(['contributor Jamil Hasanli', 'translator Gary Goldberg']);
    // Not a reference this parser reads at all: a book-style citation, with no warning.
    const other = await ingestExport(
      { fileName: 'x.txt', exportBytes: Buffer.from(buildExport({ fields: { Source: polish, 'Record ID': '900002' } })) },
      env.ingestDeps,
    );
    expect(other.status === 'created' && other.warnings).toBeUndefined();
  });

  it('prints each warning under the report line', () => {
    const line = formatOutcome('exports/120512.txt', {
      status: 'created',
      id: '120512',
      version: 1,
      datestamp: '2026-11-26T12:00:00Z',
      warnings: [{ line: 23, field: 'Language', message: 'unknown language "Klingon": kept as the language\'s label, with no code' }],
    });
    expect(line.split('\n')).toEqual([
      'created   exports/120512.txt -> record 120512 v1 (2026-11-26T12:00:00Z)',
      '          warning: exports/120512.txt:23: Language: unknown language "Klingon": kept as the language\'s label, with no code',
    ]);
  });
});

describe('a real-shaped export whose Source credits a translator, ingested into the stores', () => {
  const SOURCE = 'RGANI, f. 5, op. 49, d. 131, ll. 193-194. Translated by Gary Goldberg.';
  let env: Awaited<ReturnType<typeof testApp>>;

  beforeAll(async () => {
    env = await testApp();
    const scan = (shade: number) =>
      sharp({ create: { width: 600, height: 800, channels: 3, background: { r: shade, g: shade, b: shade } } })
        .jpeg()
        .toBuffer();
    const outcome = await ingestExport(
      {
        fileName: '280697.txt',
        exportBytes: Buffer.from(
          buildExport({
            date: '1958',
            title: 'Letter to the Deputy Chairman of the Soviet Committee of the MGG, Prof. Pushkov',
            fields: { Source: SOURCE, Type: 'Letter', Language: 'Russian', 'Record ID': '280697', 'Original Uploaded Date': '2023-03-01' },
          }),
        ),
        scans: new Map([
          ['193', await scan(200)],
          ['194', await scan(120)],
        ]),
      },
      { ...env.ingestDeps, images: new SharpLeafImageDeriver() },
    );
    expect(outcome).toMatchObject({ status: 'created', id: '280697', scans: { added: ['193', '194'] } });
    expect(outcome.status === 'created' && outcome.warnings).toBeUndefined();
  }, 60_000);

  it('has a canvas per leaf, each painted with the scan given for it', async () => {
    const manifest = (await (await env.app.request('/iiif/3/280697/manifest')).json()) as Manifest;
    expect(manifest.items.map((canvas) => [canvas.label.none?.[0], canvas.width, canvas.height])).toEqual([
      ['l. 193', 600, 800],
      ['l. 194', 600, 800],
    ]);
    expect(manifest.metadata?.map((m) => m.label.en?.[0])).toContain('Translator');
  });

  it('is in the archival sets of its delo and in its IIIF collection', async () => {
    const sets = await (await env.app.request('/oai?verb=ListSets')).text();
    expect(sets).toContain('<setSpec>repository:RGANI:fond:5:opis:49:delo:131</setSpec>');
    const listed = await (await env.app.request('/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=repository:RGANI:fond:5:opis:49:delo:131')).text();
    expect(listed).toContain('<identifier>oai:archive.example.org:280697</identifier>');
    const collection = (await (await env.app.request('/iiif/3/collection/archive/RGANI/5/49/131')).json()) as { items: { id: string }[] };
    expect(collection.items.map((item) => item.id)).toContain(urls.manifest('280697'));
  });

  it('carries the translator to MARC, with the reference as the holding', async () => {
    const marc = readXml(await (await env.app.request('/records/280697.marc.xml')).text());
    const field = (tag: string) =>
      elements(marc, 'datafield')
        .filter((f) => f.getAttribute('tag') === tag)
        .map((f) =>
          elements(f, 'subfield')
            .map((s) => `$${s.getAttribute('code')} ${s.textContent}`)
            .join(' '),
        );
    expect(field('700')).toEqual(['$a Gary Goldberg, $e translator. $4 trl']);
    expect(field('852')).toEqual(['$a Russian State Archive of Contemporary History $e Moscow $z RGANI, f. 5, op. 49, d. 131, ll. 193-194.']);
  });
});
