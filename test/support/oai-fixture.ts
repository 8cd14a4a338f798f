/** An app over a store (in memory, or DynamoDB on dynalite) holding record 110020, generated records and tombstones. */
import { createApp } from '../../functions/api/app.ts';
import type { AppDeps } from '../../functions/api/app-env.ts';
import type { RecordStore } from '../../functions/core/ports.ts';
import { harvestSetsOf } from '../../functions/core/records/harvest-sets.ts';
import type { ArchivalRecord } from '../../schemas/record.ts';
import { fixedClock, ingest110020, testConfig } from './fixtures.ts';
import { generateRecords } from './generate-records.ts';
import { openStores, type StoreKind } from './store-kinds.ts';

export const REPOSITORY_ID = 'archive.example.org';
export const oaiId = (id: string) => `oai:${REPOSITORY_ID}:${id}`;
/** Generated records' datestamps start here, before 110020's (2026-11-26T12:00:00Z). */
export const GENERATED_START = '2020-01-01T00:00:00Z';
export const DELETION_DATESTAMP = '2026-11-27T08:00:00Z';

/** Replaces a stored record by its tombstone at `datestamp`. */
export async function withdraw(records: RecordStore, record: ArchivalRecord, datestamp = DELETION_DATESTAMP) {
  await records.delete(
    { id: record.id, deleted: true, version: record.version + 1, datestamp, sets: harvestSetsOf(record).map((s) => s.spec) },
    record.version,
  );
}

export interface OaiFixture {
  app: ReturnType<typeof createApp>;
  records: RecordStore;
  generated: ArchivalRecord[];
  /** Ids of the generated records that were withdrawn. */
  withdrawn: string[];
  close(): Promise<void>;
}

/** 110020 plus `count` generated records, of which every `withdrawEvery`-th is withdrawn. */
export async function oaiFixture(options: { count?: number; withdrawEvery?: number; textLength?: number; store?: StoreKind } = {}): Promise<OaiFixture> {
  const stores = await openStores(options.store ?? 'memory');
  const { records } = stores;
  await ingest110020(stores);
  const generated = generateRecords({ count: options.count ?? 0, start: GENERATED_START, textLength: options.textLength ?? 200 });
  for (const record of generated) await records.put(record, undefined);
  const withdrawn: string[] = [];
  if (options.withdrawEvery) {
    for (const [i, record] of generated.entries()) {
      if (i % options.withdrawEvery !== options.withdrawEvery - 1) continue;
      await withdraw(records, record);
      withdrawn.push(record.id);
    }
  }
  const deps: AppDeps = { config: testConfig(), records, clock: fixedClock() };
  return { app: createApp(deps), records, generated, withdrawn, close: stores.close };
}
