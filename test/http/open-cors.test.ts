import { describe, expect, it } from 'vitest';
import { testApp } from '../support/fixtures.ts';

describe('CORS', () => {
  it.each(['/records/110020', '/records/110020.dc.xml', '/iiif/3/110020/manifest', '/oai?verb=Identify', '/records/999999', '/no/such/path'])(
    'opens %s to every origin, errors included',
    async (path) => {
      const { app } = await testApp();
      const res = await app.request(path, { headers: { Origin: 'https://viewer.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
    },
  );

  it('keeps the CORS headers on a 304', async () => {
    const { app } = await testApp();
    const etag = (await app.request('/records/110020.json')).headers.get('etag') ?? '';
    const res = await app.request('/records/110020.json', { headers: { 'If-None-Match': etag, Origin: 'https://viewer.example' } });
    expect(res.status).toBe(304);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers a preflight with the allowed methods and the requested headers', async () => {
    const { app } = await testApp();
    const res = await app.request('/iiif/3/110020/manifest', {
      method: 'OPTIONS',
      headers: { Origin: 'https://viewer.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toBe('if-none-match');
  });
});
