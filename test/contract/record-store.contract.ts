/**
 * The contract of the RecordStore port: one set of cases that every implementation runs
 * (record-store.test.ts), so the in-memory store used by fast tests keeps and refuses exactly
 * what DynamoDB does. A new implementation of the port joins that file's list.
 */
import { describe, expect, it } from 'vitest';
import { itemSize, MAX_ITEM_BYTES, storedItem } from '../../functions/adapters/record-item.ts';
import { EntryTooLargeError, InvalidCursorError, InvalidQueryError, VersionConflictError } from '../../functions/core/errors.ts';
import type { RecordStore, StoredEntry } from '../../functions/core/ports.ts';
import { INLINE_TEXT_MAX_BYTES, MAX_TEXT_BYTES } from '../../functions/core/records/stored-entry.ts';
import type { ArchivalRecord } from '../../schemas/record.ts';
import { record110020 } from '../support/fixtures.ts';

export interface StoreUnderTest {
  records: RecordStore;
  close(): Promise<void>;
}

const base = await record110020();
const at = (id: string, datestamp: string, version = 1): ArchivalRecord => ({ ...base, id, datestamp, version });
const ids = (entries: StoredEntry[]) => entries.map((entry) => entry.id);

/** Every entry of a listing, walking its cursors to the end; also the size of each page. */
async function walk(list: (after: string | undefined) => Promise<{ items: { id?: string; spec?: string }[]; next?: string }>) {
  const seen: string[] = [];
  const pageSizes: number[] = [];
  const shortPagesWithNext: number[] = [];
  let after: string | undefined;
  for (let calls = 0; calls < 1_000; calls++) {
    const page = await list(after);
    seen.push(...page.items.map((item) => item.id ?? item.spec ?? ''));
    pageSizes.push(page.items.length);
    if (page.next === undefined) return { seen, pageSizes, shortPagesWithNext };
    shortPagesWithNext.push(page.items.length);
    after = page.next;
  }
  throw new Error('the listing never ended');
}

/** A record whose item is exactly `size` bytes in DynamoDB's arithmetic (ASCII padding in its summary). */
export function recordOfItemSize(id: string, size: number): ArchivalRecord {
  const record = { ...at(id, '2040-01-01T00:00:00Z'), summary: 'x' };
  const padding = size - itemSize(storedItem(record).item);
  if (padding < 0) throw new Error(`a record cannot be as small as ${size} bytes`);
  return { ...record, summary: 'x'.repeat(1 + padding) };
}

export function recordStoreContract(name: string, open: () => Promise<StoreUnderTest>) {
  describe(`RecordStore contract: ${name}`, () => {
    /** Each case gets a store of its own: nothing one case stores is seen by another. */
    async function withStore(body: (records: RecordStore) => Promise<void>) {
      const store = await open();
      try {
        await body(store.records);
      } finally {
        await store.close();
      }
    }

    it('gives undefined for an id never stored, and for anything that cannot be a record id', () =>
      withStore(async (records) => {
        for (const id of ['never-stored', '', 'x'.repeat(5_000), '../110020', 'a#b', 'record#110020', '١١٠٠٢٠', ' 110020'])
          expect(await records.get(id)).toBeUndefined();
      }));

    it('reads back what it stored, equal to the record', () =>
      withStore(async (records) => {
        await records.put(at('rt-1', '2026-01-01T00:00:00Z'), undefined);
        expect(await records.get('rt-1')).toEqual(at('rt-1', '2026-01-01T00:00:00Z'));
      }));

    it('does not keep properties the record schema does not know, at any depth', () =>
      withStore(async (records) => {
        const record = at('extra-1', '2026-01-01T00:00:00Z');
        const withExtras = { ...record, injected: '<script>', rights: { ...record.rights, extra: 1 } } as ArchivalRecord;
        await records.put(withExtras, undefined);
        expect(await records.get('extra-1')).toEqual(record);
      }));

    it('refuses a second create, a stale version, and lets one of two racing writers win', () =>
      withStore(async (records) => {
        await records.put(at('cf-1', '2026-01-01T00:00:00Z'), undefined);
        await expect(records.put(at('cf-1', '2026-01-01T00:00:01Z'), undefined)).rejects.toBeInstanceOf(VersionConflictError);
        await expect(records.put(at('cf-1', '2026-01-01T00:00:01Z', 3), 2)).rejects.toBeInstanceOf(VersionConflictError);
        const results = await Promise.allSettled([
          records.put({ ...at('cf-1', '2026-01-02T00:00:00Z', 2), title: 'writer A' }, 1),
          records.put({ ...at('cf-1', '2026-01-02T00:00:00Z', 2), title: 'writer B' }, 1),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const lost = results.find((r) => r.status === 'rejected');
        expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(VersionConflictError);
        expect((await records.get('cf-1'))?.version).toBe(2);
      }));

    it('replaces a record by its tombstone, which the harvest and its sets still list', () =>
      withStore(async (records) => {
        await records.put(at('del-1', '2026-02-01T00:00:00Z'), undefined);
        const tombstone = { id: 'del-1', deleted: true as const, version: 2, datestamp: '2026-02-02T00:00:00Z', sets: ['type:telegram', 'repository:APRF'] };
        await expect(records.delete({ ...tombstone, version: 3 }, 2)).rejects.toBeInstanceOf(VersionConflictError);
        await records.delete(tombstone, 1);
        expect(await records.get('del-1')).toEqual(tombstone);
        for (const set of [undefined, 'type:telegram', 'repository:APRF'])
          expect(ids((await records.listChanges({ limit: 10, ...(set ? { set } : {}) })).items)).toEqual(['del-1']);
      }));

    it('keeps a text longer than an item holds, and reads it back whole', () =>
      withStore(async (records) => {
        const translation = 'Товарищу Сталину. '.repeat(Math.ceil((1024 * 1024) / 30));
        const record = {
          ...at('long-1', '2026-03-01T00:00:00Z'),
          texts: [{ ...base.texts[0], kind: 'translation' as const, language: 'en', text: translation }],
        };
        expect(new TextEncoder().encode(translation).byteLength).toBeGreaterThan(MAX_ITEM_BYTES);
        expect(records.sizeProblem(record)).toBeUndefined();
        await records.put(record, undefined);
        expect(await records.get('long-1')).toEqual(record);
        expect(ids((await records.listChanges({ limit: 5 })).items)).toEqual(['long-1']);
        // Just over the inline limit, and just under it.
        for (const [id, length] of [
          ['edge-1', INLINE_TEXT_MAX_BYTES + 1],
          ['edge-2', INLINE_TEXT_MAX_BYTES],
        ] as const) {
          const edge = { ...at(id, '2026-03-02T00:00:00Z'), texts: [{ kind: 'translation' as const, language: 'en', text: 'a'.repeat(length) }] };
          await records.put(edge, undefined);
          expect(await records.get(id)).toEqual(edge);
        }
      }));

    it('refuses, writing nothing, a text over the documented limit and an item over 400 KB', () =>
      withStore(async (records) => {
        const tooLongText = {
          ...at('big-1', '2026-04-01T00:00:00Z'),
          texts: [{ kind: 'translation' as const, language: 'en', text: 'a'.repeat(MAX_TEXT_BYTES + 1) }],
        };
        expect(records.sizeProblem(tooLongText)).toMatch(/at most/);
        await expect(records.put(tooLongText, undefined)).rejects.toBeInstanceOf(EntryTooLargeError);
        const tooLargeItem = recordOfItemSize('big-2', MAX_ITEM_BYTES + 1);
        expect(records.sizeProblem(tooLargeItem)).toMatch(/at most/);
        await expect(records.put(tooLargeItem, undefined)).rejects.toBeInstanceOf(EntryTooLargeError);
        for (const id of ['big-1', 'big-2']) expect(await records.get(id)).toBeUndefined();
        expect((await records.listChanges({ limit: 5 })).items).toEqual([]);
        const largest = recordOfItemSize('big-3', MAX_ITEM_BYTES);
        expect(records.sizeProblem(largest)).toBeUndefined();
        await records.put(largest, undefined);
        expect(await records.get('big-3')).toEqual(largest);
      }));

    it('lists changes in (datestamp, id) order, page by page, each entry once', () =>
      withStore(async (records) => {
        const stamps = ['2030-01-03T00:00:00Z', '2030-01-01T00:00:00Z', '2030-01-02T00:00:00Z', '2030-01-02T00:00:00Z', '2030-01-05T00:00:00Z'];
        for (const [i, stamp] of stamps.entries()) await records.put(at(`pg-${i}`, stamp), undefined);
        const { seen, pageSizes } = await walk((after) => records.listChanges({ limit: 2, ...(after ? { after } : {}) }));
        expect(seen).toEqual(['pg-1', 'pg-2', 'pg-3', 'pg-0', 'pg-4']);
        expect(pageSizes.every((n) => n <= 2)).toBe(true);
        expect(ids((await records.listChanges({ limit: 10, from: '2030-01-02T00:00:00Z', until: '2030-01-03T00:00:00Z' })).items)).toEqual([
          'pg-2',
          'pg-3',
          'pg-0',
        ]);
        expect(await records.earliestDatestamp()).toBe('2030-01-01T00:00:00Z');
      }));

    it('lists changes newest first, page by page from a cursor towards older entries, each once, within from and until', () =>
      withStore(async (records) => {
        const stamps = ['2030-01-03T00:00:00Z', '2030-01-01T00:00:00Z', '2030-01-02T00:00:00Z', '2030-01-02T00:00:00Z', '2030-01-05T00:00:00Z'];
        for (const [i, stamp] of stamps.entries()) await records.put(at(`nf-${i}`, stamp), undefined);
        const { seen, pageSizes } = await walk((after) => records.listChanges({ limit: 2, order: 'newest-first', ...(after ? { after } : {}) }));
        expect(seen).toEqual(['nf-4', 'nf-0', 'nf-3', 'nf-2', 'nf-1']);
        expect(pageSizes.every((n) => n <= 2)).toBe(true);
        const older = await records.listChanges({ limit: 10, order: 'newest-first', after: '2030-01-03T00:00:00Z#nf-0' });
        expect(ids(older.items)).toEqual(['nf-3', 'nf-2', 'nf-1']);
        const bounded = await records.listChanges({ limit: 10, order: 'newest-first', from: '2030-01-02T00:00:00Z', until: '2030-01-03T00:00:00Z' });
        expect(ids(bounded.items)).toEqual(['nf-0', 'nf-3', 'nf-2']);
      }));

    it('answers the extremes of from and until, and from after until, with what they select', () =>
      withStore(async (records) => {
        await records.put(at('ex-1', '2026-05-01T00:00:00Z'), undefined);
        const count = async (query: { from?: string; until?: string }) => (await records.listChanges({ limit: 10, ...query })).items.length;
        expect(await count({ from: '0000-01-01T00:00:00Z' })).toBe(1);
        expect(await count({ until: '9999-12-31T23:59:59Z' })).toBe(1);
        expect(await count({ from: '0000-01-01T00:00:00Z', until: '9999-12-31T23:59:59Z' })).toBe(1);
        expect(await count({ from: '9999-01-01T00:00:00Z' })).toBe(0);
        expect(await count({ from: '9999-12-31T23:59:59Z' })).toBe(0);
        expect(await count({ until: '0000-01-01T00:00:00Z' })).toBe(0);
        expect(await count({ from: '2026-06-01T00:00:00Z', until: '2026-04-01T00:00:00Z' })).toBe(0);
        expect(await count({ from: '2026-05-01T00:00:00Z', until: '2026-05-01T00:00:00Z' })).toBe(1);
        for (const bad of ['9999', '2026-05-01', 'z', '', '2026-05-01T00:00:00.000Z'])
          await expect(records.listChanges({ limit: 1, from: bad })).rejects.toBeInstanceOf(InvalidQueryError);
      }));

    it('refuses every cursor the query could not have issued, and follows every one it could', () =>
      withStore(async (records) => {
        for (let i = 0; i < 4; i++) await records.put(at(`cur-${i}`, `2031-01-0${i + 1}T00:00:00Z`), undefined);
        const first = await records.listChanges({ limit: 2 });
        expect(first.next).toBeDefined();
        expect(ids((await records.listChanges({ limit: 2, after: first.next })).items)).toEqual(['cur-2', 'cur-3']);
        // A cursor of another list (a set's) is a position in the same order: it is followed.
        expect(ids((await records.listChanges({ limit: 5, set: 'type:telegram', after: first.next })).items)).toEqual(['cur-2', 'cur-3']);
        // A cursor past the end, inside the range, gives an empty last page.
        expect(await records.listChanges({ limit: 5, after: '2031-12-31T00:00:00Z#zzz' })).toEqual({ items: [] });
        const forged = [
          '',
          'z',
          'zzz',
          '9999-12-31T23:59:59Z#x y',
          'record#../../x',
          '2031-01-01T00:00:00Z#',
          '2031-01-01T00:00:00Z',
          '#cur-1',
          'x'.repeat(600),
        ];
        for (const after of forged) await expect(records.listChanges({ limit: 2, after }), after).rejects.toBeInstanceOf(InvalidCursorError);
        // Outside the query's own range, before `from` or after `until`.
        await expect(records.listChanges({ limit: 2, from: '2031-01-03T00:00:00Z', after: first.next })).rejects.toBeInstanceOf(InvalidCursorError);
        await expect(records.listChanges({ limit: 2, until: '2031-01-01T00:00:00Z', after: '2031-01-02T00:00:00Z#cur-1' })).rejects.toBeInstanceOf(
          InvalidCursorError,
        );
        await expect(records.listChanges({ limit: 2, after: '9999-12-31T23:59:59Z#x' })).resolves.toEqual({ items: [] });
      }));

    it('lists the sets of the records it holds, with and without a prefix, paged to the end', () =>
      withStore(async (records) => {
        await records.put(at('set-1', '2032-01-01T00:00:00Z'), undefined);
        const aprf = ['repository:APRF', 'repository:APRF:fond:45', 'repository:APRF:fond:45:opis:1', 'repository:APRF:fond:45:opis:1:delo:337'];
        const all = await walk((after) => records.listSets({ limit: 2, ...(after ? { after } : {}) }));
        expect(all.seen).toEqual([...aprf, 'type:telegram']);
        const prefixed = await walk((after) => records.listSets({ prefix: 'repository:APRF:', limit: 1, ...(after ? { after } : {}) }));
        expect(prefixed.seen).toEqual(aprf.slice(1));
        expect((await records.listSets({ prefix: 'repository:APRF', limit: 1 })).items[0]?.name).toBe('Archive of the President of the Russian Federation');
        expect((await records.listSets({ prefix: 'repository:RGANI', limit: 5 })).items).toEqual([]);
        for (const set of aprf) expect(ids((await records.listChanges({ set, limit: 5 })).items)).toEqual(['set-1']);
        expect((await records.listChanges({ set: 'repository:RGANI', limit: 5 })).items).toEqual([]);
        expect((await records.listChanges({ set: 'not a set', limit: 5 })).items).toEqual([]);
      }));

    it('refuses a set cursor outside its prefix or of the wrong shape, and follows one inside', () =>
      withStore(async (records) => {
        await records.put(at('set-2', '2032-01-01T00:00:00Z'), undefined);
        for (const after of ['', 'a b', 'x'.repeat(600), 'é'])
          await expect(records.listSets({ limit: 2, after }), after).rejects.toBeInstanceOf(InvalidCursorError);
        for (const after of ['repository:ZZZ', 'type:telegram', 'repository:APRE'])
          await expect(records.listSets({ prefix: 'repository:APRF:', limit: 2, after }), after).rejects.toBeInstanceOf(InvalidCursorError);
        expect((await records.listSets({ prefix: 'repository:APRF:', limit: 5, after: 'repository:APRF:fond:ZZZ' })).items).toEqual([]);
        expect((await records.listSets({ limit: 5, after: 'repository:ZZZ' })).items.map((s) => s.spec)).toEqual(['type:telegram']);
      }));

    it('stops a page after 1 MB of entries, short of its limit, and still lists every entry once', () =>
      withStore(async (records) => {
        // Items of about 300 KB: a query's 1 MB holds three or four of them.
        for (let i = 0; i < 9; i++) await records.put(recordOfItemSize(`mb-${i}`, 300 * 1024), undefined);
        const { seen, shortPagesWithNext } = await walk((after) => records.listChanges({ limit: 100, ...(after ? { after } : {}) }));
        expect(new Set(seen).size).toBe(9);
        expect(seen).toHaveLength(9);
        expect(shortPagesWithNext.length).toBeGreaterThan(0);
        expect(shortPagesWithNext.every((n) => n < 100)).toBe(true);
      }));

    it('refuses a page size it cannot serve', () =>
      withStore(async (records) => {
        for (const limit of [0, -1, 1.5, 1_001]) await expect(records.listChanges({ limit })).rejects.toBeInstanceOf(RangeError);
        await expect(records.listSets({ limit: 0 })).rejects.toBeInstanceOf(RangeError);
      }));
  });
}
