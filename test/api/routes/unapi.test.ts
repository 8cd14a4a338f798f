import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeRis } from '../../../functions/core/citation/write-ris.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { readWithCitationJs } from '../../support/citation-readers.ts';
import { record110020, TEST_BASE_URL, testApp } from '../../support/fixtures.ts';

let record: ArchivalRecord;
beforeAll(async () => {
  record = await record110020();
});

const formatsOf = (xml: string) =>
  parse(xml)
    .querySelectorAll('format')
    .map((f) => [f.getAttribute('name'), f.getAttribute('type')]);

describe('unAPI', () => {
  it('lists its formats at /unapi with 200', async () => {
    const { app } = await testApp();
    const res = await app.request('/unapi');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const formats = formatsOf(await res.text());
    expect(formats).toContainEqual(['ris', 'application/x-research-info-systems']);
    expect(formats).toContainEqual(['csl', 'application/vnd.citationstyles.csl+json']);
    expect(formats).toContainEqual(['bibtex', 'application/x-bibtex']);
  });

  it('lists RIS first and leaves out MODS and MARC, which Zotero would otherwise prefer over RIS', async () => {
    const { app } = await testApp();
    const names = formatsOf(await (await app.request('/unapi')).text()).map(([name]) => name);
    expect(names[0]).toBe('ris');
    expect(names).not.toContain('mods');
    expect(names.some((n) => n?.startsWith('marc'))).toBe(false);
  });

  it('lists the formats of one record with 300 Multiple Choices', async () => {
    const { app } = await testApp();
    const res = await app.request('/unapi?id=110020');
    expect(res.status).toBe(300);
    const root = parse(await res.text());
    expect(root.querySelector('formats')?.getAttribute('id')).toBe('110020');
    expect(root.querySelectorAll('format').length).toBeGreaterThan(3);
  });

  it('returns the record in RIS, as Zotero asks for it, readable by citation-js as a letter', async () => {
    const { app } = await testApp();
    const res = await app.request('/unapi?id=110020&format=ris');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-research-info-systems; charset=utf-8');
    const body = await res.text();
    expect(body).toBe(writeRis(record, serviceUrls(TEST_BASE_URL)));
    const [item] = await readWithCitationJs(body);
    expect(item).toMatchObject({ type: 'personal_communication', archive_location: 'APRF, f. 45, op. 1, d. 337, ll. 37-40' });
    expect(res.headers.get('content-location')).toBe(`${TEST_BASE_URL}/records/110020.ris`);
  });

  it('returns CSL-JSON for format=csl', async () => {
    const { app } = await testApp();
    const res = await app.request('/unapi?id=110020&format=csl');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { type: string }[])[0]?.type).toBe('personal_communication');
  });

  it.each([
    ['/unapi?id=110020&format=endnote', 406],
    ['/unapi?id=999999', 404],
    ['/unapi?id=999999&format=ris', 404],
    ['/unapi?id=bad%20id&format=ris', 400],
    ['/unapi?format=ris', 400],
  ])('answers %s with %i', async (path, status) => {
    const { app } = await testApp();
    expect((await app.request(path)).status).toBe(status);
  });
});
