/** MODS 3.7 and MARCXML of record 110020: valid against the Library of Congress schemas, and saying what the Record says. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMarcRecord } from '../../../functions/core/marc/build-marcxml.ts';
import { buildMods } from '../../../functions/core/mods/build-mods.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import { serializeXml } from '../../../functions/core/xml/xml-tree.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { record110020, TEST_BASE_URL, testApp } from '../../support/fixtures.ts';
import { generateRecord } from '../../support/generate-records.ts';
import { elements, readXml, text, texts, type XmlNode } from '../../support/read-xml.ts';
import { SCHEMAS, validateXml } from '../../support/xml-schema.ts';

const urls = serviceUrls(TEST_BASE_URL);
let record: ArchivalRecord;
let mods: XmlNode;
let marc: XmlNode;

/** The subfields of every datafield with this tag: `[['a', '...'], ...]` per field. */
const fields = (tag: string) =>
  elements(marc, 'datafield')
    .filter((f) => f.getAttribute('tag') === tag)
    .map((f) => elements(f, 'subfield').map((s) => [s.getAttribute('code'), s.textContent]));

beforeAll(async () => {
  record = await record110020();
  mods = readXml(serializeXml(buildMods(record, urls)));
  marc = readXml(serializeXml(buildMarcRecord(record, urls)));
});

const variants = () => [
  record,
  { ...record, date: { display: '1950-1953', precision: 'range' as const, edtf: '1950/1953', start: { year: 1950 }, end: { year: 1953 } } },
  { ...record, date: { display: 'undated', precision: 'undated' as const }, languages: ['ru', 'zh'], summary: undefined },
  generateRecord(4, { count: 5 }),
  generateRecord(7, { count: 8 }),
];

describe('MODS 3.7', () => {
  it('validates against the MODS 3.7 schema, for dated, ranged, undated and unreferenced records', async () => {
    const result = await validateXml(
      variants().map((r) => serializeXml(buildMods(r as ArchivalRecord, urls))),
      SCHEMAS.mods,
    );
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  it('gives the repository as physicalLocation and the reference as shelfLocator', () => {
    expect(text(mods, 'physicalLocation')).toBe('Archive of the President of the Russian Federation, Moscow');
    expect(text(mods, 'shelfLocator')).toBe('APRF, f. 45, op. 1, d. 337, ll. 37-40.');
  });

  it('nests the archival hierarchy as host items, innermost first', () => {
    const hosts = elements(mods, 'relatedItem').filter((e) => e.getAttribute('type') === 'host');
    expect(hosts.map((h) => text(h, 'title'))).toEqual([
      'APRF, fond 45, opis 1, delo 337',
      'APRF, fond 45, opis 1',
      'APRF, fond 45',
      'Archive of the President of the Russian Federation',
    ]);
  });

  it('carries the rights statement with its rightsstatements.org URI', () => {
    const access = elements(mods, 'accessCondition')[0];
    expect(access?.getAttribute('xlink:href')).toBe(record.rights.uri);
    expect(access?.textContent).toBe(record.rights.statement);
  });

  it('names the author and the addressee with MARC relator codes', () => {
    const names = elements(mods, 'name').filter((n) => n.parentNode?.rawTagName === 'mods');
    expect(names.map((n) => [text(n, 'displayForm'), texts(n, 'roleTerm')[0]])).toEqual([
      ['Mao Zedong', 'aut'],
      ['I.V. Stalin', 'rcp'],
    ]);
  });

  it('is served at /records/{id}.mods.xml', async () => {
    const { app } = await testApp();
    const response = await app.request('/records/110020.mods.xml');
    expect(response.headers.get('content-type')).toBe('application/mods+xml; charset=utf-8');
  });
});

describe('MARCXML', () => {
  it('validates against the MARC21 slim schema, for dated, ranged, undated and unreferenced records', async () => {
    const result = await validateXml(
      variants().map((r) => serializeXml(buildMarcRecord(r as ArchivalRecord, urls))),
      SCHEMAS.marc,
    );
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  it('has a 24-character leader for archival manuscript language material and a 40-character 008', () => {
    const leader = text(marc, 'leader') ?? '';
    expect(leader).toHaveLength(24);
    expect(leader.slice(6, 9)).toBe('tma');
    expect(leader.charAt(18)).toBe('i');
    const f008 = elements(marc, 'controlfield').find((f) => f.getAttribute('tag') === '008')?.textContent ?? '';
    expect(f008).toHaveLength(40);
    expect(f008.slice(6, 11)).toBe('s1951');
  });

  it.each<[string, string[][][]]>([
    [
      '100',
      [
        [
          ['a', 'Mao, Zedong,'],
          ['e', 'author.'],
          ['4', 'aut'],
        ],
      ],
    ],
    [
      '245',
      [
        [
          [
            'a',
            'Telegram from Mao Zedong to I.V. Stalin, Conveying the 19 January 1951 Telegram from Peng Dehuai to Mao Zedong regarding Meetings with Kim Il Sung.',
          ],
        ],
      ],
    ],
    ['264', [[['c', 'January 27, 1951.']]]],
    ['300', [[['a', '4 leaves']]]],
    [
      '700',
      [
        [
          ['a', 'Stalin, I.V.,'],
          ['e', 'addressee.'],
          ['4', 'rcp'],
        ],
      ],
    ],
  ])('field %s', (tag, expected) => {
    expect(fields(tag)).toEqual(expected);
  });

  it("gives each paragraph of the rights statement in a 540 of its own, then the statement's label and URI", () => {
    expect(fields('540')).toEqual([
      ...record.rights.statement.split('\n\n').map((paragraph) => [['a', paragraph]]),
      [
        ['f', 'In Copyright - Educational Use Permitted.'],
        ['u', record.rights.uri],
      ],
    ]);
  });

  it('gives the holding repository in 852 and links the landing page and the IIIF manifest in 856', () => {
    expect(fields('852')[0]?.[0]).toEqual(['a', 'Archive of the President of the Russian Federation']);
    expect(fields('856').map((f) => f[0]?.[1])).toEqual([
      `${TEST_BASE_URL}/records/110020`,
      `${TEST_BASE_URL}/iiif/3/110020/manifest`,
      'https://digitalarchive.wilsoncenter.org/document/110020',
    ]);
  });

  it('orders its variable fields by tag', () => {
    const tags = elements(marc, 'datafield').map((f) => f.getAttribute('tag') ?? '');
    expect(tags).toEqual([...tags].sort());
  });

  it('is served at /records/{id}.marc.xml', async () => {
    const { app } = await testApp();
    const response = await app.request('/records/110020.marc.xml');
    expect(response.headers.get('content-type')).toBe('application/marcxml+xml; charset=utf-8');
  });
});
