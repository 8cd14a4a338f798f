/** In-memory implementations of the ports, for fast HTTP and use-case tests. */
import { InvalidCursorError, NotFoundError, VersionConflictError } from '../../functions/core/errors.ts';
import type { BlobStore, ChangesQuery, Page, RecordStore, SetEntry, StoredEntry } from '../../functions/core/ports.ts';
import { harvestSetsOf } from '../../functions/core/records/harvest-sets.ts';
import type { ArchivalRecord, Tombstone } from '../../schemas/record.ts';

const sortKey = (entry: StoredEntry) => `${entry.datestamp}#${entry.id}`;

export class MemoryRecordStore implements RecordStore {
  readonly entries = new Map<string, { entry: StoredEntry; sets: string[] }>();
  readonly sets = new Map<string, string>();

  async get(id: string) {
    return structuredClone(this.entries.get(id)?.entry);
  }

  async put(record: ArchivalRecord, expectedVersion: number | undefined) {
    this.checkVersion(record.id, expectedVersion);
    const sets = harvestSetsOf(record);
    for (const set of sets) this.sets.set(set.spec, set.name);
    this.entries.set(record.id, { entry: structuredClone(record), sets: sets.map((s) => s.spec) });
  }

  async delete(tombstone: Tombstone, expectedVersion: number) {
    this.checkVersion(tombstone.id, expectedVersion);
    this.entries.set(tombstone.id, { entry: structuredClone(tombstone), sets: tombstone.sets });
  }

  async listChanges(query: ChangesQuery): Promise<Page<StoredEntry>> {
    if (query.after !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z#.+$/.test(query.after)) throw new InvalidCursorError('bad cursor');
    const lo = query.from ?? '0000';
    const hi = `${query.until ?? '9999'}#\u{10FFFF}`;
    const all = [...this.entries.values()]
      .filter(({ sets }) => query.set === undefined || sets.includes(query.set))
      .map(({ entry }) => entry)
      .filter((entry) => sortKey(entry) >= lo && sortKey(entry) <= hi && (query.after === undefined || sortKey(entry) > query.after))
      .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
    const items = all.slice(0, query.limit).map((entry) => structuredClone(entry));
    const last = items[items.length - 1];
    return all.length > query.limit && last ? { items, next: sortKey(last) } : { items };
  }

  async listSets(query: { prefix?: string; after?: string; limit: number }): Promise<Page<SetEntry>> {
    const all = [...this.sets.entries()]
      .map(([spec, name]) => ({ spec, name }))
      .filter((s) => s.spec.startsWith(query.prefix ?? '') && (query.after === undefined || s.spec > query.after))
      .sort((a, b) => (a.spec < b.spec ? -1 : 1));
    const items = all.slice(0, query.limit);
    const last = items[items.length - 1];
    return all.length > query.limit && last ? { items, next: last.spec } : { items };
  }

  async earliestDatestamp() {
    return [...this.entries.values()].map(({ entry }) => entry.datestamp).sort()[0];
  }

  private checkVersion(id: string, expected: number | undefined) {
    const current = this.entries.get(id)?.entry.version;
    if (current !== expected) throw new VersionConflictError(`record ${id}: expected version ${expected}, found ${current}`);
  }
}

export class MemoryBlobStore implements BlobStore {
  readonly objects = new Map<string, { body: Uint8Array; contentType: string }>();

  async put(key: string, body: Uint8Array, contentType: string) {
    this.objects.set(key, { body: new Uint8Array(body), contentType });
  }

  async get(key: string) {
    const object = this.objects.get(key);
    if (!object) throw new NotFoundError(`no object ${key}`);
    return new Uint8Array(object.body);
  }

  async getStream(key: string, range?: { start: number; end: number }) {
    const bytes = await this.get(key);
    const slice = range ? bytes.slice(range.start, range.end + 1) : bytes;
    return { body: new Blob([slice]).stream(), size: slice.byteLength };
  }

  async exists(key: string) {
    return this.objects.has(key);
  }
}
