/** Requests no route takes: 405 with Allow for another method, 204 with Allow to a plain OPTIONS, 404 for no path. */

import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeLocalApp } from '../../functions/local/compose-app.ts';
import { fixedClock, seededStores, testConfig } from '../support/fixtures.ts';

let app: Hono;
beforeAll(async () => {
  const stores = await seededStores();
  app = composeLocalApp({ config: testConfig(), records: stores.records, blobs: stores.blobs, clock: fixedClock() });
});

const GET_ROUTES = [
  '/records/110020',
  '/records/110020.json',
  '/records/110020/citation',
  '/records/110020/rights',
  '/iiif/3/110020/manifest',
  '/iiif/3/collection/top',
  '/iiif/image/3/110020-l37/info.json',
  '/iiif/image/3/110020-l37/full/max/0/default.jpg',
  '/sitemap.xml',
  '/health',
  '/openapi.json',
];

describe('a method a path does not serve', () => {
  it.each(GET_ROUTES.flatMap((path) => ['POST', 'PUT', 'DELETE', 'PATCH'].map((method) => [method, path])))('%s %s is 405 with Allow', async (method, path) => {
    const res = await app.request(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toContain(method);
  });

  it('names POST among what /oai allows', async () => {
    const res = await app.request('/oai', { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')?.split(', ').toSorted()).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
  });
});

describe('OPTIONS', () => {
  it('answers a plain OPTIONS with 204 and what the path allows', async () => {
    const res = await app.request('/records/110020', { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });

  it.each(['/records/110020', '/iiif/image/3/110020-l37/info.json', '/oai'])('keeps answering a CORS preflight on %s', async (path) => {
    const res = await app.request(path, { method: 'OPTIONS', headers: { Origin: 'https://viewer.example', 'Access-Control-Request-Method': 'GET' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('GET');
  });
});

describe('a path nothing serves', () => {
  it.each(['GET', 'POST', 'OPTIONS'])('is 404 to %s', async (method) => {
    const res = await app.request('/nothing/here', { method });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toBe('Nothing is served at /nothing/here.');
  });
});
