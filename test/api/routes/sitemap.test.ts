/** `/sitemap.xml`: every live record's landing page, with its datestamp. */
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../support/fixtures.ts';
import { type OaiFixture, oaiFixture } from '../../support/oai-fixture.ts';
import { elements, readXml, text } from '../../support/read-xml.ts';

let fx: OaiFixture;
let body: string;
let response: Response;

beforeAll(async () => {
  fx = await oaiFixture({ count: 1_200, withdrawEvery: 100 });
  response = await fx.app.request('/sitemap.xml');
  body = await response.text();
});

describe('/sitemap.xml', () => {
  it('is XML in the sitemaps namespace', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(readXml(body).getElementsByTagName('urlset')[0]?.getAttribute('xmlns')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  });

  it('lists every live record once, across store pages, and no withdrawn one', () => {
    const locs = elements(readXml(body), 'loc').map((e) => e.textContent);
    const live = [...fx.generated.map((r) => r.id).filter((id) => !fx.withdrawn.includes(id)), '110020'];
    expect(new Set(locs).size).toBe(locs.length);
    expect([...locs].sort()).toEqual(live.map((id) => `https://archive.example.org/records/${id}`).sort());
  });

  it('gives each record its datestamp as lastmod', () => {
    const url = elements(readXml(body), 'url').find((u) => text(u, 'loc') === 'https://archive.example.org/records/110020');
    expect(url && text(url, 'lastmod')).toBe('2026-11-26T12:00:00Z');
  });
});

describe('sitemap caching', () => {
  it('answers a matching If-None-Match with 304', async () => {
    const { app } = await testApp();
    const etag = (await app.request('/sitemap.xml')).headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await app.request('/sitemap.xml', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});
