import { beforeAll, describe, expect, it } from 'vitest';
import { risDate, risName, writeRis } from '../../../functions/core/citation/write-ris.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import type { ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import { readWithCitationJs } from '../../support/citation-readers.ts';
import { record110020, TEST_BASE_URL, testApp } from '../../support/fixtures.ts';

const urls = serviceUrls(TEST_BASE_URL);
let record: ArchivalRecord;
beforeAll(async () => {
  record = await record110020();
});

/** Tag-value pairs as a RIS reader sees them (continuation lines joined to their tag). */
function tags(ris: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of ris.split('\r\n')) {
    const m = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
    if (m) out.push([m[1] as string, m[2] as string]);
    else if (line && out.length > 0) (out[out.length - 1] as [string, string])[1] += `\n${line}`;
  }
  return out;
}

describe('RIS of 110020', () => {
  it('is a PCOMM record that starts with TY, ends with ER and uses CRLF line ends', () => {
    const ris = writeRis(record, urls);
    expect(ris.startsWith('TY  - PCOMM\r\n')).toBe(true);
    expect(ris.endsWith('ER  - \r\n')).toBe(true);
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it.each([
    ['AU', 'Mao, Zedong'],
    ['A2', 'Stalin, I.V.'],
    ['M3', 'Telegram'],
    ['DA', '1951/01/27/'],
    ['PY', '1951'],
    ['DB', 'History and Public Policy Program Digital Archive'],
    ['AV', 'APRF, f. 45, op. 1, d. 337, ll. 37-40'],
    ['UR', `${TEST_BASE_URL}/records/110020`],
  ])('writes %s as %s', (tag, value) => {
    expect(tags(writeRis(record, urls))).toContainEqual([tag, value]);
  });

  it('writes the abstract and one KW per subject', () => {
    const t = tags(writeRis(record, urls));
    expect(t).toContainEqual(['AB', record.summary]);
    expect(t.filter(([tag]) => tag === 'KW').map(([, v]) => v)).toEqual(record.subjects.map((s) => s.term));
  });

  it('carries the rights statement in CR, a paragraph a line, and its URI and label in a note', () => {
    const t = tags(writeRis(record, urls));
    expect(t.filter(([tag]) => tag === 'CR')).toEqual([['CR', record.rights.statement.replace(/\n\s*\n/g, '\n')]]);
    expect(t).toContainEqual(['N1', 'Rights statement: http://rightsstatements.org/vocab/InC-EDU/1.0/ (In Copyright - Educational Use Permitted)']);
  });

  it('is MANSCPT, with its translators in A4, when the record has no addressee', () => {
    const translator = { name: 'Gary Goldberg', kind: 'person' as const };
    const ris = writeRis({ ...record, agents: [{ role: 'translator', agent: translator }] }, urls);
    expect(ris.startsWith('TY  - MANSCPT\r\n')).toBe(true);
    expect(tags(ris)).toContainEqual(['A4', 'Gary Goldberg']);
  });

  it("names a letter's translators in a note, not in A4, which Zotero would save as the letter's author", () => {
    const translator = { name: 'Gary Goldberg', kind: 'person' as const, family: 'Goldberg', given: 'Gary' };
    const t = tags(writeRis({ ...record, agents: [...record.agents, { role: 'translator', agent: translator }] }, urls));
    expect(t.map(([tag]) => tag)).not.toContain('A4');
    expect(t).toContainEqual(['N1', 'Translators: Gary Goldberg']);
  });

  it('is read by citation-js as a personal communication with recipient, genre, date and archive fields', async () => {
    const [item] = await readWithCitationJs(writeRis(record, urls));
    expect(item).toMatchObject({
      type: 'personal_communication',
      title: record.title,
      author: [{ family: 'Mao', given: 'Zedong' }],
      recipient: [{ family: 'Stalin', given: 'I.V.' }],
      genre: 'Telegram',
      issued: { 'date-parts': [[1951, 1, 27]] },
      source: 'History and Public Policy Program Digital Archive',
      archive_location: 'APRF, f. 45, op. 1, d. 337, ll. 37-40',
      URL: `${TEST_BASE_URL}/records/110020`,
      abstract: record.summary,
    });
    expect(String(item?.note)).toContain('http://rightsstatements.org/vocab/InC-EDU/1.0/');
  });

  it('is served at /records/{id}.ris as UTF-8', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/110020.ris');
    expect(res.headers.get('content-type')).toBe('application/x-research-info-systems; charset=utf-8');
    expect(await res.text()).toBe(writeRis(record, urls));
  });
});

describe('RIS dates and names', () => {
  it.each([
    ['day', { display: 'January 27, 1951', precision: 'day', start: { year: 1951, month: 1, day: 27 } }, '1951/01/27/'],
    ['month', { display: 'May 1951', precision: 'month', start: { year: 1951, month: 5 } }, '1951/05//'],
    ['year', { display: '1958', precision: 'year', start: { year: 1958 } }, '1958///'],
    ['range', { display: '1950-1953', precision: 'range', edtf: '1950/1953', start: { year: 1950 }, end: { year: 1953 } }, '1950/1953'],
    [
      'month-range',
      { display: 'May 1950-June 1951', precision: 'range', edtf: '1950-05/1951-06', start: { year: 1950, month: 5 }, end: { year: 1951, month: 6 } },
      '1950-05/1951-06',
    ],
  ] as const)('writes a %s-precision date', (_label, date, expected) => {
    expect(risDate(date as RecordDate)).toBe(expected);
  });

  it('writes no DA for an undated record', () => {
    expect(risDate({ display: 'Undated', precision: 'undated' })).toBeUndefined();
  });

  it.each([
    [
      'writes a family-first name with its parts too, as Zotero splits it',
      { name: 'Mao Zedong', kind: 'person', family: 'Mao', given: 'Zedong', nameOrder: 'family-first' },
      'Mao, Zedong',
    ],
    ['keeps a name without parts whole', { name: 'Gary Goldberg', kind: 'person' }, 'Gary Goldberg'],
    ['inverts a given-first name', { name: 'I.V. Stalin', kind: 'person', family: 'Stalin', given: 'I.V.' }, 'Stalin, I.V.'],
    ['keeps an organisation whole', { name: 'CC CPSU', kind: 'organization' }, 'CC CPSU'],
  ] as const)('%s', (_label, agent, expected) => {
    expect(risName(agent)).toBe(expected);
  });
});
