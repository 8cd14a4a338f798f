/**
 * Hostile input over every route: random and malicious paths, ids, parameters, Accept headers,
 * OAI-PMH arguments and tokens. Never a 5xx (but the IIIF Image API's own 501), never a hang,
 * and never a storage read outside the record keys and object prefixes the service owns.
 */
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveProfile } from '../../functions/adapters/ingest-files.ts';
import { ingestExport } from '../../functions/core/ingest/ingest-export.ts';
import type { BlobStore, RecordStore } from '../../functions/core/ports.ts';
import { createIngestDeps } from '../../functions/imaging/ingest-deps.ts';
import { composeLocalApp } from '../../functions/local/compose-app.ts';
import { RECORD_ID_PATTERN } from '../../schemas/record.ts';
import { ARCHIVE_PROFILE, EXPORT_110020, fixedClock, OVERLAY_110020, testConfig } from '../support/fixtures.ts';
import { MemoryBlobStore, MemoryRecordStore } from '../support/memory-stores.ts';
import { type OpenStores, openStores, STORE_KINDS } from '../support/store-kinds.ts';

const SAFE_OBJECT_KEY = /^(sources|text|images)\/[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
/** Wraps the stores to record every key the app asks for. */
function spying(records: RecordStore, blobs: BlobStore, touchedIds: string[], touchedKeys: string[]): { records: RecordStore; blobs: BlobStore } {
  return {
    records: new Proxy(records, {
      get(target, prop, receiver) {
        if (prop === 'get')
          return (id: string) => {
            touchedIds.push(id);
            return target.get(id);
          };
        return Reflect.get(target, prop, receiver);
      },
    }),
    blobs: new Proxy(blobs, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function' || prop === 'put') return value;
        return (key: string, ...rest: unknown[]) => {
          touchedKeys.push(key);
          return (value as (...args: unknown[]) => unknown).call(target, key, ...rest);
        };
      },
    }),
  };
}

const nasty = fc.oneof(
  fc.constantFrom(
    '..',
    '../..',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e',
    '%00',
    'a%00b',
    '%ff%fe',
    '%C0%AE',
    '110020%2F..',
    '110020/../110020',
    'x'.repeat(5_000),
    '110020.json.json',
    '110020.',
    '.110020',
    '110020-l37',
    '110020-l999',
    '110020-l37ob',
    '%',
    '%%',
    '~',
    '*',
    "'",
    '"',
    'record#110020',
    'set#repository:APRF',
    'repository:ZZZ',
    's:zzz',
    'r:9999-12-31T23:59:59Z#x',
    '9999-12-31T23:59:59Z#x',
    '9999-01-01',
    '0000-01-01T00:00:00Z',
    'sources/110020',
    '110020;rm',
    '<script>',
    'CON',
    'ﬀ',
    '١١٠٠٢٠',
  ),
  fc.string({ maxLength: 80 }).map(encodeURIComponent),
  fc.stringMatching(/^[A-Za-z0-9._~-]{1,70}$/),
);

const routes = [
  (s: string) => `/records/${s}`,
  (s: string) => `/records/${s}.json`,
  (s: string) => `/records/110020.${s}`,
  (s: string) => `/records/${s}/citation?style=${s}&locale=${s}&form=${s}`,
  (s: string) => `/records/110020/citation?style=${s}`,
  (s: string) => `/records/${s}/rights`,
  (s: string) => `/iiif/3/${s}/manifest`,
  (s: string) => `/iiif/3/collection/${s}`,
  (s: string) => `/iiif/3/collection/${s}/${s}`,
  (s: string) => `/iiif/3/collection/top?page=${s}`,
  (s: string) => `/iiif/3/collection/all?page=${s}`,
  (s: string) => `/iiif/3/collection/archive/APRF?page=${s}`,
  (s: string) => `/iiif/3/collection/archive/APRF/45/1/337?page=s:${s}`,
  (s: string) => `/iiif/image/3/${s}`,
  (s: string) => `/iiif/image/3/${s}/info.json`,
  (s: string) => `/iiif/image/3/110020-l37/${s}/max/0/default.jpg`,
  (s: string) => `/iiif/image/3/110020-l37/full/${s}/0/default.jpg`,
  (s: string) => `/iiif/image/3/110020-l37/full/max/${s}/default.jpg`,
  (s: string) => `/iiif/image/3/110020-l37/full/max/0/${s}`,
  (s: string) => `/linkset/${s}`,
  (s: string) => `/unapi?id=${s}&format=${s}`,
  (s: string) => `/viewer?manifest=${s}`,
  (s: string) => `/oai?verb=${s}`,
  (s: string) => `/oai?verb=ListRecords&resumptionToken=${s}`,
  (s: string) => `/oai?verb=ListSets&resumptionToken=${s}`,
  (s: string) => `/oai?verb=ListSets&set=${s}`,
  (s: string) => `/oai?verb=GetRecord&identifier=${s}&metadataPrefix=oai_dc`,
  (s: string) => `/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&from=${s}&until=${s}&set=${s}`,
  (s: string) => `/schemas/${s}`,
  (s: string) => `/${s}`,
];

describe.each(STORE_KINDS)('on the %s store', (kind) => {
  const touchedIds: string[] = [];
  const touchedKeys: string[] = [];
  let app: Hono;
  let opened: OpenStores;
  beforeAll(async () => {
    opened = await openStores(kind);
    const ingestDeps = { ...createIngestDeps(opened, await loadArchiveProfile(ARCHIVE_PROFILE)), clock: fixedClock() };
    const outcome = await ingestExport(
      { fileName: '110020.txt', exportBytes: await readFile(EXPORT_110020), overlayBytes: await readFile(OVERLAY_110020) },
      ingestDeps,
    );
    expect(outcome.status).toBe('created');
    app = composeLocalApp({ config: testConfig(), ...spying(opened.records, opened.blobs, touchedIds, touchedKeys), clock: fixedClock() });
  }, 120_000);
  afterAll(() => opened.close());

  async function request(path: string, init?: RequestInit): Promise<Response> {
    const res = await app.request(path, init);
    await res.arrayBuffer();
    return res;
  }

  function expectNoServerError(res: Response, path: string) {
    const allowed = path.startsWith('/iiif/image/') && res.status === 501;
    expect(res.status >= 500 && !allowed, `${res.status} for ${path.slice(0, 200)}`).toBe(false);
  }

  describe('hostile requests', () => {
    it('never answer 5xx on any route', async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: routes.length - 1 }), nasty, async (route, segment) => {
          const path = (routes[route] ?? routes[0])?.(segment) ?? '/';
          expectNoServerError(await request(path), path);
        }),
        { numRuns: 600 },
      );
    }, 120_000);

    it('never answer 5xx to any Accept header', async () => {
      const accept = fc.oneof(
        fc.string({ maxLength: 200 }).filter((s) => !/[\r\n\0]/.test(s)),
        fc.constantFrom('*/*;q=abc', 'text/x-bibliography; style=../../etc/passwd', 'application/json;q=0', ',,,;;;', 'text/html;q=1.5', 'a/b;'.repeat(500)),
      );
      await fc.assert(
        fc.asyncProperty(accept, async (value) => {
          expectNoServerError(await request('/records/110020', { headers: { Accept: value } }), `/records/110020 Accept: ${value}`);
        }),
        { numRuns: 300 },
      );
    }, 60_000);

    it('never answer 5xx to random OAI-PMH arguments, GET or POST', async () => {
      const arg = fc.tuple(
        fc.constantFrom('verb', 'metadataPrefix', 'identifier', 'from', 'until', 'set', 'resumptionToken', 'junk'),
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.constantFrom('Identify', 'ListRecords', 'GetRecord', 'oai_dc', 'mods', 'marc21', '2026-11-26', '1951-01-27T00:00:00Z'),
        ),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(arg, { maxLength: 6 }), fc.boolean(), async (args, post) => {
          const query = new URLSearchParams(args).toString();
          const res = post
            ? await request('/oai', { method: 'POST', body: query, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
            : await request(`/oai?${query}`);
          expectNoServerError(res, `/oai?${query}`);
        }),
        { numRuns: 300 },
      );
    }, 60_000);

    it('refuses an oversized body without a 5xx', async () => {
      const body = `verb=Identify&x=${'a'.repeat(2 * 1024 * 1024)}`;
      const res = await request('/oai', { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      expectNoServerError(res, 'POST /oai (2 MiB)');
    });

    it('only ever read record keys and object keys the service owns', () => {
      expect(touchedIds.length).toBeGreaterThan(0);
      for (const id of touchedIds) expect(id).toMatch(RECORD_ID_PATTERN);
      for (const key of touchedKeys) expect(key).toMatch(SAFE_OBJECT_KEY);
    });
  });
});

describe('hostile exports', () => {
  it('the ingest never throws on random text or bytes, and stores nothing it rejects', async () => {
    const profile = await loadArchiveProfile(ARCHIVE_PROFILE);
    const lines = fc.array(
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('###', 'Document Information', 'Source', 'Rights', 'Record ID', 'Language', 'Type', '', 'n.d.', '1951'),
      ),
      { maxLength: 40 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          lines.map((l) => new TextEncoder().encode(l.join('\n'))),
          fc.uint8Array({ maxLength: 400 }),
        ),
        async (bytes) => {
          const records = new MemoryRecordStore();
          const blobs = new MemoryBlobStore();
          const outcome = await ingestExport({ fileName: 'fuzz.txt', exportBytes: bytes }, { records, blobs, clock: fixedClock(), profile });
          if (outcome.status === 'rejected') {
            expect(records.entries.size).toBe(0);
            expect(blobs.objects.size).toBe(0);
            expect(outcome.problems.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});
