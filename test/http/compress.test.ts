/**
 * Content-coding of every XML/JSON/HTML answer of the API, on the local server (a real port, the
 * local stack) and through the Lambda adapter: what Node's own clients (fetch, which decodes
 * Brotli and gzip itself, and zlib) read back is the identity response byte for byte; validators
 * and HEAD agree with GET; images are left alone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { handle } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseContentCoding } from '../../functions/http/compress.ts';
import { type RunningService, startService } from '../../functions/local/start-service.ts';
import { testApp } from '../support/fixtures.ts';
import { functionUrlEvent } from '../support/lambda-events.ts';

let service: RunningService;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'archive-compression-'));
  service = await startService({ PORT: '0', DATA_DIR: dataDir, OAI_REPOSITORY_IDENTIFIER: 'test.example.org' }, { inMemory: true, log: () => {} });
}, 60_000);

afterAll(async () => {
  await service?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Every kind of text the API answers with, each at least a kilobyte (smaller bodies are sent as they are). */
const TEXT_ROUTES: { path: string; accept?: string }[] = [
  { path: '/', accept: 'text/html' },
  { path: '/records/110020', accept: 'text/html' },
  { path: '/records/110020.json' },
  { path: '/records/110020.jsonld' },
  { path: '/records/110020.mods.xml' },
  { path: '/records/110020.marc.xml' },
  { path: '/records/110020.rdf' },
  { path: '/records/110020.txt' },
  { path: '/records/110020.csl.json' },
  { path: '/linkset/110020' },
  { path: '/records/110020.datacite.xml' },
  { path: '/iiif/3/110020/manifest' },
  { path: '/iiif/2/110020/manifest' },
  { path: '/oai?verb=Identify' },
  { path: '/oai?verb=ListRecords&metadataPrefix=marc21' },
  { path: '/oai?verb=ListRecords&metadataPrefix=oai_dc' },
  { path: '/oai?verb=GetRecord&identifier=oai:test.example.org:110020&metadataPrefix=mods' },
  { path: '/openapi.json' },
  { path: '/schemas/record.schema.json' },
];

/** One raw HTTP exchange (node:http does not decode): status, headers and the bytes as sent. */
function rawGet(
  path: string,
  headers: { [name: string]: string },
  method = 'GET',
): Promise<{ status: number; headers: NodeJS.Dict<string | string[]>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${service.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const header = (headers: NodeJS.Dict<string | string[]>, name: string) => String(headers[name] ?? '');

describe('compressed responses on the local server', () => {
  it.each(TEXT_ROUTES)('sends $path in Brotli and gzip that decode to the identity bytes', async ({ path, accept }) => {
    const base: { [name: string]: string } = accept ? { accept } : {};
    const identity = await rawGet(path, base);
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.byteLength).toBeGreaterThan(1024);
    expect(header(identity.headers, 'vary')).toMatch(/Accept-Encoding/);
    // OAI-PMH answers carry the time they were made, the home page the moment its "recent" window
    // starts (ISO datestamps, plain and URL-encoded); everything else is byte-identical.
    const strip = (text: string) =>
      text.replace(/<responseDate>[^<]*<\/responseDate>/, '').replace(/\d{4}-\d\d-\d\dT\d\d(?::|%3A)\d\d(?::|%3A)\d\dZ/g, 'DATESTAMP');
    for (const [coding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const encoded = await rawGet(path, { ...base, 'accept-encoding': coding });
      expect(encoded.status).toBe(200);
      expect(encoded.headers['content-encoding']).toBe(coding);
      expect(header(encoded.headers, 'vary')).toMatch(/Accept-Encoding/);
      expect(encoded.headers['content-type']).toBe(identity.headers['content-type']);
      expect(encoded.body.byteLength).toBeLessThan(identity.body.byteLength);
      const decoded = decode(encoded.body).toString('utf8');
      expect(strip(decoded)).toBe(strip(identity.body.toString('utf8')));
      // The same bytes, the same validator, weakened (a page whose clock moved on has a new one).
      if (identity.headers.etag && decoded === identity.body.toString('utf8')) expect(encoded.headers.etag).toBe(`W/${identity.headers.etag}`);
    }
  });

  it('decodes, through fetch asking for Brotli first, to the text fetch reads without a coding', async () => {
    for (const path of ['/iiif/3/110020/manifest', '/records/110020.json', '/openapi.json']) {
      const plain = await (await fetch(`${service.url}${path}`, { headers: { 'accept-encoding': 'identity' } })).text();
      const res = await fetch(`${service.url}${path}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.headers.get('content-encoding')).toBe('br');
      expect(await res.text()).toBe(plain);
    }
  });

  it('answers a conditional request with the weak validator it sent, and 304', async () => {
    const first = await rawGet('/records/110020.mods.xml', { 'accept-encoding': 'gzip' });
    const etag = header(first.headers, 'etag');
    expect(etag).toMatch(/^W\/"/);
    const again = await rawGet('/records/110020.mods.xml', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(etag);
    expect(again.body.byteLength).toBe(0);
    // The strong validator an identity client holds matches too.
    const strong = await rawGet('/records/110020.mods.xml', { 'accept-encoding': 'gzip', 'if-none-match': etag.slice(2) });
    expect(strong.status).toBe(304);
  });

  it('answers HEAD with the headers GET sends for the same coding, and no body', async () => {
    for (const coding of ['br', 'gzip', 'identity']) {
      const get = await rawGet('/iiif/3/110020/manifest', { 'accept-encoding': coding });
      const head = await rawGet('/iiif/3/110020/manifest', { 'accept-encoding': coding }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.byteLength).toBe(0);
      for (const name of ['content-encoding', 'etag', 'vary', 'content-type', 'cache-control']) expect(head.headers[name]).toEqual(get.headers[name]);
    }
  });

  it('leaves images and small bodies uncoded', async () => {
    const tile = await rawGet('/iiif/image/3/110020-l37/0,0,256,256/256,/0/default.jpg', { 'accept-encoding': 'br, gzip' });
    expect(tile.status).toBe(200);
    expect(tile.headers['content-type']).toBe('image/jpeg');
    expect(tile.headers['content-encoding']).toBeUndefined();
    const health = await rawGet('/health', { 'accept-encoding': 'br' });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString('utf8'))).toEqual({ status: 'ok' });
    // Under a kilobyte here (two records): sent as they are, still varying by Accept-Encoding.
    for (const path of ['/sitemap.xml', '/iiif/3/collection/top', '/records/110020/citation?style=apa&format=html']) {
      const small = await rawGet(path, { 'accept-encoding': 'br' });
      expect(small.status).toBe(200);
      expect(small.body.byteLength).toBeLessThan(1024);
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(header(small.headers, 'vary')).toMatch(/Accept-Encoding/);
    }
  });

  it('sends a bad request as a problem, compressed or not, never a 500', async () => {
    const res = await fetch(`${service.url}/oai?verb=Nonsense`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('code="badVerb"');
    const missing = await fetch(`${service.url}/records/424242.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(missing.status).toBe(404);
  });
});

describe('compressed responses through the Lambda adapter', () => {
  it('sends a marc21 ListRecords page base64-encoded in Brotli, decoding to the identity page', async () => {
    const { app } = await testApp();
    type Result = { statusCode: number; body: string; headers: { [name: string]: string }; isBase64Encoded: boolean };
    const path = '/oai';
    const query = 'verb=ListRecords&metadataPrefix=marc21';
    const event = (headers: { [name: string]: string }) => {
      const e = functionUrlEvent(path, headers) as unknown as { rawQueryString: string; queryStringParameters?: { [name: string]: string } };
      e.rawQueryString = query;
      e.queryStringParameters = Object.fromEntries(new URLSearchParams(query));
      return e as never;
    };
    const identity = (await handle(app)(event({}), {} as never)) as Result;
    const encoded = (await handle(app)(event({ 'accept-encoding': 'gzip, br' }), {} as never)) as Result;
    expect(identity.statusCode).toBe(200);
    expect(identity.isBase64Encoded).toBe(false);
    expect(identity.body).toContain('<ListRecords>');
    expect(encoded.statusCode).toBe(200);
    expect(encoded.isBase64Encoded).toBe(true);
    expect(encoded.headers['content-encoding']).toBe('br');
    expect(encoded.headers.vary).toContain('Accept-Encoding');
    const decoded = brotliDecompressSync(Buffer.from(encoded.body, 'base64')).toString('utf8');
    // The fixed clock of the test app makes the two answers identical, responseDate included.
    expect(decoded).toBe(identity.body);
  });
});

describe('chooseContentCoding', () => {
  it('prefers Brotli on ties, honours q, and refuses what is refused', () => {
    expect(chooseContentCoding('gzip, deflate, br')).toBe('br');
    expect(chooseContentCoding('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(chooseContentCoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(chooseContentCoding('identity')).toBeUndefined();
    expect(chooseContentCoding('*')).toBe('br');
    expect(chooseContentCoding(undefined)).toBeUndefined();
  });
});
