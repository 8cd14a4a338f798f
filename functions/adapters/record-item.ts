/**
 * The DynamoDB item of an entry (design in table-design.ts) and DynamoDB's arithmetic of its
 * size: an item holds at most 400 KB, counted as the UTF-8 length of every attribute's name and
 * value; a query reads at most 1 MB of items per call. Pure, so the in-memory store used in
 * tests applies the very same limits (the contract suite checks both against dynalite).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { EntryTooLargeError } from '../core/errors.ts';
import { isTombstone, type StoredEntry } from '../core/ports.ts';
import { harvestSetsOf, setLevelOf } from '../core/records/harvest-sets.ts';
import { changeSortKey } from '../core/records/list-queries.ts';
import { type EncodedEntry, encodeEntry } from '../core/records/stored-entry.ts';
import { CHANGES_PARTITION_VALUE, HARVEST_PARTITION, HARVEST_SORT, PARTITION_KEY, recordKey, setAttributeName } from './table-design.ts';

export type Item = { [name: string]: AttributeValue };

/** The largest item DynamoDB stores. */
export const MAX_ITEM_BYTES = 400 * 1024;
/** What one Query call reads at most before it stops with a LastEvaluatedKey. */
export const MAX_QUERY_READ_BYTES = 1024 * 1024;

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8Length(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/^[-0.]+|\.|e.*$/gi, '').length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.B !== undefined) return value.B.byteLength;
  throw new RangeError('an attribute type this table does not use');
}

/** DynamoDB's size of an item: names and values, in bytes. */
export const itemSize = (item: Item): number => Object.entries(item).reduce((sum, [name, value]) => sum + utf8Length(name) + valueSize(value), 0);

/** The item of an entry and the objects (long texts) to write before it. */
export function storedItem(entry: StoredEntry): { item: Item; external: EncodedEntry['external'] } {
  const { body, external } = encodeEntry(entry);
  const item: Item = {
    [PARTITION_KEY]: { S: recordKey(entry.id) },
    entity: { S: 'record' },
    version: { N: String(entry.version) },
    datestamp: { S: entry.datestamp },
    deleted: { BOOL: isTombstone(entry) },
    body: { S: body },
    [HARVEST_PARTITION]: { S: CHANGES_PARTITION_VALUE },
    [HARVEST_SORT]: { S: changeSortKey(entry.datestamp, entry.id) },
  };
  // One sparse attribute per set level, so each set's index lists the entry (tombstones too).
  const sets = isTombstone(entry)
    ? entry.sets.flatMap((spec) => {
        const level = setLevelOf(spec);
        return level ? [{ spec, level }] : [];
      })
    : harvestSetsOf(entry);
  for (const set of sets) item[setAttributeName(set.level)] = { S: set.spec };
  return { item, external };
}

/** Why an entry cannot be stored (a text over its limit, an item over 400 KB), or undefined: the port's `sizeProblem`. */
export function entrySizeProblem(entry: StoredEntry): string | undefined {
  try {
    return itemSizeProblem(entry, storedItem(entry).item);
  } catch (error) {
    if (error instanceof EntryTooLargeError) return error.message;
    throw error;
  }
}

/** Why an entry's item cannot be stored, or undefined. */
export function itemSizeProblem(entry: StoredEntry, item: Item): string | undefined {
  const size = itemSize(item);
  if (size <= MAX_ITEM_BYTES) return undefined;
  return `record ${entry.id} takes ${size} bytes to store besides its long texts; at most ${MAX_ITEM_BYTES} fit in one entry`;
}
