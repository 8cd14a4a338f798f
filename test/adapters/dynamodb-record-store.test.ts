import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorruptEntryError, InvalidCursorError, VersionConflictError } from '../../functions/core/errors.ts';
import type { ArchivalRecord } from '../../schemas/record.ts';
import { record110020 } from '../support/fixtures.ts';
import { emulatedStores } from '../support/local-stack.ts';

let stores: Awaited<ReturnType<typeof emulatedStores>>;
let base: ArchivalRecord;
beforeAll(async () => {
  stores = await emulatedStores();
  base = await record110020();
});
afterAll(() => stores.close());

const withId = (id: string, datestamp: string, version = 1): ArchivalRecord => ({ ...base, id, datestamp, version });

describe('DynamoDbRecordStore on dynalite', () => {
  it('round-trips a record through the schema', async () => {
    await stores.records.put(withId('rt-1', '2026-01-01T00:00:00Z'), undefined);
    expect(await stores.records.get('rt-1')).toEqual(withId('rt-1', '2026-01-01T00:00:00Z'));
  });

  it('answers undefined for an id never stored', async () => {
    expect(await stores.records.get('never-stored')).toBeUndefined();
  });

  it('refuses a second create of the same id', async () => {
    await stores.records.put(withId('cf-1', '2026-01-01T00:00:00Z'), undefined);
    await expect(stores.records.put(withId('cf-1', '2026-01-01T00:00:01Z'), undefined)).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('lets exactly one of two writers of the same version win', async () => {
    await stores.records.put(withId('cf-2', '2026-01-01T00:00:00Z'), undefined);
    const results = await Promise.allSettled([
      stores.records.put({ ...withId('cf-2', '2026-01-02T00:00:00Z', 2), title: 'writer A' }, 1),
      stores.records.put({ ...withId('cf-2', '2026-01-02T00:00:00Z', 2), title: 'writer B' }, 1),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(VersionConflictError);
    const stored = await stores.records.get('cf-2');
    expect(stored?.version).toBe(2);
  });

  it('replaces a deleted record by a tombstone that harvests still see', async () => {
    await stores.records.put(withId('del-1', '2026-02-01T00:00:00Z'), undefined);
    await stores.records.delete({ id: 'del-1', deleted: true, version: 2, datestamp: '2026-02-02T00:00:00Z', sets: ['type:telegram'] }, 1);
    expect(await stores.records.get('del-1')).toEqual({ id: 'del-1', deleted: true, version: 2, datestamp: '2026-02-02T00:00:00Z', sets: ['type:telegram'] });
    const page = await stores.records.listChanges({ set: 'type:telegram', from: '2026-02-02T00:00:00Z', until: '2026-02-02T00:00:00Z', limit: 10 });
    expect(page.items.map((e) => e.id)).toEqual(['del-1']);
  });

  it('pages changes in datestamp order with a keyset cursor and no final empty page', async () => {
    for (let i = 0; i < 7; i++) await stores.records.put(withId(`pg-${i}`, `2030-01-0${i + 1}T00:00:00Z`), undefined);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await stores.records.listChanges({ from: '2030-01-01T00:00:00Z', limit: 3, ...(after ? { after } : {}) });
      seen.push(...page.items.map((e) => e.id));
      after = page.next;
      pages++;
    } while (after);
    expect(seen).toEqual(['pg-0', 'pg-1', 'pg-2', 'pg-3', 'pg-4', 'pg-5', 'pg-6']);
    expect(pages).toBe(3);
  });

  it('selects by set at each level of the archival hierarchy', async () => {
    await stores.records.put(withId('set-1', '2031-01-01T00:00:00Z'), undefined);
    for (const set of [
      'repository:APRF',
      'repository:APRF:fond:45',
      'repository:APRF:fond:45:opis:1',
      'repository:APRF:fond:45:opis:1:delo:337',
      'type:telegram',
    ]) {
      const page = await stores.records.listChanges({ set, from: '2031-01-01T00:00:00Z', limit: 5 });
      expect(page.items.map((e) => e.id)).toEqual(['set-1']);
    }
    expect((await stores.records.listChanges({ set: 'repository:RGANI', limit: 5 })).items).toEqual([]);
  });

  it('registers the sets of stored records', async () => {
    const page = await stores.records.listSets({ prefix: 'repository:APRF', limit: 10 });
    expect(page.items.map((s) => s.spec)).toEqual([
      'repository:APRF',
      'repository:APRF:fond:45',
      'repository:APRF:fond:45:opis:1',
      'repository:APRF:fond:45:opis:1:delo:337',
    ]);
    expect(page.items[0]?.name).toBe('Archive of the President of the Russian Federation');
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(stores.records.listChanges({ after: 'record#../../x', limit: 1 })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('reports an item that does not match the schema instead of using it', async () => {
    await stores.dynamodb.send(
      new PutItemCommand({ TableName: stores.config.tableName, Item: { pk: { S: 'record#corrupt' }, body: { S: '{"id":"corrupt"}' } } }),
    );
    await expect(stores.records.get('corrupt')).rejects.toBeInstanceOf(CorruptEntryError);
  });
});
