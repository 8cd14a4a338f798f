/**
 * The ports the domain needs from the outside world. Adapters (functions/adapters)
 * implement them over DynamoDB and S3; tests may implement them in memory.
 */
import type { ArchivalRecord, Tombstone } from '../../schemas/record.ts';

export type StoredEntry = ArchivalRecord | Tombstone;

export const isTombstone = (entry: StoredEntry): entry is Tombstone => 'deleted' in entry && entry.deleted === true;

/** A harvestable set, registered when the first record in it is stored. */
export interface SetEntry {
  spec: string;
  name: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque keyset cursor for the next page; absent on the last page. */
  next?: string;
}

export interface ChangesQuery {
  /** A set spec to harvest selectively; omitted for the whole archive. */
  set?: string;
  /** Inclusive bounds on the datestamp (ISO 8601 UTC, to the second). */
  from?: string;
  until?: string;
  /** Cursor from a previous page: the list goes on after it, in the list's order. */
  after?: string;
  /** `newest-first` lists from the latest datestamp back (a cursor then continues towards older entries); `oldest-first` when omitted. */
  order?: ChangesOrder;
  limit: number;
}

export type ChangesOrder = 'oldest-first' | 'newest-first';

export interface SetsQuery {
  /** Only sets whose spec starts with this. */
  prefix?: string;
  /** Cursor from a previous page. */
  after?: string;
  limit: number;
}

/**
 * The records and their tombstones. Every implementation passes the same contract suite
 * (test/contract/record-store.contract.ts): listings check their queries with
 * `core/records/list-queries.ts` and entries are encoded with `core/records/stored-entry.ts`.
 */
export interface RecordStore {
  /** The record or its tombstone; undefined when the id was never stored (or cannot be a record id). */
  get(id: string): Promise<StoredEntry | undefined>;
  /**
   * Stores a record whose `version` is one more than `expectedVersion` (undefined for a new
   * record) in one conditional write. Throws `VersionConflictError` when another writer won and
   * `EntryTooLargeError` when the record cannot be stored (see `sizeProblem`); nothing is written then.
   */
  put(record: ArchivalRecord, expectedVersion: number | undefined): Promise<void>;
  /** Replaces a stored record by its tombstone, conditionally on its version. */
  delete(tombstone: Tombstone, expectedVersion: number): Promise<void>;
  /**
   * Why this entry could not be stored (too large for the store), or undefined when it can:
   * callers check before they write anything else that belongs to the entry.
   */
  sizeProblem(entry: StoredEntry): string | undefined;
  /**
   * Records and tombstones in (datestamp, id) order, or its reverse with `order: 'newest-first'`. The cost of a page does not depend on its
   * position. A page may hold fewer than `limit` entries and still have a `next` (a store reads
   * a bounded amount per call); only a page without `next` ends the list. Throws
   * `InvalidCursorError` for a cursor this query could not have issued.
   */
  listChanges(query: ChangesQuery): Promise<Page<StoredEntry>>;
  /** Registered sets in spec order, optionally only those whose spec starts with `prefix`; pages as `listChanges`. */
  listSets(query: SetsQuery): Promise<Page<SetEntry>>;
  /** The oldest datestamp in the store, or undefined when it is empty. */
  earliestDatestamp(): Promise<string | undefined>;
}

export interface BlobStore {
  /** Writes an object; keys are content-addressed by callers, so a write never changes what a stored record points to. */
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes; throws `NotFoundError` when it does not exist. */
  get(key: string): Promise<Uint8Array>;
  /** A stream of the object's bytes (optionally a byte range), for large objects. */
  getStream(key: string, range?: { start: number; end: number }): Promise<{ body: ReadableStream<Uint8Array>; size: number }>;
  exists(key: string): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
