import { describe, expect, it, vi } from 'vitest';
import { RepresentationCache } from '../../functions/http/representation-cache.ts';
import { testApp } from '../support/fixtures.ts';

const rendered = (body: string) => ({ body, headers: {} });

describe('RepresentationCache', () => {
  it('renders a key once', async () => {
    const cache = new RepresentationCache(100);
    const render = vi.fn(() => rendered('body'));
    await cache.getOrRender('k', render);
    expect(new TextDecoder().decode((await cache.getOrRender('k', render)).bytes)).toBe('body');
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('weighs a body by its UTF-8 size', async () => {
    const cache = new RepresentationCache(40);
    // 11 characters, 22 bytes: more than half the bound.
    await cache.getOrRender('cyrillic', () => rendered('ж'.repeat(11)));
    expect(cache.entries).toBe(0);
  });

  it('stays within its bound, dropping the least recently used body', async () => {
    const cache = new RepresentationCache(35);
    await cache.getOrRender('a', () => rendered('a'.repeat(10)));
    await cache.getOrRender('b', () => rendered('b'.repeat(10)));
    await cache.getOrRender('a', () => rendered('unused'));
    await cache.getOrRender('c', () => rendered('c'.repeat(10)));
    await cache.getOrRender('d', () => rendered('d'.repeat(10)));
    expect(cache.entries).toBe(3);
    const render = vi.fn(() => rendered('b'));
    await cache.getOrRender('b', render);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('does not keep a body larger than half its bound', async () => {
    const cache = new RepresentationCache(40);
    await cache.getOrRender('big', () => rendered('x'.repeat(21)));
    expect(cache.entries).toBe(0);
  });
});

describe('cached renderings over HTTP', () => {
  it('serve the same bytes from the cache as the first rendering', async () => {
    const { app } = await testApp();
    const first = await (await app.request('/records/110020.mods.xml')).text();
    const second = await (await app.request('/records/110020.mods.xml')).text();
    expect(second).toBe(first);
  });

  it('answer If-None-Match with 304 before rendering', async () => {
    const { app } = await testApp();
    const etag = (await app.request('/iiif/3/110020/manifest')).headers.get('etag') ?? '';
    expect(etag).toBe('"110020-v1-d3-manifest"');
    const res = await app.request('/iiif/3/110020/manifest', { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(304);
  });

  it("send a rendering's own headers with the cached body too", async () => {
    const { app } = await testApp();
    await app.request('/records/110020', { headers: { Accept: 'text/html' } });
    const again = await app.request('/records/110020', { headers: { Accept: 'text/html' } });
    expect(again.headers.get('link')).toContain('rel="cite-as"');
    expect(again.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(again.headers.get('vary')).toBe('Accept-Encoding, Accept');
  });

  it('keep representations of different base URLs apart', async () => {
    const { app } = await testApp();
    const a = await (await app.request('/records/110020.dc.xml')).text();
    const { app: other } = await testApp({ config: { ...(await testApp()).deps.config, publicBaseUrl: 'https://mirror.example.net' } });
    const b = await (await other.request('/records/110020.dc.xml')).text();
    expect(a).toContain('https://archive.example.org/records/110020');
    expect(b).toContain('https://mirror.example.net/records/110020');
  });
});
