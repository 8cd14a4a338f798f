/**
 * The catalog records of every kind of record, as catalogers' tools read them: the seed 110020,
 * a reference followed by a credit, a published book excerpt, a note-only source, a year-only
 * date, a date range and an undated record, each ingested from an export in the archive's text
 * format. Their MARCXML goes through Debian's yaz-marcdump to ISO 2709 and back, and through
 * Debian's MARC::Lint (libmarc-lint-perl) with zero warnings; MARCXML and MODS validate against
 * the Library of Congress schemas; and each says what a cataloger expects of its kind.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestExport } from '../../../functions/core/ingest/ingest-export.ts';
import { buildMarcRecord } from '../../../functions/core/marc/build-marcxml.ts';
import { buildMods } from '../../../functions/core/mods/build-mods.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import { serializeXml } from '../../../functions/core/xml/xml-tree.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { buildExport, type ExportParts } from '../../support/export-builder.ts';
import { requireTool, runTool } from '../../support/external-tool.ts';
import { repoPath, TEST_BASE_URL, testApp } from '../../support/fixtures.ts';
import { elements, readXml, type XmlNode } from '../../support/read-xml.ts';
import { SCHEMAS, validateXml } from '../../support/xml-schema.ts';

const urls = serviceUrls(TEST_BASE_URL);
const LINT = repoPath('test/support/marc-lint.pl');

const CREDIT_SOURCE = 'RGASPI, f. 558, op. 11, d. 97, ll. 67-70. Contributed by Sergey Radchenko and translated by Gary Goldberg.';
const BOOK_SOURCE = 'Milovan Djilas. Wartime. Translated by Michael B. Petrovich. (New York: Harcourt Brace Jovanovich, 1977), 385-387.';
const NOTE_SOURCE = 'Obtained by Kathryn Weathersby; translated by Gary Goldberg.';

const KINDS = ['seed', 'credit', 'book', 'note', 'year', 'range', 'undated'] as const;
type Kind = (typeof KINDS)[number];

/** The exports of every kind but the seed (the real 110020 with its overlay, which `testApp` ingests). */
const EXPORTS: { [kind in Exclude<Kind, 'seed'>]: { id: string; parts: ExportParts; overlay?: object } } = {
  credit: {
    id: '300001',
    parts: {
      date: 'October 16, 1945',
      title: 'The Anti-Soviet Fabrications of a Mexican Newspaper',
      fields: { Source: CREDIT_SOURCE, Type: 'Digest', Language: 'Russian' },
    },
    // The author is also a subject, written as the archive writes his name.
    overlay: {
      agents: [{ role: 'author', agent: { name: 'Mao Zedong', kind: 'person', family: 'Mao', given: 'Zedong', nameOrder: 'family-first' } }],
      subjects: [{ term: 'Mao Zedong', kind: 'person' }],
    },
  },
  book: {
    id: '300002',
    parts: { date: 'June 1944', title: 'A Conversation with Stalin', fields: { Source: BOOK_SOURCE, Type: 'Memoir', Language: 'Serbo-Croatian' } },
  },
  note: {
    id: '300003',
    parts: { title: 'An Account of the Talks in Pyongyang', fields: { Source: NOTE_SOURCE, Type: 'Letter', Language: 'Korean' } },
  },
  year: { id: '300004', parts: { date: '1958' } },
  range: { id: '300005', parts: { date: '1950-1953' } },
  undated: { id: '300006', parts: { date: 'n.d.' } },
};

const records = {} as { [kind in Kind]: ArchivalRecord };
const marcXml = {} as { [kind in Kind]: string };
const marc = {} as { [kind in Kind]: XmlNode };
const mods = {} as { [kind in Kind]: XmlNode };
let dir: string;

/** Runs a tool for its bytes (ISO 2709 is binary); stderr as text. */
function runForBytes(command: string, args: readonly string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code === 'string') reject(new Error(`${command} could not be run: ${error.message}`));
      else resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr: stderr.toString('utf8') });
    });
  });
}

beforeAll(async () => {
  await requireTool(
    { command: 'perl', args: ['-MMARC::Lint', '-MMARC::File::USMARC', '-e', '1'] },
    'MARC::Lint is not installed: this test lints the MARC records with it. Install it with: apt-get install -y libmarc-lint-perl (.ci/run does).',
  );
  await requireTool(
    { command: 'yaz-marcdump', args: ['-V'] },
    'yaz-marcdump is not installed: this test converts the MARCXML to ISO 2709 with it. Install it with: apt-get install -y yaz (.ci/run does).',
  );
  const env = await testApp();
  for (const [kind, { id, parts, overlay }] of Object.entries(EXPORTS)) {
    const outcome = await ingestExport(
      {
        fileName: `${id}.txt`,
        exportBytes: Buffer.from(buildExport({ ...parts, fields: { ...parts.fields, 'Record ID': id } })),
        ...(overlay ? { overlayBytes: Buffer.from(JSON.stringify({ id, ...overlay })) } : {}),
      },
      env.ingestDeps,
    );
    if (outcome.status === 'rejected') throw new Error(`${kind}: ${JSON.stringify(outcome.problems)}`);
  }
  for (const kind of KINDS) {
    const entry = await env.records.get(kind === 'seed' ? '110020' : EXPORTS[kind].id);
    if (!entry || 'deleted' in entry) throw new Error(`${kind} not stored`);
    records[kind] = entry;
    marcXml[kind] = serializeXml(buildMarcRecord(entry, urls));
    marc[kind] = readXml(marcXml[kind]);
    mods[kind] = readXml(serializeXml(buildMods(entry, urls)));
  }
  dir = await mkdtemp(join(tmpdir(), 'catalog-records-'));
  for (const kind of KINDS) await writeFile(join(dir, `${kind}.xml`), marcXml[kind]);
});

/** The record's MARCXML as ISO 2709, by yaz-marcdump, in `{kind}.mrc`; yaz's exit status and warnings. */
async function toIso2709(kind: Kind): Promise<{ code: number | null; stderr: string }> {
  const iso = await runForBytes('yaz-marcdump', ['-i', 'marcxml', '-o', 'marc', join(dir, `${kind}.xml`)]);
  await writeFile(join(dir, `${kind}.mrc`), iso.stdout);
  return { code: iso.code, stderr: iso.stderr };
}

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const leader = (kind: Kind) => elements(marc[kind], 'leader')[0]?.textContent ?? '';
const controlField = (kind: Kind, tag: string) => elements(marc[kind], 'controlfield').find((f) => f.getAttribute('tag') === tag)?.textContent;
const dataFields = (kind: Kind, tag: string) => elements(marc[kind], 'datafield').filter((f) => f.getAttribute('tag') === tag);
/** Each field with this tag as its indicators and its subfields: `['10', [['a', '...']]]`. */
const fields = (kind: Kind, tag: string) =>
  dataFields(kind, tag).map((f) => [
    `${f.getAttribute('ind1')}${f.getAttribute('ind2')}`,
    elements(f, 'subfield').map((s) => [s.getAttribute('code'), s.textContent]),
  ]);
const subfieldA = (kind: Kind, tag: string) =>
  dataFields(kind, tag).map((f) => elements(f, 'subfield').find((s) => s.getAttribute('code') === 'a')?.textContent);
const modsNotes = (kind: Kind, type: string) =>
  elements(mods[kind], 'note')
    .filter((n) => n.getAttribute('type') === type)
    .map((n) => n.textContent);

describe('checked by the catalogers’ own tools', () => {
  it('yaz-marcdump reads every MARCXML record and writes it as ISO 2709, and reads that back to the same fields, with no warning', async () => {
    for (const kind of KINDS) {
      expect([kind, await toIso2709(kind)]).toEqual([kind, { code: 0, stderr: '' }]);
      const back = await runTool('yaz-marcdump', ['-i', 'marc', '-o', 'marcxml', join(dir, `${kind}.mrc`)]);
      expect([kind, back.code, back.stderr, back.stdout.includes('<!--')]).toEqual([kind, 0, '', false]);
      const read = readXml(back.stdout);
      const shape = (node: XmlNode) =>
        elements(node, 'datafield').map((f) => [
          f.getAttribute('tag'),
          f.getAttribute('ind1'),
          f.getAttribute('ind2'),
          elements(f, 'subfield').map((s) => [s.getAttribute('code'), s.textContent]),
        ]);
      expect(shape(read)).toEqual(shape(marc[kind]));
    }
  });

  it('MARC::Lint finds nothing to warn about in any of them, nor a control character anywhere', async () => {
    for (const kind of KINDS) await toIso2709(kind);
    const run = await runTool('perl', [LINT, ...KINDS.map((kind) => join(dir, `${kind}.mrc`))]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });

  it('the lint script reports a line feed in a subfield, which is what a blank line between paragraphs used to become', async () => {
    const broken = join(dir, 'broken.xml');
    await writeFile(broken, marcXml.seed.replace('<subfield code="a">Korea.</subfield>', '<subfield code="a">Ko&#10;rea.</subfield>'));
    await writeFile(join(dir, 'broken.mrc'), (await runForBytes('yaz-marcdump', ['-i', 'marcxml', '-o', 'marc', broken])).stdout);
    const run = await runTool('perl', [LINT, join(dir, 'broken.mrc')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('651: control character in its data');
  });

  it('MARCXML validates against the MARC21 slim schema and MODS against MODS 3.7, for every kind', async () => {
    const marcResult = await validateXml(
      KINDS.map((kind) => marcXml[kind]),
      SCHEMAS.marc,
    );
    expect(marcResult.errors).toBe('');
    const modsResult = await validateXml(
      KINDS.map((kind) => serializeXml(buildMods(records[kind], urls))),
      SCHEMAS.mods,
    );
    expect(modsResult.errors).toBe('');
    expect([marcResult.valid, modsResult.valid]).toEqual([true, true]);
  });
});

describe('leader and 008 by what the Source says the record is', () => {
  it.each<[Kind, string, string, string, string]>([
    // kind, leader/06-08, 008/06-14, 008/23, 008/35-37
    ['seed', 'tma', 's1951    ', ' ', 'und'],
    ['credit', 'tma', 's1945    ', ' ', 'rus'],
    ['book', 'am ', 's2012    ', 'o', 'eng'],
    ['note', 'tma', 's1951    ', ' ', 'kor'],
    ['year', 'tma', 's1958    ', ' ', 'und'],
    ['range', 'tma', 'i19501953', ' ', 'und'],
    ['undated', 'tma', 'nuuuuuuuu', ' ', 'und'],
  ])('%s: leader/06-08 "%s", 008 dates "%s", form of item "%s", language %s', (kind, typeAndLevel, dates, form, language) => {
    expect(leader(kind)).toHaveLength(24);
    expect(leader(kind).slice(6, 9)).toBe(typeAndLevel);
    expect(leader(kind).slice(17, 19)).toBe('7i');
    const f008 = controlField(kind, '008') ?? '';
    expect(f008).toHaveLength(40);
    expect([f008.slice(6, 15), f008.charAt(23), f008.slice(35, 38), f008.charAt(39)]).toEqual([dates, form, language, 'd']);
  });

  it('MODS says manuscript exactly when MARC does: for every archival original, not for the book excerpt', () => {
    for (const kind of KINDS) {
      const manuscript = elements(mods[kind], 'typeOfResource')[0]?.getAttribute('manuscript');
      expect([kind, manuscript === 'yes']).toEqual([kind, leader(kind).charAt(6) === 't']);
    }
  });
});

describe('the cataloging source', () => {
  it('has 003 and 040 with the archive profile’s organization code, English, RDA', () => {
    for (const kind of KINDS) {
      expect(controlField(kind, '003')).toBe('HAPPDA-local');
      expect(fields(kind, '040')).toEqual([
        [
          '  ',
          [
            ['a', 'HAPPDA-local'],
            ['b', 'eng'],
            ['e', 'rda'],
            ['c', 'HAPPDA-local'],
          ],
        ],
      ]);
    }
  });

  it('names the publisher in 040 and has no 003 when the profile gives no code', () => {
    const { marcOrganizationCode: _, ...publisher } = records.seed.publisher;
    const xml = readXml(serializeXml(buildMarcRecord({ ...records.seed, publisher }, urls)));
    expect(elements(xml, 'controlfield').map((f) => f.getAttribute('tag'))).toEqual(['001', '005', '008']);
    const f040 = elements(xml, 'datafield').find((f) => f.getAttribute('tag') === '040');
    expect(elements(f040 as XmlNode, 'subfield').map((s) => s.textContent)).toEqual([
      'History and Public Policy Program Digital Archive, Wilson Center',
      'eng',
      'rda',
      'History and Public Policy Program Digital Archive, Wilson Center',
    ]);
  });
});

describe('title', () => {
  it.each<[Kind, string, string]>([
    ['seed', '10', ''],
    ['credit', '14', 'The '],
    ['book', '02', 'A '],
    ['note', '03', 'An '],
    ['year', '00', ''],
  ])('%s: 245 indicators %s, MODS nonSort "%s"', (kind, indicators, nonSort) => {
    const [field] = fields(kind, '245');
    expect(field?.[0]).toBe(indicators);
    expect(subfieldA(kind, '245')[0]).toBe(`${records[kind].title}.`);
    const titleInfo = elements(mods[kind], 'titleInfo')[0] as XmlNode;
    expect(elements(titleInfo, 'nonSort')[0]?.textContent ?? '').toBe(nonSort);
    expect(`${elements(titleInfo, 'nonSort')[0]?.textContent ?? ''}${elements(titleInfo, 'title')[0]?.textContent}`).toBe(records[kind].title);
  });
});

describe('production or publication', () => {
  it.each<[Kind, string, string[][]]>([
    ['seed', ' 0', [['c', 'January 27, 1951.']]],
    ['year', ' 0', [['c', '1958.']]],
    ['range', ' 0', [['c', '1950-1953.']]],
    ['undated', ' 0', [['c', '[date of production not identified]']]],
    [
      'book',
      ' 1',
      [
        ['a', 'Washington, DC :'],
        ['b', 'History and Public Policy Program Digital Archive, Wilson Center,'],
        ['c', '2012.'],
      ],
    ],
  ])('%s: 264 "%s"', (kind, indicators, subfields) => {
    expect(fields(kind, '264')).toEqual([[indicators, subfields]]);
  });

  it('says when a published excerpt’s document is dated (518), and reproduces only archival originals (533)', () => {
    expect(subfieldA('book', '518')).toEqual(['Document dated June 1944.']);
    expect(subfieldA('seed', '518')).toEqual([]);
    expect(fields('book', '533')).toEqual([]);
    expect(fields('seed', '533')).toEqual([
      [
        '  ',
        [
          ['a', 'Electronic reproduction.'],
          ['b', 'Washington, DC :'],
          ['c', 'History and Public Policy Program Digital Archive, Wilson Center,'],
          ['d', '2011.'],
        ],
      ],
    ]);
    expect(subfieldA('book', '300')).toEqual(['1 online resource']);
    expect(subfieldA('seed', '300')).toEqual(['4 leaves']);
  });
});

describe('notes', () => {
  it('gives the Source verbatim in MARC 500 and MODS note type="source note", whatever its kind', () => {
    for (const kind of KINDS) {
      const citation = records[kind].source.citation;
      expect(subfieldA(kind, '500')).toContain(/[.?!)]$/.test(citation) ? `Source: ${citation}` : `Source: ${citation}.`);
      expect(modsNotes(kind, 'source note')).toEqual([citation]);
    }
  });

  it('gives one 540 per rights paragraph, then the rightsstatements.org statement with its URI', () => {
    const [first, second] = records.seed.rights.statement.split('\n\n');
    for (const kind of KINDS) {
      expect(fields(kind, '540')).toEqual([
        ['  ', [['a', first]]],
        ['  ', [['a', second]]],
        [
          '  ',
          [
            ['f', 'In Copyright - Educational Use Permitted.'],
            ['u', 'http://rightsstatements.org/vocab/InC-EDU/1.0/'],
          ],
        ],
      ]);
    }
  });

  it.each<[Kind, string]>([
    ['seed', 'English translation.'],
    ['credit', 'In Russian, with English translation.'],
    ['book', 'In Serbo-Croatian, with English translation.'],
    ['note', 'In Korean, with English translation.'],
  ])('%s: 546 and MODS note type="language" "%s"', (kind, note) => {
    expect(subfieldA(kind, '546')).toEqual([note]);
    expect(modsNotes(kind, 'language')).toEqual([note]);
  });

  it('gives the preferred citation in 524 and MODS, and the source of the description in 588', () => {
    const citation =
      '"Telegram from Mao Zedong to I.V. Stalin, Conveying the 19 January 1951 Telegram from Peng Dehuai to Mao Zedong regarding Meetings with Kim Il Sung," January 27, 1951, History and Public Policy Program Digital Archive, Wilson Center, APRF, f. 45, op. 1, d. 337, ll. 37-40. https://archive.example.org/records/110020';
    expect(subfieldA('seed', '524')).toEqual([citation]);
    expect(modsNotes('seed', 'preferred citation')).toEqual([citation]);
    expect(subfieldA('seed', '588')).toEqual([
      'Description based on the History and Public Policy Program Digital Archive record https://digitalarchive.wilsoncenter.org/document/110020, uploaded 2011-11-20; title from that record.',
    ]);
    for (const kind of KINDS) expect([kind, subfieldA(kind, '524').length, subfieldA(kind, '588').length]).toEqual([kind, 1, 1]);
  });
});

describe('one name form per person', () => {
  it('gives an author who is also a subject the same heading in 100 and 600, and in MODS the same name parts', () => {
    expect(subfieldA('credit', '100')).toEqual(['Mao, Zedong,']);
    expect(fields('credit', '600')).toEqual([['14', [['a', 'Mao, Zedong.']]]]);
    const subjectName = elements(mods.credit, 'subject').flatMap((s) => elements(s, 'namePart'));
    expect(subjectName.map((p) => [p.getAttribute('type'), p.textContent])).toEqual([
      ['family', 'Mao'],
      ['given', 'Zedong'],
    ]);
  });

  it('gives a subject who is an agent of the conveyed document that agent’s heading (110020: Peng Dehuai)', () => {
    expect(fields('seed', '600')).toEqual([
      ['04', [['a', 'Kim Il Sung.']]],
      ['14', [['a', 'Peng, Dehuai.']]],
      ['04', [['a', 'Pak Hon-yong.']]],
    ]);
  });

  it('gives a person with two roles one added entry with both relators', () => {
    const twice = {
      ...records.credit,
      agents: [...records.credit.agents, { role: 'contributor' as const, agent: { name: 'Gary Goldberg', kind: 'person' as const } }],
    };
    const xml = readXml(serializeXml(buildMarcRecord(twice, urls)));
    const added = elements(xml, 'datafield')
      .filter((f) => f.getAttribute('tag') === '700')
      .map((f) => elements(f, 'subfield').map((s) => `$${s.getAttribute('code')} ${s.textContent}`));
    expect(added).toEqual([
      ['$a Sergey Radchenko,', '$e contributor.', '$4 ctb'],
      ['$a Gary Goldberg,', '$e translator,', '$e contributor.', '$4 trl', '$4 ctb'],
    ]);
  });
});
