/** Shared test fixtures: the real 110020 export, ingested into in-memory stores with a fixed clock. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadArchiveProfile } from '../../functions/adapters/ingest-files.ts';
import { createApp } from '../../functions/api/app.ts';
import type { AppDeps } from '../../functions/api/app-env.ts';
import { type IngestDeps, ingestExport, type LeafImageDeriver } from '../../functions/core/ingest/ingest-export.ts';
import type { BlobStore, Clock, RecordStore } from '../../functions/core/ports.ts';
import { loadConfig } from '../../schemas/config.ts';
import type { ArchivalRecord } from '../../schemas/record.ts';
import { MemoryBlobStore, MemoryRecordStore } from './memory-stores.ts';

export const repoPath = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

export const EXPORT_110020 = repoPath('data/records/110020.txt');
export const OVERLAY_110020 = repoPath('data/records/110020.json');
export const ARCHIVE_PROFILE = repoPath('data/archive.json');
export const TEST_BASE_URL = 'https://archive.example.org';

export const fixedClock = (iso = '2026-11-26T12:00:00.000Z'): Clock => ({ now: () => new Date(iso) });

export const testConfig = (overrides: { [name: string]: string } = {}) => loadConfig({ PUBLIC_BASE_URL: TEST_BASE_URL, ...overrides });

/** Ingests record 110020 (and an optional image deriver's output) into the given stores. */
export async function ingest110020<S extends { records: RecordStore; blobs: BlobStore }>(
  stores: S,
  options: { clock?: Clock; images?: LeafImageDeriver } = {},
) {
  const { records, blobs } = stores;
  const deps: IngestDeps = { records, blobs, clock: options.clock ?? fixedClock(), profile: await loadArchiveProfile(ARCHIVE_PROFILE) };
  if (options.images) deps.images = options.images;
  const outcome = await ingestExport(
    { fileName: '110020.txt', exportBytes: await readFile(EXPORT_110020), overlayBytes: await readFile(OVERLAY_110020) },
    deps,
  );
  if (outcome.status === 'rejected') throw new Error(`fixture 110020 rejected: ${JSON.stringify(outcome.problems)}`);
  return { ...stores, ingestDeps: deps };
}

/** In-memory stores holding record 110020 (and an optional image deriver's output). */
export const seededStores = (options: { clock?: Clock; images?: LeafImageDeriver } = {}) =>
  ingest110020({ records: new MemoryRecordStore(), blobs: new MemoryBlobStore() }, options);

/** Record 110020 as the service stores it. */
export async function record110020(): Promise<ArchivalRecord> {
  const { records } = await seededStores();
  const entry = await records.get('110020');
  if (!entry || 'deleted' in entry) throw new Error('fixture 110020 missing');
  return entry;
}

/** The app over in-memory stores seeded with 110020. */
export async function testApp(overrides: Partial<AppDeps> = {}) {
  const stores = await seededStores();
  const deps: AppDeps = { config: testConfig(), records: stores.records, clock: fixedClock(), ...overrides };
  return { app: createApp(deps), ...stores, deps };
}
