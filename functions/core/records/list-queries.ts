/**
 * What a record store's listings accept, checked in one place for every implementation of the
 * port: datestamp bounds, keyset cursors and page sizes. A cursor is the sort key of the last
 * entry a page held (`{datestamp}#{id}`, or a set spec); one that this query could not have
 * issued (malformed, outside the query's own range, outside its prefix) is refused here, before
 * any store sees it.
 */
import { RECORD_ID_PATTERN } from '../../../schemas/record.ts';
import { InvalidCursorError, InvalidQueryError } from '../errors.ts';
import type { ChangesQuery, SetsQuery } from '../ports.ts';

const DATESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const CHANGES_CURSOR = new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z#${RECORD_ID_PATTERN.source.slice(1, -1)}$`);
const SET_CURSOR = /^[\x21-\x7e]{1,512}$/;
/** Sorts after every record id: the upper bound of a datestamp's entries. */
const AFTER_EVERY_ID = '#\u{10FFFF}';

export const EARLIEST_DATESTAMP = '0000-01-01T00:00:00Z';
export const LATEST_DATESTAMP = '9999-12-31T23:59:59Z';
export const MAX_PAGE_SIZE = 1000;

/** The sort key of an entry in the harvest order. */
export const changeSortKey = (datestamp: string, id: string) => `${datestamp}#${id}`;

function checkLimit(limit: number) {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw new RangeError(`a page holds 1 to ${MAX_PAGE_SIZE} entries, not ${limit}`);
}

function bound(value: string | undefined, name: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (!DATESTAMP.test(value)) throw new InvalidQueryError(`${name} is not a UTC datestamp to the second`);
  return value;
}

/** The sort-key range a changes query reads, inclusive; undefined when it is empty (from after until). */
export function changesRange(query: ChangesQuery): { low: string; high: string; after?: string } | undefined {
  checkLimit(query.limit);
  const from = bound(query.from, 'from', EARLIEST_DATESTAMP);
  const until = bound(query.until, 'until', LATEST_DATESTAMP);
  const high = `${until}${AFTER_EVERY_ID}`;
  if (query.after !== undefined) {
    if (!CHANGES_CURSOR.test(query.after)) throw new InvalidCursorError('not a cursor of this list');
    if (query.after < from || query.after > high) throw new InvalidCursorError('a cursor outside the range of this query');
  }
  if (from > until) return undefined;
  return query.after === undefined ? { low: from, high } : { low: from, high, after: query.after };
}

/** Checks a sets query; its cursor must be a spec within its prefix. */
export function checkSetsQuery(query: SetsQuery): void {
  checkLimit(query.limit);
  if (query.after === undefined) return;
  if (!SET_CURSOR.test(query.after)) throw new InvalidCursorError('not a set cursor of this list');
  if (query.prefix !== undefined && !query.after.startsWith(query.prefix)) throw new InvalidCursorError('a set cursor outside the prefix of this query');
}
