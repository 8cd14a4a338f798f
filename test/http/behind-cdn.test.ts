import { describe, expect, it } from 'vitest';
import { ORIGIN_SECRET_HEADER } from '../../functions/http/edge-headers.ts';
import { requestUrls } from '../../functions/http/request-urls.ts';
import { TEST_BASE_URL, testApp, testConfig } from '../support/fixtures.ts';

const SECRET = 'origin-secret-for-tests-0123456789abcdef';
const CDN = { TRUST_FORWARDED_HOST: 'true', OAI_REPOSITORY_IDENTIFIER: 'archive.example.org' };

/** The app with a probe route that shows the URLs a request's handlers get. */
async function probedApp(env: { [name: string]: string }) {
  const { app } = await testApp({ config: testConfig(env) });
  app.get('/probe', (c) => c.json({ oai: c.var.deps.urls.oai, manifest: c.var.deps.urls.manifest('110020') }));
  return app;
}

describe('absolute URLs behind the CDN', () => {
  it('builds them from X-Forwarded-Host when TRUST_FORWARDED_HOST is true', async () => {
    const app = await probedApp(CDN);
    const res = await app.request('/probe', { headers: { 'X-Forwarded-Host': 'd111111abcdef8.cloudfront.net' } });
    expect(await res.json()).toEqual({
      oai: 'https://d111111abcdef8.cloudfront.net/oai',
      manifest: 'https://d111111abcdef8.cloudfront.net/iiif/3/110020/manifest',
    });
  });

  it('ignores X-Forwarded-Host when TRUST_FORWARDED_HOST is not set', async () => {
    const app = await probedApp({});
    const res = await app.request('/probe', { headers: { 'X-Forwarded-Host': 'attacker.example' } });
    expect(((await res.json()) as { oai: string }).oai).toBe(`${TEST_BASE_URL}/oai`);
  });

  it.each([
    ['a path', 'evil.example/x'],
    ['credentials', 'user@evil.example'],
    ['a second host', 'a.example, b.example'],
    ['a scheme', 'https://evil.example'],
    ['an empty value', ''],
  ])('falls back to the configured base URL for a forwarded host with %s', (_what, header) => {
    const urlsFor = requestUrls(testConfig(CDN));
    expect(urlsFor(header).base).toBe(TEST_BASE_URL);
  });

  it('lower-cases the forwarded host and keeps its port', () => {
    const urlsFor = requestUrls(testConfig(CDN));
    expect(urlsFor('Archive.Example.ORG:8443').base).toBe('https://archive.example.org:8443');
  });

  it('refuses to start without OAI_REPOSITORY_IDENTIFIER when TRUST_FORWARDED_HOST is true', () => {
    expect(() => testConfig({ TRUST_FORWARDED_HOST: 'true' })).toThrow(/OAI_REPOSITORY_IDENTIFIER/);
  });
});

describe('the origin secret', () => {
  it.each([
    ['no header', {}],
    ['a wrong value', { [ORIGIN_SECRET_HEADER]: `${SECRET}x` }],
  ])('answers a request with %s with a 403 problem', async (_what, headers: { [name: string]: string }) => {
    const { app } = await testApp({ config: testConfig({ ORIGIN_SECRET: SECRET }) });
    const res = await app.request('/records/110020', { headers });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('serves a request that carries the secret', async () => {
    const { app } = await testApp({ config: testConfig({ ORIGIN_SECRET: SECRET }) });
    const res = await app.request('/records/110020', { headers: { [ORIGIN_SECRET_HEADER]: SECRET } });
    expect(res.status).toBe(200);
  });

  it('is not required when ORIGIN_SECRET is unset (the local server)', async () => {
    const { app } = await testApp();
    expect((await app.request('/records/110020')).status).toBe(200);
  });
});
