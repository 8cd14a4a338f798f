/**
 * What independent clients sent to `npm start` and once got a 5xx (or a wrong 2xx) for, each
 * replayed over real HTTP against the local service on the real local stack (DynamoDB on
 * dynalite, S3 on s3rver, through the SDK): every one now gets a documented answer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../functions/adapters/aws-clients.ts';
import { MAX_TEXT_BYTES } from '../../functions/core/records/stored-entry.ts';
import { type RunningService, startService } from '../../functions/local/start-service.ts';
import { buildExport } from '../support/export-builder.ts';

let service: RunningService;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'archive-probes-'));
  service = await startService({ PORT: '0', DATA_DIR: dataDir }, { inMemory: true, log: () => {} });
}, 120_000);

afterAll(async () => {
  await service?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(`${service.url}${path}`, init);
const oaiErrors = (xml: string) => [...xml.matchAll(/<error code="([^"]+)"/g)].map((m) => m[1]);

describe('OAI-PMH ListSets on the real store', () => {
  it('answers GET, POST and a resumed list', async () => {
    const byGet = await get('/oai?verb=ListSets');
    const byPost = await get('/oai', { method: 'POST', body: 'verb=ListSets', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    for (const res of [byGet, byPost]) {
      expect(res.status).toBe(200);
      const xml = await res.text();
      expect(oaiErrors(xml)).toEqual([]);
      expect(xml).toContain('<setSpec>repository:APRF</setSpec>');
    }
    const forged = await (await get('/oai?verb=ListSets&resumptionToken=repository%3AZZZ')).text();
    expect(oaiErrors(forged)).toEqual(['badResumptionToken']);
  });

  it.each([
    ['from=9999-01-01', 'noRecordsMatch'],
    ['from=9999-12-31T23:59:59Z', 'noRecordsMatch'],
    ['from=2030-01-01&until=2020-01-01', 'badArgument'],
  ])('answers ListIdentifiers with %s by %s', async (bounds, code) => {
    const res = await get(`/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&${bounds}`);
    expect(res.status).toBe(200);
    expect(oaiErrors(await res.text())).toEqual([code]);
  });
});

describe('IIIF collection pages the service did not issue', () => {
  it.each([
    '/iiif/3/collection/top?page=z',
    '/iiif/3/collection/archive/APRF?page=s:zzz',
    '/iiif/3/collection/all?page=9999-12-31T23:59:59Z%23x',
    '/iiif/3/collection/archive/APRF?page=repository:ZZZ',
  ])('%s is a 400 problem', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  });
});

/** POSTs a chunked body of `total` bytes (no Content-Length), counting what the server let the client send. */
function postChunked(path: string, total: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, service.url);
    const req = httpRequest(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' } });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, sent }));
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.write('verb=Identify&x=');
    pump();
  });
}

describe('request bodies', () => {
  it('refuses a chunked OAI-PMH POST of 300 MB with 413 long before it is sent', async () => {
    const { status, sent } = await postChunked('/oai', 300 * 1024 * 1024);
    expect(status).toBe(413);
    expect(sent).toBeLessThan(100 * 1024 * 1024);
  }, 60_000);

  it('refuses an OAI-PMH POST declaring a body over its limit with 413', async () => {
    const res = await get('/oai', {
      method: 'POST',
      body: `verb=Identify&x=${'a'.repeat(20_000)}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(413);
  });
});

describe('long texts', () => {
  const ingest = (id: string, translation: string) =>
    get('/admin/ingest', {
      method: 'POST',
      headers: { Authorization: `Bearer ${service.config.ingestApiToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ fileName: `${id}.txt`, export: Buffer.from(buildExport({ body: translation, fields: { 'Record ID': id } })).toString('base64') }),
    });
  const objectsOf = async (id: string) => {
    const s3 = createS3Client({ region: service.config.region, s3Endpoint: service.backends.s3Endpoint });
    const keys: string[] = [];
    for (const prefix of ['sources', 'text', 'images']) {
      const out = await s3.send(new ListObjectsV2Command({ Bucket: service.config.bucketName, Prefix: `${prefix}/${id}/` }));
      keys.push(...(out.Contents ?? []).map((o) => o.Key ?? ''));
    }
    return keys;
  };

  it('ingests an export whose translation is 1 MB and serves the translation whole', async () => {
    const translation = 'Kim Il Sung said that the Korean People’s Army needed time.\n'.repeat(17_000);
    const res = await ingest('300001', translation);
    expect(res.status).toBe(201);
    const served = await (await get('/records/300001.txt')).text();
    expect(served).toContain(translation.trim());
    expect((await get('/iiif/3/300001/manifest')).status).toBe(200);
  }, 60_000);

  it('rejects a translation over the documented limit with a problem that says so, leaving no object behind', async () => {
    const res = await ingest('300002', 'a'.repeat(MAX_TEXT_BYTES + 10));
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toMatch(/translation is \d+ bytes; at most 2097152/);
    expect((await get('/records/300002')).status).toBe(404);
    expect(await objectsOf('300002')).toEqual([]);
  }, 60_000);
});

describe('methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('%s on a GET route is 405 with Allow', async (method) => {
    const res = await get('/records/110020', { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('answers a plain OPTIONS with 204 and Allow', async () => {
    const res = await get('/iiif/3/110020/manifest', { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });
});
