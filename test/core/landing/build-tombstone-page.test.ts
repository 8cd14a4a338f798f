/**
 * The page a browser gets at a withdrawn record's URL (410): what was withdrawn, when, why, and
 * how to cite it, under the landing page's CSP.
 */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app.ts';
import { withdrawRecord } from '../../../functions/core/ingest/withdraw-record.ts';
import { buildTombstonePage, tombstoneCitation } from '../../../functions/core/landing/build-tombstone-page.ts';
import { LANDING_CSP } from '../../../functions/core/landing/landing-assets.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import type { Tombstone } from '../../../schemas/record.ts';
import { fixedClock, seededStores, TEST_BASE_URL, testConfig } from '../../support/fixtures.ts';

const urls = serviceUrls(TEST_BASE_URL);
const TITLE =
  'Telegram from Mao Zedong to I.V. Stalin, Conveying the 19 January 1951 Telegram from Peng Dehuai to Mao Zedong regarding Meetings with Kim Il Sung';

async function withdrawnPage() {
  const { records } = await seededStores({ clock: fixedClock('2026-01-01T00:00:00Z') });
  const clock = fixedClock('2026-03-01T08:30:00.900Z');
  await withdrawRecord('110020', { records, clock }, 'Withdrawn at the request of the rights holder.');
  const app = createApp({ config: testConfig(), records, clock });
  return app.request('/records/110020', { headers: { Accept: 'text/html' } });
}

const facts = (html: string) => {
  const page = parse(html);
  return Object.fromEntries(page.querySelectorAll('dl.facts dt').map((dt) => [dt.text, dt.nextElementSibling?.text ?? '']));
};

describe('the tombstone page', () => {
  it('says what was withdrawn, when and why, under the landing page’s CSP', async () => {
    const res = await withdrawnPage();
    expect(res.status).toBe(410);
    expect(res.headers.get('content-security-policy')).toBe(LANDING_CSP);
    const html = await res.text();
    const page = parse(html);
    expect(page.querySelector('h1')?.text).toBe(TITLE);
    expect(page.querySelector('.genre')?.text).toBe('Withdrawn record');
    expect(facts(html)).toEqual({
      Date: 'January 27, 1951',
      Source: 'APRF, f. 45, op. 1, d. 337, ll. 37-40.',
      Identifier: '110020',
      'Cited as': `${TEST_BASE_URL}/records/110020`,
      Withdrawn: '2026-03-01',
      Reason: 'Withdrawn at the request of the rights holder.',
    });
    expect(page.querySelector('main > p:not(.genre)')?.text).toMatch(/^This record was withdrawn on 2026-03-01 and is no longer published\./);
    expect(page.querySelectorAll('script')).toHaveLength(0);
  });

  it('says how to cite it: as it was published, its URL, and the day it was withdrawn', async () => {
    const page = parse(await (await withdrawnPage()).text());
    expect(page.querySelector('#cite')?.text).toBe('How to cite');
    expect(page.querySelector('#citation-text')?.text).toBe(
      `${TITLE}. January 27, 1951. APRF, f. 45, op. 1, d. 337, ll. 37-40. History and Public Policy Program Digital Archive. ${TEST_BASE_URL}/records/110020 (withdrawn 2026-03-01).`,
    );
  });

  it('links the home page', async () => {
    const page = parse(await (await withdrawnPage()).text());
    expect(page.querySelector('header.site a')?.getAttribute('href')).toBe(`${TEST_BASE_URL}/`);
    expect(page.querySelector('header.site a')?.text).toBe('History and Public Policy Program Digital Archive');
  });

  it('says so when a tombstone kept no reason and no description of the record', () => {
    const old: Tombstone = { id: '424242', deleted: true, version: 3, datestamp: '2025-05-05T10:00:00Z', sets: [] };
    const html = buildTombstonePage(old, urls);
    expect(parse(html).querySelector('h1')?.text).toBe('Record 424242');
    expect(facts(html)).toMatchObject({ Withdrawn: '2025-05-05', Reason: 'No reason was recorded.' });
    expect(tombstoneCitation(old, urls)).toBe(`Record 424242. ${TEST_BASE_URL}/records/424242 (withdrawn 2025-05-05).`);
  });

  it('writes every value as text, never markup', () => {
    const hostile: Tombstone = {
      id: '424242',
      deleted: true,
      version: 2,
      datestamp: '2025-05-05T10:00:00Z',
      sets: [],
      withdrawal: { at: '2025-05-05T10:00:00.000Z', reason: '<img src=x onerror=alert(1)>' },
      formerly: { title: '</title><script>alert(1)</script>', source: '<b>source</b>' },
    };
    const page = parse(buildTombstonePage(hostile, urls, { serviceName: '<i>name</i>' }));
    expect(page.querySelectorAll('script, img, b, i')).toHaveLength(0);
    expect(page.querySelector('h1')?.text).toBe('</title><script>alert(1)</script>');
    expect(page.querySelector('#citation-text')?.text).toBe(
      `</title><script>alert(1)</script>. <b>source</b>. <i>name</i>. ${TEST_BASE_URL}/records/424242 (withdrawn 2025-05-05).`,
    );
  });
});
