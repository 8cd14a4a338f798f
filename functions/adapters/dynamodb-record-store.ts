/**
 * RecordStore over one DynamoDB table (design in table-design.ts, items in record-item.ts), with
 * the long texts of records as objects in the blob store. Every query is checked before it is
 * sent (core/records/list-queries.ts), and every SDK call goes through `send`, the one place
 * where DynamoDB's errors become domain errors.
 */
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/client-dynamodb';
import type { ArchivalRecord, Tombstone } from '../../schemas/record.ts';
import { RECORD_ID_PATTERN } from '../../schemas/record.ts';
import { EntryTooLargeError, InvalidCursorError, VersionConflictError } from '../core/errors.ts';
import type { BlobStore, ChangesQuery, Page, RecordStore, SetEntry, SetsQuery, StoredEntry } from '../core/ports.ts';
import { harvestSetsOf, setLevelOf } from '../core/records/harvest-sets.ts';
import { changeSortKey, changesRange, checkSetsQuery } from '../core/records/list-queries.ts';
import { storeObject } from '../core/records/store-object.ts';
import { decodeEntry } from '../core/records/stored-entry.ts';
import { entrySizeProblem, type Item, itemSizeProblem, storedItem } from './record-item.ts';
import {
  CHANGES_PARTITION_VALUE,
  HARVEST_INDEX,
  HARVEST_PARTITION,
  HARVEST_SORT,
  PARTITION_KEY,
  recordKey,
  SETS_PARTITION_VALUE,
  setAttributeName,
  setIndexName,
  setKey,
} from './table-design.ts';
import { translateAwsError } from './translate-aws-error.ts';

/**
 * DynamoDB's own answers to a request it refuses, for the cases the checks before sending are
 * meant to rule out: should one slip through, it still reaches the caller as what it is.
 */
function translateRefusal(error: unknown, item: Item | undefined): never {
  if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException')
    throw new VersionConflictError(`record ${item?.[PARTITION_KEY]?.S} was changed by another writer`, { cause: error });
  const message = (error as Error).message ?? '';
  if ((error as Error).name === 'ValidationException') {
    if (/item size/i.test(message)) throw new EntryTooLargeError(`record ${item?.[PARTITION_KEY]?.S} is too large to store`, { cause: error });
    if (/starting key|ExclusiveStartKey/i.test(message)) throw new InvalidCursorError('not a cursor of this list', { cause: error });
  }
  return translateAwsError(error, 'DynamoDB');
}

export class DynamoDbRecordStore implements RecordStore {
  /** Sets (spec and name) this instance has registered: a batch ingest writes each once. */
  private readonly registeredSets = new Set<string>();

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    /** Where records' long texts are kept. */
    private readonly blobs: BlobStore,
  ) {}

  async get(id: string): Promise<StoredEntry | undefined> {
    if (!RECORD_ID_PATTERN.test(id)) return undefined;
    const out = await this.send(
      this.client.send(new GetItemCommand({ TableName: this.tableName, Key: { [PARTITION_KEY]: { S: recordKey(id) } }, ConsistentRead: true })),
    );
    return out.Item ? this.entryOf(out.Item) : undefined;
  }

  sizeProblem(entry: StoredEntry): string | undefined {
    return entrySizeProblem(entry);
  }

  async put(record: ArchivalRecord, expectedVersion: number | undefined): Promise<void> {
    const stored = this.checkedItem(record);
    // Set registrations are idempotent and written first: a crash leaves at worst a set whose
    // record is still the old version, never a record in an unlisted set.
    for (const set of harvestSetsOf(record)) {
      const registration = `${set.spec}\u0000${set.name}`;
      if (this.registeredSets.has(registration)) continue;
      await this.send(
        this.client.send(
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
        ),
      );
      this.registeredSets.add(registration);
    }
    await this.conditionalPut(stored, expectedVersion);
  }

  async delete(tombstone: Tombstone, expectedVersion: number): Promise<void> {
    await this.conditionalPut(this.checkedItem(tombstone), expectedVersion);
  }

  async listChanges(query: ChangesQuery): Promise<Page<StoredEntry>> {
    const range = changesRange(query);
    if (!range) return { items: [] };
    const level = query.set === undefined ? undefined : setLevelOf(query.set);
    if (query.set !== undefined && level === undefined) return { items: [] };
    const partitionName = level ? setAttributeName(level) : HARVEST_PARTITION;
    const partitionValue = query.set ?? CHANGES_PARTITION_VALUE;
    let exclusiveStartKey: Item | undefined;
    if (range.after !== undefined) {
      const id = range.after.slice(range.after.indexOf('#') + 1);
      exclusiveStartKey = { [PARTITION_KEY]: { S: recordKey(id) }, [partitionName]: { S: partitionValue }, [HARVEST_SORT]: { S: range.after } };
    }
    const out = await this.query({
      IndexName: level ? setIndexName(level) : HARVEST_INDEX,
      KeyConditionExpression: '#p = :p AND #s BETWEEN :lo AND :hi',
      ExpressionAttributeNames: { '#p': partitionName, '#s': HARVEST_SORT },
      ExpressionAttributeValues: { ':p': { S: partitionValue }, ':lo': { S: range.low }, ':hi': { S: range.high } },
      ExclusiveStartKey: exclusiveStartKey,
      ScanIndexForward: query.order !== 'newest-first',
      Limit: query.limit + 1,
    });
    const items = await Promise.all((out.Items ?? []).map((item) => this.entryOf(item)));
    return pageOf(items, query.limit, out, (entry) => changeSortKey(entry.datestamp, entry.id));
  }

  async listSets(query: SetsQuery): Promise<Page<SetEntry>> {
    checkSetsQuery(query);
    const prefix = query.prefix ?? '';
    const out = await this.query({
      IndexName: HARVEST_INDEX,
      KeyConditionExpression: prefix ? '#p = :p AND begins_with(#s, :prefix)' : '#p = :p',
      ExpressionAttributeNames: { '#p': HARVEST_PARTITION, ...(prefix ? { '#s': HARVEST_SORT } : {}) },
      ExpressionAttributeValues: { ':p': { S: SETS_PARTITION_VALUE }, ...(prefix ? { ':prefix': { S: prefix } } : {}) },
      ExclusiveStartKey:
        query.after === undefined
          ? undefined
          : { [PARTITION_KEY]: { S: setKey(query.after) }, [HARVEST_PARTITION]: { S: SETS_PARTITION_VALUE }, [HARVEST_SORT]: { S: query.after } },
      Limit: query.limit + 1,
    });
    const sets = (out.Items ?? []).map((item) => ({ spec: item[HARVEST_SORT]?.S ?? '', name: item.name?.S ?? '' }));
    return pageOf(sets, query.limit, out, (set) => set.spec);
  }

  async earliestDatestamp(): Promise<string | undefined> {
    const out = await this.query({
      IndexName: HARVEST_INDEX,
      KeyConditionExpression: '#p = :p',
      ExpressionAttributeNames: { '#p': HARVEST_PARTITION },
      ExpressionAttributeValues: { ':p': { S: CHANGES_PARTITION_VALUE } },
      Limit: 1,
    });
    return out.Items?.[0]?.[HARVEST_SORT]?.S?.split('#')[0];
  }

  private entryOf(item: Item): Promise<StoredEntry> {
    return decodeEntry(item.body?.S ?? '', item.deleted?.BOOL === true, `item ${item[PARTITION_KEY]?.S}`, (key) => this.blobs.get(key));
  }

  /** The entry's item and long texts, or `EntryTooLargeError` before anything is written. */
  private checkedItem(entry: StoredEntry): ReturnType<typeof storedItem> {
    const stored = storedItem(entry);
    const problem = itemSizeProblem(entry, stored.item);
    if (problem) throw new EntryTooLargeError(problem);
    return stored;
  }

  private async conditionalPut({ item, external }: ReturnType<typeof storedItem>, expectedVersion: number | undefined): Promise<void> {
    // The long texts first (content-addressed, so rewriting one changes nothing), the item last.
    for (const text of external) await storeObject(this.blobs, text.key, text.bytes, 'text/plain; charset=utf-8');
    await this.send(
      this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(#pk)' : '#v = :expected',
          ExpressionAttributeNames: expectedVersion === undefined ? { '#pk': PARTITION_KEY } : { '#v': 'version' },
          ExpressionAttributeValues: expectedVersion === undefined ? undefined : { ':expected': { N: String(expectedVersion) } },
        }),
      ),
      item,
    );
  }

  private query(input: Omit<QueryCommandInput, 'TableName'>): Promise<QueryCommandOutput> {
    return this.send(this.client.send(new QueryCommand({ TableName: this.tableName, ...input })));
  }

  /** The one place SDK calls are awaited: their errors leave as domain errors. */
  private async send<T>(request: Promise<T>, item?: Item): Promise<T> {
    try {
      return await request;
    } catch (error) {
      return translateRefusal(error, item);
    }
  }
}

/**
 * A page of at most `limit` items from a query asked for `limit + 1`: the extra one says more
 * follow; without it, DynamoDB's LastEvaluatedKey (a query stops after 1 MB) does.
 */
function pageOf<T>(items: T[], limit: number, out: { LastEvaluatedKey?: { [name: string]: AttributeValue } }, keyOf: (item: T) => string): Page<T> {
  if (items.length > limit) {
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return last === undefined ? { items: page } : { items: page, next: keyOf(last) };
  }
  const stoppedAt = out.LastEvaluatedKey?.[HARVEST_SORT]?.S;
  return stoppedAt === undefined ? { items } : { items, next: stoppedAt };
}
