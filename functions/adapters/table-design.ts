/**
 * The one DynamoDB table's key design, shared by the adapter, the local stack and the CDK stack.
 * See docs/adr/0002-one-table-one-conditional-write.md.
 */
import { SET_LEVELS, type SetLevel } from '../core/records/harvest-sets.ts';

export const PARTITION_KEY = 'pk';
/** Harvest index: records (and tombstones) under `changes`, registered sets under `sets`. */
export const HARVEST_INDEX = 'harvest';
export const HARVEST_PARTITION = 'hpk';
export const HARVEST_SORT = 'hsk';
export const CHANGES_PARTITION_VALUE = 'changes';
export const SETS_PARTITION_VALUE = 'sets';

/** One sparse index per set level, partitioned by set spec and sorted like the harvest index. */
export const setIndexName = (level: SetLevel) => `set-${level}`;
export const setAttributeName = (level: SetLevel) => `set_${level}`;

export const recordKey = (id: string) => `record#${id}`;
export const setKey = (spec: string) => `set#${spec}`;

export interface IndexDesign {
  name: string;
  partitionKey: string;
  sortKey: string;
}

export const INDEXES: readonly IndexDesign[] = [
  { name: HARVEST_INDEX, partitionKey: HARVEST_PARTITION, sortKey: HARVEST_SORT },
  ...SET_LEVELS.map((level) => ({ name: setIndexName(level), partitionKey: setAttributeName(level), sortKey: HARVEST_SORT })),
];
