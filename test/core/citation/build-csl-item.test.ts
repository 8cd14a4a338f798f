import { beforeAll, describe, expect, it } from 'vitest';
import { buildCslItem, buildCslJson, cslDate, cslName } from '../../../functions/core/citation/build-csl-item.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import type { ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import { type CslData, cslSchemaValidator, readWithCitationJs } from '../../support/citation-readers.ts';
import { record110020, TEST_BASE_URL, testApp } from '../../support/fixtures.ts';

const urls = serviceUrls(TEST_BASE_URL);
let record: ArchivalRecord;
beforeAll(async () => {
  record = await record110020();
});

describe('CSL-JSON of 110020', () => {
  it('is valid against the CSL-JSON 1.0.2 schema, with license', () => {
    const validate = cslSchemaValidator();
    const data: unknown = JSON.parse(buildCslJson(record, urls));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('describes the telegram as a personal communication from Mao Zedong to I.V. Stalin', () => {
    const item = buildCslItem(record, urls);
    expect(item).toMatchObject({
      type: 'personal_communication',
      genre: 'Telegram',
      author: [{ family: 'Mao', given: 'Zedong', 'static-ordering': true }],
      recipient: [{ family: 'Stalin', given: 'I.V.' }],
      issued: { 'date-parts': [[1951, 1, 27]] },
    });
  });

  it('names the archive, the archival location and its place', () => {
    const item = buildCslItem(record, urls);
    expect(item.archive).toBe('History and Public Policy Program Digital Archive');
    expect(item.archive_location).toBe('APRF, f. 45, op. 1, d. 337, ll. 37-40');
    expect(item['archive-place']).toBe('Washington, DC');
    expect(item.URL).toBe(`${TEST_BASE_URL}/records/110020`);
    expect(item.abstract).toBe(record.summary);
  });

  it('gives the rights statement verbatim in license, paragraphs and all, and its URI in the note', () => {
    const item = buildCslItem(record, urls);
    expect(item.license).toBe(record.rights.statement);
    expect(item.license).toContain('materials.\n\nTo enquire');
    expect(item.note).toContain('Rights statement: http://rightsstatements.org/vocab/InC-EDU/1.0/ (In Copyright - Educational Use Permitted)');
  });

  it('keeps in the note what no field holds: the conveyed telegram and the repository in words', () => {
    const note = buildCslItem(record, urls).note ?? '';
    expect(note).toContain('Conveys: Telegram from Peng Dehuai to Mao Zedong of 19 January 1951');
    expect(note).toContain('Archive of the President of the Russian Federation, fond 45, opis 1, delo 337, leaves 37-40');
  });

  it('leaves out the language the source does not give', () => {
    expect(buildCslItem(record, urls)).not.toHaveProperty('language');
    expect(buildCslItem({ ...record, languages: ['ru'] }, urls).language).toBe('ru');
  });

  it('is read back by citation-js with every field intact', async () => {
    const [item] = (await readWithCitationJs(buildCslJson(record, urls))) as [CslData];
    expect(item).toEqual(buildCslItem(record, urls));
  });

  it('is served at /records/{id}.csl.json with the CSL media type', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/110020.csl.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    expect(await res.json()).toEqual([buildCslItem(record, urls)]);
  });
});

describe('CSL item types and roles', () => {
  it('is a manuscript when the record has no addressee, with its translators', () => {
    const translator = { name: 'Gary Goldberg', kind: 'person' as const };
    const variant: ArchivalRecord = { ...record, agents: [{ role: 'translator', agent: translator }] };
    expect(buildCslItem(variant, urls)).toMatchObject({ type: 'manuscript', genre: 'Telegram', translator: [{ literal: 'Gary Goldberg' }] });
  });

  it("names a letter's translators as contributors: Zotero's letter has no translator and would make them its authors", () => {
    const translator = { name: 'Gary Goldberg', kind: 'person' as const, family: 'Goldberg', given: 'Gary' };
    const variant: ArchivalRecord = { ...record, agents: [...record.agents, { role: 'translator', agent: translator }] };
    const item = buildCslItem(variant, urls);
    expect(item.type).toBe('personal_communication');
    expect(item).not.toHaveProperty('translator');
    expect(item.contributor).toEqual([{ family: 'Goldberg', given: 'Gary' }]);
  });
});

describe('CSL names', () => {
  it.each([
    [
      'a Chinese name, never inverted',
      { name: 'Mao Zedong', kind: 'person', family: 'Mao', given: 'Zedong', nameOrder: 'family-first' },
      { family: 'Mao', given: 'Zedong', 'static-ordering': true },
    ],
    ['a Russian name', { name: 'I.V. Stalin', kind: 'person', family: 'Stalin', given: 'I.V.', nameOrder: 'given-first' }, { family: 'Stalin', given: 'I.V.' }],
    ['an organisation', { name: 'Politburo of the CC CPSU', kind: 'organization' }, { literal: 'Politburo of the CC CPSU' }],
    ['a person known by one name only', { name: 'Filippov', kind: 'person' }, { literal: 'Filippov' }],
    ['a person with a family name only, as one unit', { name: 'Kim', kind: 'person', family: 'Kim' }, { literal: 'Kim' }],
  ] as const)('writes %s', (_label, agent, expected) => {
    expect(cslName(agent)).toEqual(expected);
  });
});

describe('CSL dates keep the precision the source gives', () => {
  const day: RecordDate = { display: 'January 27, 1951', precision: 'day', edtf: '1951-01-27', start: { year: 1951, month: 1, day: 27 } };
  it.each([
    ['a day', day, [[1951, 1, 27]]],
    ['a month', { display: 'May 1951', precision: 'month', edtf: '1951-05', start: { year: 1951, month: 5 } }, [[1951, 5]]],
    ['a year', { display: '1958', precision: 'year', edtf: '1958', start: { year: 1958 } }, [[1958]]],
  ] as const)('%s', (_label, date, parts) => {
    expect(cslDate(date as RecordDate)).toEqual({ 'date-parts': parts });
  });

  it('a range, with its EDTF interval as raw, which Zotero reads before date-parts', () => {
    const range: RecordDate = { display: '1950-1953', precision: 'range', edtf: '1950/1953', start: { year: 1950 }, end: { year: 1953 } };
    expect(cslDate(range)).toEqual({ 'date-parts': [[1950], [1953]], raw: '1950/1953' });
  });

  it('omits the date of an undated record', () => {
    expect(cslDate({ display: 'Undated', precision: 'undated' })).toBeUndefined();
  });

  it.each([
    ['a month', { display: 'May 1951', precision: 'month', edtf: '1951-05', start: { year: 1951, month: 5 } }],
    ['a range', { display: '1950-1953', precision: 'range', edtf: '1950/1953', start: { year: 1950 }, end: { year: 1953 } }],
    ['no date', { display: 'Undated', precision: 'undated' }],
  ] as const)('stays valid against the schema for %s', (_label, date) => {
    const validate = cslSchemaValidator();
    expect(validate(JSON.parse(buildCslJson({ ...record, date: date as RecordDate }, urls)))).toBe(true);
  });
});

describe('the note on a conveyed document', () => {
  it('adds the author, recipient and date that its description leaves out', async () => {
    const record = await record110020();
    const [doc] = record.embeddedDocuments;
    if (!doc) throw new Error('fixture has no embedded document');
    const terse = { ...record, embeddedDocuments: [{ ...doc, description: 'Report on meetings with Kim Il Sung' }] };
    expect(buildCslItem(terse, urls).note).toContain('Conveys: Report on meetings with Kim Il Sung (from Peng Dehuai, to Mao Zedong, 19 January 1951).');
  });
});
