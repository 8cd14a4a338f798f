/**
 * Reads one page of the change feed from the harvest index OAI-PMH pages through: a keyset page
 * on either side of a boundary, so that a page costs one or two index queries wherever it lies
 * and however large the archive grows (docs/adr/0014-change-discovery-and-datacite.md).
 *
 * A page is named by where it stands: `first` (the oldest entries), `last` (the newest), `after`
 * a sort key (the entries just newer than it) or `before` one (the entries just older). Its
 * neighbours are named from its own first and last entries, so adjacent pages never overlap or
 * leave a gap, and a page's URL always means the same thing, whatever was added since.
 */
import type { ChangesOrder, RecordStore, StoredEntry } from '../ports.ts';
import { changeSortKey } from '../records/list-queries.ts';

/** Activities on a full page. */
export const CHANGES_PER_PAGE = 100;
/** Store calls one page may take while the store hands back short reads (1 MB a call). */
const CALLS_PER_PAGE = 10;

export type ChangePageAddress = { kind: 'first' } | { kind: 'last' } | { kind: 'after'; key: string } | { kind: 'before'; key: string };

export interface ChangePage {
  address: ChangePageAddress;
  /** Oldest first, as the page lists them. */
  entries: StoredEntry[];
  prev?: ChangePageAddress;
  next?: ChangePageAddress;
}

const keyOf = (entry: StoredEntry) => changeSortKey(entry.datestamp, entry.id);

/** Up to `size` entries in `order` after `after`, and whether the index holds more beyond them. */
async function readEntries(
  records: RecordStore,
  order: ChangesOrder,
  after: string | undefined,
  size: number,
): Promise<{ entries: StoredEntry[]; more: boolean }> {
  const entries: StoredEntry[] = [];
  let cursor = after;
  for (let call = 0; call < CALLS_PER_PAGE; call++) {
    const page = await records.listChanges({ limit: size - entries.length, order, ...(cursor === undefined ? {} : { after: cursor }) });
    entries.push(...page.items);
    if (page.next === undefined) return { entries, more: false };
    if (entries.length >= size) return { entries, more: true };
    cursor = page.next;
  }
  return { entries, more: true };
}

/** Whether any entry lies beyond `key` in `order`. */
async function anyBeyond(records: RecordStore, order: ChangesOrder, key: string): Promise<boolean> {
  return (await readEntries(records, order, key, 1)).entries.length > 0;
}

export async function readChangePage(records: RecordStore, address: ChangePageAddress, size = CHANGES_PER_PAGE): Promise<ChangePage> {
  if (address.kind === 'first' || address.kind === 'after') {
    const after = address.kind === 'after' ? address.key : undefined;
    const { entries, more } = await readEntries(records, 'oldest-first', after, size);
    const page: ChangePage = { address, entries };
    const oldest = entries[0];
    const newest = entries[entries.length - 1];
    if (newest && more) page.next = { kind: 'after', key: keyOf(newest) };
    if (address.kind === 'after' && oldest && (await anyBeyond(records, 'newest-first', keyOf(oldest)))) page.prev = { kind: 'before', key: keyOf(oldest) };
    return page;
  }
  const before = address.kind === 'before' ? address.key : undefined;
  const read = await readEntries(records, 'newest-first', before, size);
  const entries = read.entries.reverse();
  const page: ChangePage = { address, entries };
  const oldest = entries[0];
  const newest = entries[entries.length - 1];
  if (oldest && read.more) page.prev = { kind: 'before', key: keyOf(oldest) };
  if (address.kind === 'before') {
    // Entries only ever move towards the end, so the ones this page was "before" are still newer than it.
    if (newest) page.next = { kind: 'after', key: keyOf(newest) };
    else page.next = { kind: 'first' };
  }
  return page;
}
