/**
 * The stores a suite runs on: the in-memory fake (fast) and the real local stack (DynamoDB and S3
 * through the SDK, on dynalite and s3rver). Suites whose behaviour touches storage run on both
 * with `describe.each(STORE_KINDS)`; the contract suites (test/contract/) show the two agree.
 */
import type { BlobStore, RecordStore } from '../../functions/core/ports.ts';
import { emulatedStores } from './local-stack.ts';
import { MemoryBlobStore, MemoryRecordStore } from './memory-stores.ts';

export type StoreKind = 'memory' | 'dynalite';
export const STORE_KINDS: readonly StoreKind[] = ['memory', 'dynalite'];

export interface OpenStores {
  records: RecordStore;
  blobs: BlobStore;
  close(): Promise<void>;
}

export async function openStores(kind: StoreKind): Promise<OpenStores> {
  if (kind === 'memory') return { records: new MemoryRecordStore(), blobs: new MemoryBlobStore(), close: async () => {} };
  const stack = await emulatedStores();
  return { records: stack.records, blobs: stack.blobs, close: () => stack.close() };
}

/** A store that counts the listing calls made through it, to show what a page costs. */
export function countingListings(inner: RecordStore): RecordStore & { calls: number } {
  const counted = {
    calls: 0,
    get: (id: string) => inner.get(id),
    put: (...args: Parameters<RecordStore['put']>) => inner.put(...args),
    delete: (...args: Parameters<RecordStore['delete']>) => inner.delete(...args),
    sizeProblem: (...args: Parameters<RecordStore['sizeProblem']>) => inner.sizeProblem(...args),
    earliestDatestamp: () => inner.earliestDatestamp(),
    listChanges(query: Parameters<RecordStore['listChanges']>[0]) {
      counted.calls++;
      return inner.listChanges(query);
    },
    listSets(query: Parameters<RecordStore['listSets']>[0]) {
      counted.calls++;
      return inner.listSets(query);
    },
  };
  return counted;
}
