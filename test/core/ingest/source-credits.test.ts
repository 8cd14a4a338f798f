/**
 * A Source's credits in every output that has a place for them: record 134696's Source as the
 * Digital Archive publishes it, `RGASPI, f. 558, op. 11, d. 97, ll. 67-70. Contributed by Sergey
 * Radchenko and translated by Gary Goldberg.`, ingested, then written as CSL-JSON, MODS,
 * MARCXML, Dublin Core, BibLaTeX, RIS, the landing page and the IIIF manifest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCslItem } from '../../../functions/core/citation/build-csl-item.ts';
import { writeBiblatex, writeBibtex } from '../../../functions/core/citation/write-bibtex.ts';
import { writeRis } from '../../../functions/core/citation/write-ris.ts';
import { buildOaiDc } from '../../../functions/core/dc/build-oai-dc.ts';
import { buildManifest } from '../../../functions/core/iiif/presentation-3/build-manifest.ts';
import type { Manifest } from '../../../functions/core/iiif/presentation-3/types.ts';
import { ingestExport } from '../../../functions/core/ingest/ingest-export.ts';
import { buildMarcRecord } from '../../../functions/core/marc/build-marcxml.ts';
import { buildMods } from '../../../functions/core/mods/build-mods.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import { serializeXml } from '../../../functions/core/xml/xml-tree.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { cslSchemaValidator, readWithBibtexParser, readWithCitationJs } from '../../support/citation-readers.ts';
import { buildExport } from '../../support/export-builder.ts';
import { TEST_BASE_URL, testApp } from '../../support/fixtures.ts';
import { schemaErrors } from '../../support/iiif-checks.ts';
import { elements, readXml, text, texts } from '../../support/read-xml.ts';
import { SCHEMAS, validateXml } from '../../support/xml-schema.ts';

const urls = serviceUrls(TEST_BASE_URL);
const SOURCE = 'RGASPI, f. 558, op. 11, d. 97, ll. 67-70. Contributed by Sergey Radchenko and translated by Gary Goldberg.';
const REFERENCE = 'RGASPI, f. 558, op. 11, d. 97, ll. 67-70.';

const exportOf = (id: string, source = SOURCE) =>
  Buffer.from(
    buildExport({
      date: 'October 16, 1945',
      title: "TASS Digest Distributed to Cde. I.V. Stalin and Cde. C.M. Molotov, 'The Anti-Soviet Fabrications of a Mexican Newspaper; Etc.'",
      fields: { Source: source, Type: 'Digest', Language: 'Russian', 'Record ID': id },
    }),
  );

let env: Awaited<ReturnType<typeof testApp>>;
let record: ArchivalRecord;

async function ingested(id: string, overlay?: unknown, source?: string): Promise<ArchivalRecord> {
  const outcome = await ingestExport(
    { fileName: `${id}.txt`, exportBytes: exportOf(id, source), ...(overlay ? { overlayBytes: Buffer.from(JSON.stringify(overlay)) } : {}) },
    env.ingestDeps,
  );
  if (outcome.status === 'rejected') throw new Error(JSON.stringify(outcome.problems));
  const entry = await env.records.get(id);
  if (!entry || 'deleted' in entry) throw new Error(`${id} not stored`);
  return entry;
}

beforeAll(async () => {
  env = await testApp();
  record = await ingested('134696');
});

/** The subfields of every datafield with this tag. */
const marcFields = (xml: string, tag: string) =>
  elements(readXml(xml), 'datafield')
    .filter((f) => f.getAttribute('tag') === tag)
    .map((f) => elements(f, 'subfield').map((s) => [s.getAttribute('code'), s.textContent]));

describe('the record', () => {
  it('keeps the Source verbatim, its reference parsed and the credits as the remainder', () => {
    expect(record.source.citation).toBe(SOURCE);
    expect(record.source.kind).toBe('archival-reference');
    expect(record.source.archival?.delo).toBe('97');
    expect(record.source.remainder).toBe('Contributed by Sergey Radchenko and translated by Gary Goldberg.');
  });

  it('has the contributor and the translator as agents, names as written', () => {
    expect(record.agents).toEqual([
      { role: 'contributor', agent: { name: 'Sergey Radchenko', kind: 'person' } },
      { role: 'translator', agent: { name: 'Gary Goldberg', kind: 'person' } },
    ]);
  });

  it("does not duplicate a person the overlay names: the overlay's name parts are used", async () => {
    const overlay = {
      id: '134697',
      agents: [
        { role: 'author', agent: { name: 'Telegraph Agency of the Soviet Union (TASS)', kind: 'organization' } },
        { role: 'translator', agent: { name: 'Gary Goldberg', kind: 'person', family: 'Goldberg', given: 'Gary' } },
      ],
    };
    const withOverlay = await ingested('134697', overlay);
    expect(withOverlay.agents.map((a) => `${a.role} ${a.agent.name}`)).toEqual([
      'author Telegraph Agency of the Soviet Union (TASS)',
      'translator Gary Goldberg',
      'contributor Sergey Radchenko',
    ]);
    expect(marcFields(serializeXml(buildMarcRecord(withOverlay, urls)), '700')).toEqual([
      [
        ['a', 'Goldberg, Gary,'],
        ['e', 'translator.'],
        ['4', 'trl'],
      ],
      [
        ['a', 'Sergey Radchenko,'],
        ['e', 'contributor.'],
        ['4', 'ctb'],
      ],
    ]);
  });
});

describe('CSL-JSON', () => {
  it('carries translator and contributor, and the reference without the credits as archive_location', () => {
    const item = buildCslItem(record, urls);
    expect(item.translator).toEqual([{ literal: 'Gary Goldberg' }]);
    expect(item.contributor).toEqual([{ literal: 'Sergey Radchenko' }]);
    expect(item.archive_location).toBe('RGASPI, f. 558, op. 11, d. 97, ll. 67-70');
    expect(item.note).toContain('Contributed by Sergey Radchenko and translated by Gary Goldberg.');
    const validate = cslSchemaValidator();
    expect(validate([item]), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('MODS', () => {
  const mods = () => serializeXml(buildMods(record, urls));

  it('validates against the MODS 3.7 schema', async () => {
    const result = await validateXml([mods()], SCHEMAS.mods);
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  it('names the contributor and the translator with MARC relator codes ctb and trl', () => {
    const doc = readXml(mods());
    const names = elements(doc, 'name').filter((n) => n.parentNode?.rawTagName === 'mods');
    expect(names.map((n) => [text(n, 'displayForm'), ...texts(n, 'roleTerm')])).toEqual([
      ['Sergey Radchenko', 'ctb', 'contributor'],
      ['Gary Goldberg', 'trl', 'translator'],
    ]);
    for (const name of names) expect(elements(name, 'roleTerm').map((t) => t.getAttribute('authority'))).toEqual(['marcrelator', 'marcrelator']);
  });

  it('gives the reference as shelfLocator and the credits as a note', () => {
    const doc = readXml(mods());
    expect(text(doc, 'shelfLocator')).toBe(REFERENCE);
    expect(text(doc, 'physicalLocation')).toBe('Russian State Archive of Socio-Political History, Moscow');
    const notes = elements(doc, 'note').filter((n) => n.getAttribute('type') === 'creation/production credits');
    expect(notes.map((n) => n.textContent)).toEqual(['Contributed by Sergey Radchenko and translated by Gary Goldberg.']);
  });
});

describe('MARCXML', () => {
  const marc = () => serializeXml(buildMarcRecord(record, urls));

  it('validates against the MARC21 slim schema', async () => {
    const result = await validateXml([marc()], SCHEMAS.marc);
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  it('adds 700 fields with $e translator $4 trl and $e contributor $4 ctb', () => {
    expect(marcFields(marc(), '700')).toEqual([
      [
        ['a', 'Sergey Radchenko,'],
        ['e', 'contributor.'],
        ['4', 'ctb'],
      ],
      [
        ['a', 'Gary Goldberg,'],
        ['e', 'translator.'],
        ['4', 'trl'],
      ],
    ]);
  });

  it('keeps the Source verbatim in 500 and the reference alone in 852 $z', () => {
    expect(marcFields(marc(), '500')).toContainEqual([['a', `Source: ${SOURCE}`]]);
    expect(marcFields(marc(), '852')).toEqual([
      [
        ['a', 'Russian State Archive of Socio-Political History'],
        ['e', 'Moscow'],
        ['z', REFERENCE],
      ],
    ]);
  });
});

describe('Dublin Core', () => {
  it('lists both as dc:contributor', () => {
    const dc = readXml(serializeXml(buildOaiDc(record, urls)));
    expect(texts(dc, 'dc:contributor')).toEqual(['Sergey Radchenko', 'Gary Goldberg']);
    expect(texts(dc, 'dc:source')).toEqual([SOURCE]);
  });
});

describe('BibLaTeX and BibTeX', () => {
  it('writes the translator in BibLaTeX, read back by a BibTeX parser', async () => {
    const library = await readWithBibtexParser(writeBiblatex(record, urls));
    expect(library.errors).toEqual([]);
    expect(library.entries[0]?.fields.translator).toEqual([{ name: 'Gary Goldberg' }]);
    expect(library.entries[0]?.fields.library).toBe('RGASPI, f. 558, op. 11, d. 97, ll. 67-70');
  });

  it('keeps the credits in the BibTeX note, which classic styles print', async () => {
    const library = await readWithBibtexParser(writeBibtex(record, urls));
    expect(String(library.entries[0]?.fields.note)).toContain('Contributed by Sergey Radchenko and translated by Gary Goldberg.');
  });
});

describe('RIS', () => {
  it('writes the translator as A4 and names the contributor in a note', () => {
    const ris = writeRis(record, urls);
    expect(ris).toContain('A4  - Gary Goldberg\r\n');
    expect(ris).toContain('N1  - Contributors: Sergey Radchenko\r\n');
    expect(ris).toContain('AV  - RGASPI, f. 558, op. 11, d. 97, ll. 67-70\r\n');
  });

  it('is still read by citation-js, which follows the RIS specification (A4 is a translator only of book-like types)', async () => {
    // Zotero's RIS import, which the archive's own Zotero translator goes through, maps A4 to
    // translator for every item type but cases, conference papers and films.
    const [item] = await readWithCitationJs(writeRis(record, urls));
    expect(item).toMatchObject({ type: 'manuscript', archive_location: 'RGASPI, f. 558, op. 11, d. 97, ll. 67-70' });
  });
});

describe('the landing page and the IIIF manifest', () => {
  it('shows who translated and who contributed', async () => {
    const html = await (await env.app.request('/records/134696.html')).text();
    expect(html).toContain('<dt>Translated by</dt>\n<dd>Gary Goldberg</dd>');
    expect(html).toContain('<dt>Contributed by</dt>\n<dd>Sergey Radchenko</dd>');
    expect(html.replace(/\s+/g, '')).toContain('"translator":[{"@type":"Person","name":"GaryGoldberg"}]');
  });

  it('has Translator and Contributor in the manifest metadata, and a canvas per leaf', () => {
    const manifest = JSON.parse(JSON.stringify(buildManifest(record, urls))) as Manifest;
    expect(schemaErrors(manifest)).toEqual([]);
    const metadata = manifest.metadata?.map((m) => [m.label.en?.[0], m.value.none ?? m.value.en]);
    expect(metadata).toContainEqual(['Translator', ['Gary Goldberg']]);
    expect(metadata).toContainEqual(['Contributor', ['Sergey Radchenko']]);
    expect(metadata).toContainEqual([
      'Archival reference',
      [SOURCE, 'Russian State Archive of Socio-Political History, fond 558, opis 11, delo 97, leaves 67-70'],
    ]);
    expect(manifest.items.map((canvas) => canvas.label.none?.[0])).toEqual(['l. 67', 'l. 68', 'l. 69', 'l. 70']);
  });
});

describe('several references', () => {
  it('describes every reference, the primary one giving the leaves and the shelf mark both', async () => {
    const source = 'RGANI, f. 3, op. 14, d. 12, l. 3; RGASPI, f. 17, op. 162, d. 41, ll. 1-2. Translated by Sergey Radchenko.';
    const several = await ingested('134698', undefined, source);
    const mods = readXml(serializeXml(buildMods(several, urls)));
    expect(texts(mods, 'physicalLocation')).toEqual([
      'Russian State Archive of Contemporary History, Moscow',
      'Russian State Archive of Socio-Political History, Moscow',
    ]);
    expect(text(mods, 'shelfLocator')).toBe('RGANI, f. 3, op. 14, d. 12, l. 3; RGASPI, f. 17, op. 162, d. 41, ll. 1-2.');
    expect(buildCslItem(several, urls).note).toContain(
      'Archival reference: Russian State Archive of Socio-Political History, fond 17, opis 162, delo 41, leaves 1-2 (Moscow).',
    );
    const manifest = JSON.parse(JSON.stringify(buildManifest(several, urls))) as Manifest;
    expect(manifest.items.map((canvas) => canvas.label.none?.[0])).toEqual(['l. 3']);
    expect((await validateXml([serializeXml(buildMods(several, urls))], SCHEMAS.mods)).valid).toBe(true);
  });
});
