/**
 * In-memory implementations of the ports, for fast HTTP and use-case tests. They keep and refuse
 * exactly what the real stores do (the contract suites in test/contract/ run both): entries go
 * through the same codec and item-size arithmetic as the DynamoDB adapter, listings check their
 * queries with the same rules and stop after DynamoDB's 1 MB per call, keys follow S3's.
 */

import { entrySizeProblem, itemSize, itemSizeProblem, MAX_QUERY_READ_BYTES, storedItem } from '../../functions/adapters/record-item.ts';
import { checkedObjectKey } from '../../functions/adapters/s3-blob-store.ts';
import { EntryTooLargeError, NotFoundError, VersionConflictError } from '../../functions/core/errors.ts';
import type { BlobStore, ChangesQuery, Page, RecordStore, SetEntry, SetsQuery, StoredEntry } from '../../functions/core/ports.ts';
import { isTombstone } from '../../functions/core/ports.ts';
import { harvestSetsOf } from '../../functions/core/records/harvest-sets.ts';
import { changeSortKey, changesRange, checkSetsQuery } from '../../functions/core/records/list-queries.ts';
import { decodeEntry } from '../../functions/core/records/stored-entry.ts';
import { type ArchivalRecord, RECORD_ID_PATTERN, type Tombstone } from '../../schemas/record.ts';

interface StoredItem {
  /** The entry's body, as the table holds it. */
  body: string;
  deleted: boolean;
  sortKey: string;
  sets: string[];
  /** DynamoDB's size of the item, for the 1 MB a query reads. */
  size: number;
}

export class MemoryRecordStore implements RecordStore {
  readonly entries = new Map<string, StoredItem>();
  readonly sets = new Map<string, string>();
  /** The long texts, as the bucket would hold them. */
  readonly texts = new Map<string, Uint8Array>();

  async get(id: string) {
    if (!RECORD_ID_PATTERN.test(id)) return undefined;
    const item = this.entries.get(id);
    return item && this.decode(id, item);
  }

  sizeProblem(entry: StoredEntry): string | undefined {
    return entrySizeProblem(entry);
  }

  async put(record: ArchivalRecord, expectedVersion: number | undefined) {
    const item = this.encode(record);
    this.checkVersion(record.id, expectedVersion);
    for (const set of harvestSetsOf(record)) this.sets.set(set.spec, set.name);
    this.entries.set(record.id, item);
  }

  async delete(tombstone: Tombstone, expectedVersion: number) {
    const item = this.encode(tombstone);
    this.checkVersion(tombstone.id, expectedVersion);
    this.entries.set(tombstone.id, item);
  }

  async listChanges(query: ChangesQuery): Promise<Page<StoredEntry>> {
    const range = changesRange(query);
    if (!range) return { items: [] };
    const newestFirst = query.order === 'newest-first';
    const all = [...this.entries.entries()]
      .filter(([, item]) => query.set === undefined || item.sets.includes(query.set))
      .filter(([, item]) => item.sortKey >= range.low && item.sortKey <= range.high)
      .filter(([, item]) => range.after === undefined || (newestFirst ? item.sortKey < range.after : item.sortKey > range.after))
      .sort(([, a], [, b]) => (a.sortKey < b.sortKey !== newestFirst ? -1 : 1));
    const read = readLikeAQuery(all, query.limit, ([, item]) => item.size);
    const items = await Promise.all(read.items.map(([id, item]) => this.decode(id, item)));
    const last = read.items[read.items.length - 1];
    return read.more && last ? { items, next: last[1].sortKey } : { items };
  }

  async listSets(query: SetsQuery): Promise<Page<SetEntry>> {
    checkSetsQuery(query);
    const all = [...this.sets.entries()]
      .map(([spec, name]) => ({ spec, name }))
      .filter((s) => s.spec.startsWith(query.prefix ?? '') && (query.after === undefined || s.spec > query.after))
      .sort((a, b) => (a.spec < b.spec ? -1 : 1));
    const read = readLikeAQuery(all, query.limit, (set) => set.spec.length * 2 + set.name.length + 40);
    const last = read.items[read.items.length - 1];
    return read.more && last ? { items: read.items, next: last.spec } : { items: read.items };
  }

  async earliestDatestamp() {
    return [...this.entries.values()].map((item) => item.sortKey.split('#')[0]).sort()[0];
  }

  private encode(entry: StoredEntry): StoredItem {
    const { item, external } = storedItem(entry);
    const problem = itemSizeProblem(entry, item);
    if (problem) throw new EntryTooLargeError(problem);
    for (const text of external) this.texts.set(text.key, new Uint8Array(text.bytes));
    const sets = isTombstone(entry) ? entry.sets : harvestSetsOf(entry).map((set) => set.spec);
    return { body: item.body?.S ?? '', deleted: isTombstone(entry), sortKey: changeSortKey(entry.datestamp, entry.id), sets, size: itemSize(item) };
  }

  private decode(id: string, item: StoredItem): Promise<StoredEntry> {
    return decodeEntry(item.body, item.deleted, `item record#${id}`, async (key) => {
      const bytes = this.texts.get(key);
      if (!bytes) throw new NotFoundError(`no object ${key}`);
      return new Uint8Array(bytes);
    });
  }

  private checkVersion(id: string, expected: number | undefined) {
    const current = this.entries.get(id);
    const version = current && (JSON.parse(current.body) as { version: number }).version;
    if (version !== expected) throw new VersionConflictError(`record ${id}: expected version ${expected}, found ${version}`);
  }
}

/**
 * The items one DynamoDB Query call returns when asked for `limit + 1`: it reads until it holds
 * the extra item (which says more follow) or has read 1 MB, and then says more may follow even
 * when none does.
 */
function readLikeAQuery<T>(all: T[], limit: number, sizeOf: (item: T) => number): { items: T[]; more: boolean } {
  let read = 0;
  let count = 0;
  while (count < all.length && count < limit + 1 && read < MAX_QUERY_READ_BYTES) read += sizeOf(all[count++] as T);
  const stopped = count === limit + 1 || read >= MAX_QUERY_READ_BYTES;
  return { items: all.slice(0, Math.min(count, limit)), more: stopped };
}

export class MemoryBlobStore implements BlobStore {
  readonly objects = new Map<string, { body: Uint8Array; contentType: string }>();

  async put(key: string, body: Uint8Array, contentType: string) {
    this.objects.set(checkedObjectKey(key), { body: new Uint8Array(body), contentType });
  }

  async get(key: string) {
    const object = this.objects.get(checkedObjectKey(key));
    if (!object) throw new NotFoundError(`no object ${key}`);
    return new Uint8Array(object.body);
  }

  async getStream(key: string, range?: { start: number; end: number }) {
    const bytes = await this.get(key);
    const slice = range ? bytes.slice(range.start, range.end + 1) : bytes;
    return { body: new Blob([slice]).stream(), size: slice.byteLength };
  }

  async exists(key: string) {
    return this.objects.has(checkedObjectKey(key));
  }
}
