/** Every RecordStore implementation, through the one contract: the fake fails exactly where DynamoDB does. */
import { afterAll } from 'vitest';
import { DynamoDbRecordStore } from '../../functions/adapters/dynamodb-record-store.ts';
import { ensureTable } from '../../functions/adapters/provision.ts';
import { CachedRecordStore } from '../../functions/core/records/cached-record-store.ts';
import { fixedClock } from '../support/fixtures.ts';
import { emulatedStores } from '../support/local-stack.ts';
import { MemoryRecordStore } from '../support/memory-stores.ts';
import { recordStoreContract } from './record-store.contract.ts';

let stack: Awaited<ReturnType<typeof emulatedStores>> | undefined;
let tables = 0;
afterAll(() => stack?.close());

/** A table of its own on the one dynalite of this file, read through the real SDK. */
async function dynaliteStore() {
  stack ??= await emulatedStores();
  const tableName = `contract-${tables++}`;
  await ensureTable(stack.dynamodb, tableName);
  return new DynamoDbRecordStore(stack.dynamodb, tableName, stack.blobs);
}

const done = async () => {};

recordStoreContract('MemoryRecordStore', async () => ({ records: new MemoryRecordStore(), close: done }));
recordStoreContract('CachedRecordStore over MemoryRecordStore', async () => ({
  records: new CachedRecordStore(new MemoryRecordStore(), fixedClock()),
  close: done,
}));
recordStoreContract('DynamoDbRecordStore on dynalite', async () => ({ records: await dynaliteStore(), close: done }));
recordStoreContract('CachedRecordStore over DynamoDbRecordStore on dynalite', async () => ({
  records: new CachedRecordStore(await dynaliteStore(), fixedClock()),
  close: done,
}));
