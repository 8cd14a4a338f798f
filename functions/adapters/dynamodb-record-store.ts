/** RecordStore over one DynamoDB table (design in table-design.ts). */
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { type ArchivalRecord, ArchivalRecordSchema, type Tombstone, TombstoneSchema } from '../../schemas/record.ts';
import { CorruptEntryError, InvalidCursorError, VersionConflictError } from '../core/errors.ts';
import type { ChangesQuery, Page, RecordStore, SetEntry, StoredEntry } from '../core/ports.ts';
import { harvestSetsOf, setLevelOf } from '../core/records/harvest-sets.ts';
import {
  CHANGES_PARTITION_VALUE,
  HARVEST_INDEX,
  HARVEST_PARTITION,
  HARVEST_SORT,
  harvestSortKey,
  PARTITION_KEY,
  recordKey,
  SETS_PARTITION_VALUE,
  setAttributeName,
  setIndexName,
  setKey,
} from './table-design.ts';
import { translateAwsError } from './translate-aws-error.ts';

type Item = { [name: string]: AttributeValue };

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)#([A-Za-z0-9][A-Za-z0-9_-]{0,63})$/;
const SET_CURSOR = /^[\x21-\x7e]{1,512}$/;

function parseEntry(item: Item): StoredEntry {
  const body = item.body?.S;
  if (body === undefined) throw new CorruptEntryError(`item ${item[PARTITION_KEY]?.S} has no body`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new CorruptEntryError(`item ${item[PARTITION_KEY]?.S} has a body that is not JSON`);
  }
  const schema = item.deleted?.BOOL ? TombstoneSchema : ArchivalRecordSchema;
  const result = schema.safeParse(json);
  if (!result.success) throw new CorruptEntryError(`item ${item[PARTITION_KEY]?.S} does not match the schema: ${result.error.issues[0]?.message}`);
  return result.data;
}

export class DynamoDbRecordStore implements RecordStore {
  /** Sets (spec and name) this instance has registered: a batch ingest writes each once. */
  private readonly registeredSets = new Set<string>();

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<StoredEntry | undefined> {
    const out = await this.client
      .send(new GetItemCommand({ TableName: this.tableName, Key: { [PARTITION_KEY]: { S: recordKey(id) } }, ConsistentRead: true }))
      .catch((error: unknown) => translateAwsError(error, 'DynamoDB'));
    return out.Item ? parseEntry(out.Item) : undefined;
  }

  async put(record: ArchivalRecord, expectedVersion: number | undefined): Promise<void> {
    const sets = harvestSetsOf(record);
    // Set registrations are idempotent and written first: a crash leaves at worst a set whose
    // record is still the old version, never a record in an unlisted set.
    for (const set of sets) {
      const registration = `${set.spec}\u0000${set.name}`;
      if (this.registeredSets.has(registration)) continue;
      await this.client
        .send(
          new PutItemCommand({
            TableName: this.tableName,
            Item: {
              [PARTITION_KEY]: { S: setKey(set.spec) },
              entity: { S: 'set' },
              name: { S: set.name },
              [HARVEST_PARTITION]: { S: SETS_PARTITION_VALUE },
              [HARVEST_SORT]: { S: set.spec },
            },
          }),
        )
        .catch((error: unknown) => translateAwsError(error, 'DynamoDB'));
      this.registeredSets.add(registration);
    }
    const item: Item = this.entryItem(record, record.datestamp, false);
    for (const set of sets) item[setAttributeName(set.level)] = { S: set.spec };
    await this.conditionalPut(item, expectedVersion);
  }

  async delete(tombstone: Tombstone, expectedVersion: number): Promise<void> {
    const item = this.entryItem(tombstone, tombstone.datestamp, true);
    for (const spec of tombstone.sets) {
      const level = setLevelOf(spec);
      if (level) item[setAttributeName(level)] = { S: spec };
    }
    await this.conditionalPut(item, expectedVersion);
  }

  async listChanges(query: ChangesQuery): Promise<Page<StoredEntry>> {
    const level = query.set === undefined ? undefined : setLevelOf(query.set);
    if (query.set !== undefined && level === undefined) return { items: [] };
    const partitionName = level ? setAttributeName(level) : HARVEST_PARTITION;
    const partitionValue = query.set ?? CHANGES_PARTITION_VALUE;
    let exclusiveStartKey: Item | undefined;
    if (query.after !== undefined) {
      const m = CURSOR.exec(query.after);
      if (!m?.[2]) throw new InvalidCursorError('not a cursor of this store');
      exclusiveStartKey = {
        [PARTITION_KEY]: { S: recordKey(m[2]) },
        [partitionName]: { S: partitionValue },
        [HARVEST_SORT]: { S: query.after },
      };
    }
    const out = await this.client
      .send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: level ? setIndexName(level) : HARVEST_INDEX,
          KeyConditionExpression: '#p = :p AND #s BETWEEN :lo AND :hi',
          ExpressionAttributeNames: { '#p': partitionName, '#s': HARVEST_SORT },
          ExpressionAttributeValues: {
            ':p': { S: partitionValue },
            ':lo': { S: query.from ?? '0000' },
            ':hi': { S: `${query.until ?? '9999'}#\u{10FFFF}` },
          },
          ExclusiveStartKey: exclusiveStartKey,
          Limit: query.limit + 1,
        }),
      )
      .catch((error: unknown) => translateAwsError(error, 'DynamoDB'));
    const items = (out.Items ?? []).map(parseEntry);
    if (items.length <= query.limit) {
      // DynamoDB stops a query at 1 MB read: the page is then short but the list goes on.
      const stoppedAt = out.LastEvaluatedKey?.[HARVEST_SORT]?.S;
      return stoppedAt === undefined ? { items } : { items, next: stoppedAt };
    }
    const page = items.slice(0, query.limit);
    const last = page[page.length - 1];
    return last ? { items: page, next: harvestSortKey(last.datestamp, last.id) } : { items: page };
  }

  async listSets(query: { prefix?: string; after?: string; limit: number }): Promise<Page<SetEntry>> {
    if (query.after !== undefined && !SET_CURSOR.test(query.after)) throw new InvalidCursorError('not a set cursor of this store');
    const prefix = query.prefix ?? '';
    const out = await this.client
      .send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: HARVEST_INDEX,
          KeyConditionExpression: prefix ? '#p = :p AND begins_with(#s, :prefix)' : '#p = :p',
          ExpressionAttributeNames: { '#p': HARVEST_PARTITION, ...(prefix ? { '#s': HARVEST_SORT } : {}) },
          ExpressionAttributeValues: { ':p': { S: SETS_PARTITION_VALUE }, ...(prefix ? { ':prefix': { S: prefix } } : {}) },
          ExclusiveStartKey:
            query.after === undefined
              ? undefined
              : { [PARTITION_KEY]: { S: setKey(query.after) }, [HARVEST_PARTITION]: { S: SETS_PARTITION_VALUE }, [HARVEST_SORT]: { S: query.after } },
          Limit: query.limit + 1,
        }),
      )
      .catch((error: unknown) => translateAwsError(error, 'DynamoDB'));
    const sets = (out.Items ?? []).map((item) => ({ spec: item[HARVEST_SORT]?.S ?? '', name: item.name?.S ?? '' }));
    if (sets.length <= query.limit) return { items: sets };
    const page = sets.slice(0, query.limit);
    return { items: page, next: page[page.length - 1]?.spec };
  }

  async earliestDatestamp(): Promise<string | undefined> {
    const out = await this.client
      .send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: HARVEST_INDEX,
          KeyConditionExpression: '#p = :p',
          ExpressionAttributeNames: { '#p': HARVEST_PARTITION },
          ExpressionAttributeValues: { ':p': { S: CHANGES_PARTITION_VALUE } },
          Limit: 1,
        }),
      )
      .catch((error: unknown) => translateAwsError(error, 'DynamoDB'));
    return out.Items?.[0]?.[HARVEST_SORT]?.S?.split('#')[0];
  }

  private entryItem(entry: StoredEntry, datestamp: string, deleted: boolean): Item {
    return {
      [PARTITION_KEY]: { S: recordKey(entry.id) },
      entity: { S: 'record' },
      version: { N: String(entry.version) },
      datestamp: { S: datestamp },
      deleted: { BOOL: deleted },
      body: { S: JSON.stringify(entry) },
      [HARVEST_PARTITION]: { S: CHANGES_PARTITION_VALUE },
      [HARVEST_SORT]: { S: harvestSortKey(datestamp, entry.id) },
    };
  }

  private async conditionalPut(item: Item, expectedVersion: number | undefined): Promise<void> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(#pk)' : '#v = :expected',
          ExpressionAttributeNames: expectedVersion === undefined ? { '#pk': PARTITION_KEY } : { '#v': 'version' },
          ExpressionAttributeValues: expectedVersion === undefined ? undefined : { ':expected': { N: String(expectedVersion) } },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') {
        throw new VersionConflictError(`record ${item[PARTITION_KEY]?.S} was changed by another writer (expected version ${expectedVersion ?? 'none'})`);
      }
      translateAwsError(error, 'DynamoDB');
    }
  }
}
