/**
 * What only the DynamoDB adapter has: its item arithmetic against DynamoDB's own refusal, items
 * another writer left corrupt, and its long texts in S3. Everything the port promises is in the
 * contract suite (test/contract/), which this adapter runs too.
 */
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ITEM_BYTES, storedItem } from '../../functions/adapters/record-item.ts';
import { CorruptEntryError } from '../../functions/core/errors.ts';
import type { ArchivalRecord } from '../../schemas/record.ts';
import { recordOfItemSize } from '../contract/record-store.contract.ts';
import { record110020 } from '../support/fixtures.ts';
import { emulatedStores } from '../support/local-stack.ts';

let stores: Awaited<ReturnType<typeof emulatedStores>>;
let base: ArchivalRecord;
beforeAll(async () => {
  stores = await emulatedStores();
  base = await record110020();
});
afterAll(() => stores.close());

const rawPut = (record: ArchivalRecord) => stores.dynamodb.send(new PutItemCommand({ TableName: stores.config.tableName, Item: storedItem(record).item }));

describe('DynamoDbRecordStore on dynalite', () => {
  it('counts an item as DynamoDB does: the largest it computes is stored, one byte more is refused by DynamoDB itself', async () => {
    await expect(rawPut(recordOfItemSize('raw-1', MAX_ITEM_BYTES))).resolves.toBeDefined();
    await expect(rawPut(recordOfItemSize('raw-2', MAX_ITEM_BYTES + 1))).rejects.toThrow(/Item size has exceeded/);
  });

  it('keeps a long text as an object under text/, with its key, SHA-256 and length in the item', async () => {
    const text = 'Kim Il Sung '.repeat(10_000);
    await stores.records.put({ ...base, id: 'long-text', texts: [{ kind: 'translation', language: 'en', text }] }, undefined);
    const item = await stores.dynamodb.send(new GetItemCommand({ TableName: stores.config.tableName, Key: { pk: { S: 'record#long-text' } } }));
    const body = JSON.parse(item.Item?.body?.S ?? '{}') as { texts: { text?: string; textObject?: { key: string; sha256: string; length: number } }[] };
    const reference = body.texts[0]?.textObject;
    expect(body.texts[0]?.text).toBeUndefined();
    expect(reference?.key).toMatch(/^text\/long-text\/[0-9a-f]{64}\.translation\.en\.txt$/);
    expect(reference?.length).toBe(text.length);
    expect(new TextDecoder().decode(await stores.blobs.get(reference?.key ?? ''))).toBe(text);
  });

  it('reports an item that does not match the schema instead of using it', async () => {
    await stores.dynamodb.send(
      new PutItemCommand({ TableName: stores.config.tableName, Item: { pk: { S: 'record#corrupt' }, body: { S: '{"id":"corrupt"}' } } }),
    );
    await expect(stores.records.get('corrupt')).rejects.toBeInstanceOf(CorruptEntryError);
  });

  it('reports a long text whose object changed instead of serving other bytes', async () => {
    const text = 'Peng Dehuai '.repeat(10_000);
    await stores.records.put({ ...base, id: 'tampered', texts: [{ kind: 'translation', language: 'en', text }] }, undefined);
    const key = storedItem({ ...base, id: 'tampered', texts: [{ kind: 'translation', language: 'en', text }] }).external[0]?.key ?? '';
    await stores.blobs.put(key, new TextEncoder().encode(`${text}!`), 'text/plain');
    await expect(stores.records.get('tampered')).rejects.toBeInstanceOf(CorruptEntryError);
  });
});
