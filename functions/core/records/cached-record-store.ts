/**
 * A RecordStore decorator that keeps recently read entries in memory for a short time, so a warm
 * Lambda answers repeated requests without a DynamoDB round trip. Bounded in entries and age;
 * writes through this store invalidate their entry at once.
 */
import type { ArchivalRecord, Tombstone } from '../../../schemas/record.ts';
import { WeightedLru } from '../cache/weighted-lru.ts';
import { type ChangesQuery, type Clock, isTombstone, type RecordStore, type SetsQuery, type StoredEntry } from '../ports.ts';
import { INLINE_TEXT_MAX_BYTES } from './stored-entry.ts';

export interface CacheOptions {
  maxEntries: number;
  ttlMs: number;
}

export const DEFAULT_CACHE: CacheOptions = { maxEntries: 500, ttlMs: 30_000 };

const textLength = (entry: StoredEntry | undefined) => (entry && !isTombstone(entry) ? entry.texts.reduce((sum, text) => sum + text.text.length, 0) : 0);

export class CachedRecordStore implements RecordStore {
  private readonly entries: WeightedLru<{ value: StoredEntry | undefined; expires: number }>;
  private readonly pending = new Map<string, Promise<StoredEntry | undefined>>();
  /** Writes made through this store so far. */
  private writes = 0;

  constructor(
    private readonly inner: RecordStore,
    private readonly clock: Clock,
    private readonly options: CacheOptions = DEFAULT_CACHE,
  ) {
    // A record with long texts weighs one entry per 64 KiB of them, so the cache stays small in bytes too.
    this.entries = new WeightedLru(options.maxEntries, ({ value }) => 1 + Math.floor(textLength(value) / INLINE_TEXT_MAX_BYTES));
  }

  async get(id: string): Promise<StoredEntry | undefined> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(id);
    if (hit && hit.expires > now) return hit.value;
    // Concurrent misses for one id share a single read (no stampede when an entry expires).
    let pending = this.pending.get(id);
    if (!pending) {
      pending = this.inner.get(id).finally(() => this.pending.delete(id));
      this.pending.set(id, pending);
    }
    const writesBefore = this.writes;
    const value = await pending;
    // A read that overlapped a write through this store may hold the old version: do not keep it.
    if (this.writes === writesBefore) this.entries.set(id, { value, expires: now + this.options.ttlMs });
    return value;
  }

  async put(record: ArchivalRecord, expectedVersion: number | undefined): Promise<void> {
    this.writes++;
    this.pending.delete(record.id);
    this.entries.delete(record.id);
    await this.inner.put(record, expectedVersion);
    this.entries.delete(record.id);
  }

  async delete(tombstone: Tombstone, expectedVersion: number): Promise<void> {
    this.writes++;
    this.pending.delete(tombstone.id);
    this.entries.delete(tombstone.id);
    await this.inner.delete(tombstone, expectedVersion);
    this.entries.delete(tombstone.id);
  }

  sizeProblem(entry: StoredEntry) {
    return this.inner.sizeProblem(entry);
  }

  listChanges(query: ChangesQuery) {
    return this.inner.listChanges(query);
  }

  listSets(query: SetsQuery) {
    return this.inner.listSets(query);
  }

  earliestDatestamp() {
    return this.inner.earliestDatestamp();
  }

  /** Number of cached entries (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }
}
