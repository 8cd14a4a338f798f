/**
 * The home page at `/`: what the archive holds (the collection tree by repository and fond,
 * linked to the IIIF collections and the OAI-PMH sets), the records changed recently (found in a
 * bounded number of forward reads of the harvest index), where machines start; negotiated, under
 * the landing page's CSP, with a strong ETag and 304.
 */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app.ts';
import { LANDING_CSP } from '../../../functions/core/landing/landing-assets.ts';
import { RECENT_SHOWN, readHomeOverview } from '../../../functions/core/landing/read-home-overview.ts';
import type { ChangesQuery, RecordStore } from '../../../functions/core/ports.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { fixedClock, record110020, TEST_BASE_URL, testApp, testConfig } from '../../support/fixtures.ts';
import { MemoryRecordStore } from '../../support/memory-stores.ts';

const urls = serviceUrls(TEST_BASE_URL);
const CHROME_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8';

async function home(headers: { [name: string]: string } = { Accept: 'text/html' }) {
  const { app } = await testApp();
  return app.request('/', { headers });
}

/** A store of copies of 110020 as other records, each changed at the given datestamp. */
async function storeWith(datestamps: readonly string[], change: (record: ArchivalRecord, index: number) => ArchivalRecord = (r) => r) {
  const seed = await record110020();
  const records = new MemoryRecordStore();
  for (const [index, datestamp] of datestamps.entries()) {
    const id = `r${String(index).padStart(4, '0')}`;
    await records.put(change({ ...seed, id, title: `Record ${id}`, datestamp }, index), undefined);
  }
  return records;
}

/** Counts the store calls a read makes. */
function counting(records: RecordStore) {
  const calls: { listChanges: ChangesQuery[]; listSets: number } = { listChanges: [], listSets: 0 };
  const store: RecordStore = Object.create(records);
  store.listChanges = (query) => {
    calls.listChanges.push(query);
    return records.listChanges(query);
  };
  store.listSets = (query) => {
    calls.listSets += 1;
    return records.listSets(query);
  };
  return { store, calls };
}

describe('GET / for a browser', () => {
  it('is an HTML page under the landing page’s CSP, naming the API description in Link', async () => {
    const res = await home();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(LANDING_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('vary')).toContain('Accept');
    expect(res.headers.get('link')).toContain(`<${TEST_BASE_URL}/openapi.json>; rel="service-desc"; type="application/vnd.oai.openapi+json"`);
    const page = parse(await res.text());
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(page.querySelector('h1')?.text).toBe('History and Public Policy Program Digital Archive');
    expect(page.querySelector('link[rel="service-desc"]')?.getAttribute('href')).toBe(`${TEST_BASE_URL}/openapi.json`);
  });

  it.each([
    ['no Accept', {}],
    ['*/*', { Accept: '*/*' }],
    ['a browser’s Accept', { Accept: CHROME_ACCEPT }],
    ['XHTML', { Accept: 'application/xhtml+xml' }],
  ])('is the page for %s', async (_label, headers) => {
    const res = await home(headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('has no script and no inline style or event handler: complete without JavaScript', async () => {
    const page = parse(await (await home()).text());
    expect(page.querySelectorAll('script')).toHaveLength(0);
    const attributes = page.querySelectorAll('*').flatMap((el) => Object.keys(el.attributes));
    expect(attributes.filter((a) => a.startsWith('on') || a === 'style')).toEqual([]);
  });

  it('shows the collection tree by repository and fond, each linked to its IIIF collection and its OAI-PMH set', async () => {
    const page = parse(await (await home()).text());
    const repository = page.querySelector('ul.tree > li');
    expect(repository?.querySelector('.set-name')?.text).toBe('Archive of the President of the Russian Federation');
    const fond = repository?.querySelector('ul > li');
    expect(fond?.querySelector('.set-name')?.text).toBe('APRF, fond 45');
    const hrefs = (el: typeof fond) => el?.querySelectorAll(':scope > .set-links a').map((a) => a.getAttribute('href'));
    expect(hrefs(fond)).toEqual([
      `${TEST_BASE_URL}/iiif/3/collection/archive/APRF/45`,
      `${TEST_BASE_URL}/oai?verb=ListRecords&metadataPrefix=oai_dc&set=repository%3AAPRF%3Afond%3A45`,
    ]);
    expect(hrefs(repository)).toEqual([
      `${TEST_BASE_URL}/iiif/3/collection/archive/APRF`,
      `${TEST_BASE_URL}/oai?verb=ListRecords&metadataPrefix=oai_dc&set=repository%3AAPRF`,
    ]);
    // Each "IIIF collection" link names its set for a screen reader.
    expect(fond?.querySelector('.set-links a')?.text).toBe('IIIF collection of APRF, fond 45');
  });

  it('lists the record changed recently, linked to its landing page', async () => {
    const page = parse(await (await home()).text());
    const item = page.querySelector('ol.recent li');
    expect(item?.querySelector('a')?.getAttribute('href')).toBe(`${TEST_BASE_URL}/records/110020`);
    expect(item?.querySelector('a')?.text).toContain('Telegram from Mao Zedong to I.V. Stalin');
    expect(item?.querySelector('.meta')?.text).toBe('Telegram · January 27, 1951 · changed 2026-11-26');
  });

  it('links OAI-PMH Identify, the top IIIF collection, the IIIF change feed, the OpenAPI description and the sitemap', async () => {
    const page = parse(await (await home()).text());
    const hrefs = page.querySelectorAll('#machines ~ ul a').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      `${TEST_BASE_URL}/oai?verb=Identify`,
      `${TEST_BASE_URL}/iiif/3/collection/top`,
      `${TEST_BASE_URL}/iiif/discovery/1/activity/all-changes`,
      `${TEST_BASE_URL}/openapi.json`,
      `${TEST_BASE_URL}/sitemap.xml`,
    ]);
  });

  it('answers a matching If-None-Match with 304, and HEAD without a body', async () => {
    const { app } = await testApp();
    const first = await app.request('/', { headers: { Accept: 'text/html' } });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"home-html-[A-Za-z0-9_-]+"$/);
    const again = await app.request('/', { headers: { Accept: 'text/html', 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    const head = await app.request('/', { method: 'HEAD', headers: { Accept: 'text/html' } });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('escapes set names and titles', async () => {
    const records = await storeWith(['2026-11-26T10:00:00Z'], (record) => ({
      ...record,
      title: '<script>alert(1)</script>',
      source: record.source.archival
        ? { ...record.source, archival: { ...record.source.archival, repository: { ...record.source.archival.repository, name: '<b>R&D</b>' } } }
        : record.source,
    }));
    const app = createApp({ config: testConfig(), records, clock: fixedClock() });
    const html = await (await app.request('/', { headers: { Accept: 'text/html' } })).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;R&amp;D&lt;/b&gt;');
  });
});

describe('GET / for other clients', () => {
  it.each(['application/json', 'application/linkset+json'])('gives %s clients the link set of the API', async (accept) => {
    const res = await home({ Accept: accept });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/linkset+json');
    expect(res.headers.get('vary')).toContain('Accept');
    expect(res.headers.get('link')).toContain('rel="service-desc"');
    expect(await res.json()).toEqual({
      linkset: [
        {
          anchor: `${TEST_BASE_URL}/`,
          'service-desc': [{ href: `${TEST_BASE_URL}/openapi.json`, type: 'application/vnd.oai.openapi+json' }],
          'service-doc': [{ href: `${TEST_BASE_URL}/`, type: 'text/html' }],
        },
      ],
    });
  });

  it('answers 406 with what it offers, and the API description in Link, to anything else', async () => {
    const res = await home({ Accept: 'application/xml' });
    expect(res.status).toBe(406);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('link')).toContain('rel="service-desc"');
    expect(((await res.json()) as { offered: string[] }).offered).toEqual([
      'text/html',
      'application/xhtml+xml',
      'application/linkset+json',
      'application/json',
    ]);
  });
});

describe('the recently changed records, newest first, in a bounded number of reads', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const hoursAgo = (hours: number) => `${new Date(now.getTime() - hours * 3_600_000).toISOString().slice(0, 19)}Z`;

  it('lists the newest of a day that holds enough of them, in one read', async () => {
    const { store, calls } = counting(await storeWith(Array.from({ length: 15 }, (_, i) => hoursAgo(20 - i))));
    const { recent } = await readHomeOverview(store, now);
    expect(recent.window.label).toBe('day');
    expect(recent.records.map((r) => r.id)).toEqual(['r0014', 'r0013', 'r0012', 'r0011', 'r0010', 'r0009', 'r0008', 'r0007', 'r0006', 'r0005']);
    expect(recent.records).toHaveLength(RECENT_SHOWN);
    expect(recent.more).toBe(true);
    expect(calls.listChanges).toHaveLength(1);
  });

  it('widens to a week, a month, a year while a window holds fewer, and says nothing changed in a quiet year', async () => {
    const week = await readHomeOverview(await storeWith([hoursAgo(24 * 400), hoursAgo(24 * 5), hoursAgo(24 * 3)]), now);
    expect(week.recent.window.label).toBe('year');
    expect(week.recent.records.map((r) => r.id)).toEqual(['r0002', 'r0001']);
    expect(week.recent.more).toBe(false);
    const { store, calls } = counting(await storeWith([hoursAgo(24 * 400)]));
    const quiet = await readHomeOverview(store, now);
    expect(quiet.recent.records).toEqual([]);
    expect(calls.listChanges).toHaveLength(4);
  });

  it('when a wider window overflows one read, lists the narrower one read whole: exactly the newest', async () => {
    // Two in the past day, thirty more earlier in the week.
    const stamps = [...Array.from({ length: 30 }, (_, i) => hoursAgo(24 * 6 - i)), hoursAgo(3), hoursAgo(2)];
    const { recent } = await readHomeOverview(await storeWith(stamps), now);
    expect(recent.window.label).toBe('day');
    expect(recent.records.map((r) => r.id)).toEqual(['r0031', 'r0030']);
    expect(recent.more).toBe(false);
  });

  it('when even a day overflows, lists what one read of it gave, marked as not all', async () => {
    const { store, calls } = counting(await storeWith(Array.from({ length: 40 }, (_, i) => hoursAgo(23 - i * 0.5))));
    const { recent } = await readHomeOverview(store, now);
    expect(recent.window.label).toBe('day');
    expect(recent.more).toBe(true);
    expect(recent.records).toHaveLength(RECENT_SHOWN);
    expect(calls.listChanges).toHaveLength(1);
    const app = createApp({ config: testConfig(), records: store, clock: fixedClock(now.toISOString()) });
    const page = parse(await (await app.request('/', { headers: { Accept: 'text/html' } })).text());
    expect(page.querySelector('#recent ~ p')?.text).toMatch(/^Some of the records added or changed in the past day/);
    expect(page.querySelector('#recent ~ p.note a')?.getAttribute('href')).toBe(
      `${urls.oai}?verb=ListIdentifiers&metadataPrefix=oai_dc&from=${encodeURIComponent(recent.since)}`,
    );
  });

  it('leaves withdrawn records out', async () => {
    const records = await storeWith([hoursAgo(5), hoursAgo(4)]);
    await records.delete({ id: 'r0001', deleted: true, version: 2, datestamp: hoursAgo(1), sets: [] }, 1);
    const { recent } = await readHomeOverview(records, now);
    expect(recent.records.map((r) => r.id)).toEqual(['r0000']);
  });
});

describe('the collection tree, read in bounded calls', () => {
  it('reads the repositories once and the fonds of each once, however many records', async () => {
    const { store, calls } = counting(await storeWith(Array.from({ length: 30 }, (_, i) => `2026-11-2${i % 6}T10:00:00Z`)));
    const { repositories } = await readHomeOverview(store, new Date('2026-11-26T12:00:00Z'));
    expect(repositories.map((r) => [r.name, r.fonds.map((f) => f.name)])).toEqual([['Archive of the President of the Russian Federation', ['APRF, fond 45']]]);
    expect(calls.listSets).toBe(2);
  });
});
