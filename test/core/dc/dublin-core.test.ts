/** Dublin Core of record 110020: the element mapping, oai_dc, and DCMI Terms as JSON-LD and RDF/XML saying the same. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDctermsJsonLd } from '../../../functions/core/dc/build-dcterms-jsonld.ts';
import { buildDctermsRdf } from '../../../functions/core/dc/build-dcterms-rdf.ts';
import { buildOaiDc } from '../../../functions/core/dc/build-oai-dc.ts';
import { dctermsStatements } from '../../../functions/core/dc/dcterms-statements.ts';
import { type DcElement, dublinCoreElements, w3cdtfDate } from '../../../functions/core/dc/dublin-core-elements.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import { serializeXml } from '../../../functions/core/xml/xml-tree.ts';
import type { ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import { record110020, TEST_BASE_URL, testApp } from '../../support/fixtures.ts';
import { elements, readXml, texts } from '../../support/read-xml.ts';
import { SCHEMAS, validateXml } from '../../support/xml-schema.ts';

const urls = serviceUrls(TEST_BASE_URL);
let record: ArchivalRecord;
let dc: DcElement[];
const values = (name: DcElement['name']) => dc.filter((e) => e.name === name).map((e) => e.value);

beforeAll(async () => {
  record = await record110020();
  dc = dublinCoreElements(record, urls);
});

describe('Dublin Core elements of 110020', () => {
  it.each<[DcElement['name'], string[]]>([
    [
      'title',
      ['Telegram from Mao Zedong to I.V. Stalin, Conveying the 19 January 1951 Telegram from Peng Dehuai to Mao Zedong regarding Meetings with Kim Il Sung'],
    ],
    ['creator', ['Mao Zedong']],
    ['contributor', ['I.V. Stalin']],
    ['publisher', ['History and Public Policy Program Digital Archive']],
    ['date', ['1951-01-27']],
    ['type', ['Text', 'Telegram']],
    ['format', ['4 leaves']],
    ['identifier', [`${TEST_BASE_URL}/records/110020`, '110020']],
    ['source', ['APRF, f. 45, op. 1, d. 337, ll. 37-40.']],
    ['language', []],
    ['relation', [`${TEST_BASE_URL}/iiif/3/110020/manifest`, 'https://digitalarchive.wilsoncenter.org/document/110020']],
    ['coverage', ['Korea', 'China', 'Soviet Union', 'Beijing', 'Seoul', '1951-01-16/1951-01-27']],
  ])('%s', (name, expected) => {
    expect(values(name)).toEqual(expected);
  });

  it('gives the rights statement verbatim and the rightsstatements.org URI', () => {
    expect(values('rights')).toEqual([record.rights.statement, 'http://rightsstatements.org/vocab/InC-EDU/1.0/']);
  });

  it('marks the type as DCMI Type vocabulary and the date as W3CDTF', () => {
    expect(dc.find((e) => e.name === 'type' && e.value === 'Text')?.scheme).toBe('DCMIType');
    expect(dc.find((e) => e.name === 'date')?.scheme).toBe('W3CDTF');
  });

  it('lists the subjects', () => {
    expect(values('subject')).toEqual(record.subjects.map((s) => s.term));
  });

  it('gives the languages with ISO 639-1 when the record knows them', () => {
    const withLanguage = dublinCoreElements({ ...record, languages: ['ru', 'zh-Hant'] }, urls).filter((e) => e.name === 'language');
    expect(withLanguage).toEqual([
      { name: 'language', value: 'ru', scheme: 'ISO639-1' },
      { name: 'language', value: 'zh-Hant' },
    ]);
  });
});

describe('W3CDTF dates at the precision known', () => {
  it.each<[string, RecordDate, string | undefined]>([
    ['a day', { display: '27 January 1951', precision: 'day', edtf: '1951-01-27', start: { year: 1951, month: 1, day: 27 } }, '1951-01-27'],
    ['a month', { display: 'May 1951', precision: 'month', edtf: '1951-05', start: { year: 1951, month: 5 } }, '1951-05'],
    ['a year', { display: '1958', precision: 'year', edtf: '1958', start: { year: 1958 } }, '1958'],
    ['a range', { display: '1950-1953', precision: 'range', edtf: '1950/1953', start: { year: 1950 }, end: { year: 1953 } }, undefined],
    ['no date', { display: 'undated', precision: 'undated' }, undefined],
  ])('%s', (_what, date, expected) => {
    expect(w3cdtfDate(date)).toBe(expected);
  });

  it('gives a range as its ISO 8601 interval, without claiming W3CDTF', () => {
    const range: RecordDate = { display: '1950-1953', precision: 'range', edtf: '1950/1953', start: { year: 1950 }, end: { year: 1953 } };
    expect(dublinCoreElements({ ...record, date: range }, urls).filter((e) => e.name === 'date')).toEqual([
      { name: 'date', value: '1950/1953', refinement: 'created' },
    ]);
  });

  it('leaves out the date of an undated record', () => {
    expect(dublinCoreElements({ ...record, date: { display: 'undated', precision: 'undated' } }, urls).some((e) => e.name === 'date')).toBe(false);
  });
});

describe('oai_dc', () => {
  it('validates against the oai_dc schema', async () => {
    const result = await validateXml(serializeXml(buildOaiDc(record, urls)), SCHEMAS.oaiDc);
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  it('reads back as the Dublin Core elements, in order', () => {
    const doc = readXml(serializeXml(buildOaiDc(record, urls)));
    const read = (elements(doc, 'oai_dc:dc')[0]?.childNodes ?? [])
      .filter((n) => n.nodeType === 1)
      .map((n) => [(n as ReturnType<typeof readXml>).rawTagName, n.textContent]);
    expect(read).toEqual(dc.map((e) => [`dc:${e.name}`, e.value]));
  });

  it('is served at /records/{id}.dc.xml', async () => {
    const { app } = await testApp();
    const response = await app.request('/records/110020.dc.xml');
    expect(response.status).toBe(200);
    expect(texts(readXml(await response.text()), 'dc:title')).toEqual(values('title'));
  });
});

describe('DCMI Terms', () => {
  it('JSON-LD states what the Dublin Core elements state', () => {
    const doc = buildDctermsJsonLd(record, urls);
    expect(doc['@id']).toBe(`${TEST_BASE_URL}/records/110020`);
    expect(doc['dcterms:created']).toEqual({ '@value': '1951-01-27', '@type': 'dcterms:W3CDTF' });
    expect(doc['dcterms:type']).toEqual([{ '@id': 'dcmitype:Text' }, 'Telegram']);
    expect(doc['dcterms:rights']).toEqual([record.rights.statement, { '@id': record.rights.uri }]);
    expect(doc['dcterms:spatial']).toEqual(['Korea', 'China', 'Soviet Union', 'Beijing', 'Seoul']);
    const count = Object.entries(doc)
      .filter(([key]) => key.startsWith('dcterms:'))
      .reduce((n, [, v]) => n + (Array.isArray(v) ? v.length : 1), 0);
    expect(count).toBe(dc.length);
  });

  it('RDF/XML is well-formed and has one property element per statement', async () => {
    const xml = serializeXml(buildDctermsRdf(record, urls));
    const doc = readXml(xml);
    const description = elements(doc, 'rdf:Description')[0];
    expect(description?.getAttribute('rdf:about')).toBe(`${TEST_BASE_URL}/records/110020`);
    const properties = (description?.childNodes ?? []).filter((n) => n.nodeType === 1) as ReturnType<typeof readXml>[];
    const statements = dctermsStatements(record, urls);
    expect(properties.map((p) => p.rawTagName)).toEqual(statements.map((s) => `dcterms:${s.property}`));
    expect(properties.map((p) => p.getAttribute('rdf:resource') ?? p.textContent)).toEqual(
      statements.map((s) => (s.object.kind === 'resource' ? s.object.iri : s.object.value)),
    );
  });

  it.each([
    ['jsonld', 'application/ld+json'],
    ['rdf', 'application/rdf+xml'],
  ])('is served at /records/{id}.%s as %s', async (extension, mediaType) => {
    const { app } = await testApp();
    const response = await app.request(`/records/110020.${extension}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(new RegExp(`^${mediaType.replace('+', '\\+')}`));
  });
});
