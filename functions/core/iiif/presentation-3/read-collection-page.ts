/**
 * Reads one page of a collection from the record store: keyset pages of `listChanges` for
 * manifests and of `listSets` for sub-collections, so the cost of a page never depends on its
 * position or on the size of the archive (docs/adr/0005-iiif-collection-paging.md).
 */
import type { ArchivalRecord } from '../../../../schemas/record.ts';
import { InvalidCursorError } from '../../errors.ts';
import { isTombstone, type RecordStore, type SetEntry } from '../../ports.ts';
import type { CollectionMember, CollectionPage } from './build-collection.ts';
import { ALL_COLLECTION, ALL_COLLECTION_LABEL, ARCHIVAL_LEVELS, archivalCollectionPath, type CollectionAddress, TOP_COLLECTION } from './collection-paths.ts';

/** At most this many manifests, or sub-collections, on one page. */
export const MEMBERS_PER_PAGE = 100;
/** Sets read per store call, and store calls per page, while looking for the direct children of a set. */
const SET_SCAN_LIMIT = 200;
const SET_SCAN_CALLS = 5;

const SETS_CURSOR = 's:';
const RECORDS_CURSOR = 'r:';

/** The registered set with exactly this spec. */
async function findSet(records: RecordStore, spec: string): Promise<SetEntry | undefined> {
  const page = await records.listSets({ prefix: spec, limit: 1 });
  const first = page.items[0];
  return first?.spec === spec ? first : undefined;
}

/**
 * Direct children of a set (specs `prefix` + one token), after `after`, at most `limit`. The set
 * index interleaves children with their own descendants, so the scan is bounded (at most `calls`
 * store calls): when it stops early, `next` lets the following page resume where it stopped.
 */
export async function listChildSets(
  records: RecordStore,
  prefix: string,
  after: string | undefined,
  limit: number,
  calls = SET_SCAN_CALLS,
): Promise<{ items: SetEntry[]; next?: string }> {
  const children: SetEntry[] = [];
  let cursor = after;
  for (let call = 0; call < calls; call++) {
    const page = await records.listSets({ prefix, limit: SET_SCAN_LIMIT, ...(cursor === undefined ? {} : { after: cursor }) });
    for (const set of page.items) {
      if (set.spec.slice(prefix.length).includes(':')) continue;
      const last = children[children.length - 1];
      if (children.length === limit && last) return { items: children, next: last.spec };
      children.push(set);
    }
    if (page.next === undefined) return { items: children };
    cursor = page.next;
  }
  return cursor === undefined ? { items: children } : { items: children, next: cursor };
}

async function listRecords(records: RecordStore, set: string | undefined, after: string | undefined): Promise<{ items: ArchivalRecord[]; next?: string }> {
  const page = await records.listChanges({ limit: MEMBERS_PER_PAGE, ...(set === undefined ? {} : { set }), ...(after === undefined ? {} : { after }) });
  const items = page.items.filter((entry): entry is ArchivalRecord => !isTombstone(entry));
  return page.next === undefined ? { items } : { items, next: page.next };
}

const manifests = (items: ArchivalRecord[]): CollectionMember[] => items.map((record) => ({ kind: 'manifest', record }));

function setMembers(items: SetEntry[]): CollectionMember[] {
  return items.flatMap((set) => {
    const path = archivalCollectionPath(set.spec);
    return path ? [{ kind: 'collection' as const, path, label: set.name }] : [];
  });
}

function withCursors(page: CollectionPage, after: string | undefined, next: string | undefined): CollectionPage {
  if (after !== undefined) page.after = after;
  if (next !== undefined) page.next = next;
  return page;
}

export interface CollectionOptions {
  /** Label of the top collection: the service's name. */
  serviceName: string;
}

/** The page of the addressed collection that starts after `after`; undefined when no such collection exists. */
export async function readCollectionPage(
  records: RecordStore,
  address: CollectionAddress,
  after: string | undefined,
  options: CollectionOptions,
): Promise<CollectionPage | undefined> {
  const top = { path: TOP_COLLECTION, label: options.serviceName };

  if (address.kind === 'top') {
    const repositories = await listChildSets(records, `${ARCHIVAL_LEVELS[0]}:`, after, MEMBERS_PER_PAGE);
    const members = setMembers(repositories.items);
    if (after === undefined) members.unshift({ kind: 'collection', path: ALL_COLLECTION, label: ALL_COLLECTION_LABEL });
    const page: CollectionPage = {
      path: TOP_COLLECTION,
      label: options.serviceName,
      summary: 'Every record, and the records arranged by their archival references: repository, fond, opis, delo.',
      parents: [],
      members,
    };
    return withCursors(page, after, repositories.next);
  }

  if (address.kind === 'all') {
    const listed = await listRecords(records, undefined, after);
    const page: CollectionPage = {
      path: ALL_COLLECTION,
      label: ALL_COLLECTION_LABEL,
      summary: `Every record, in the order of its last change, at most ${MEMBERS_PER_PAGE} to a page.`,
      parents: [top],
      members: manifests(listed.items),
    };
    return withCursors(page, after, listed.next);
  }

  const set = await findSet(records, address.spec);
  const path = archivalCollectionPath(address.spec);
  if (!set || !path) return undefined;
  const parentSet = address.parentSpec === undefined ? undefined : await findSet(records, address.parentSpec);
  const parentPath = parentSet && archivalCollectionPath(parentSet.spec);
  const page: CollectionPage = { path, label: set.name, parents: [parentSet && parentPath ? { path: parentPath, label: parentSet.name } : top], members: [] };

  let mode: 'sets' | 'records' | undefined;
  let cursor: string | undefined;
  if (after !== undefined) {
    mode = after.startsWith(SETS_CURSOR) ? 'sets' : after.startsWith(RECORDS_CURSOR) ? 'records' : undefined;
    if (!mode) throw new InvalidCursorError(`"${after.slice(0, 40)}" is not a page of this collection`);
    cursor = after.slice(2);
  }

  // A level with sub-levels lists them; a level without any (a delo, or a fond whose
  // references stop there) lists its records.
  if (address.childLevel && mode !== 'records') {
    const children = await listChildSets(records, `${address.spec}:${address.childLevel}:`, cursor, MEMBERS_PER_PAGE);
    if (mode === 'sets' || children.items.length > 0 || children.next !== undefined) {
      page.summary = `The ${address.childLevel} level below ${set.name}, at most ${MEMBERS_PER_PAGE} to a page.`;
      page.members = setMembers(children.items);
      return withCursors(page, after, children.next === undefined ? undefined : `${SETS_CURSOR}${children.next}`);
    }
  }
  const listed = await listRecords(records, address.spec, cursor);
  page.summary = `The records of ${set.name}, in the order of their last change, at most ${MEMBERS_PER_PAGE} to a page.`;
  page.members = manifests(listed.items);
  return withCursors(page, after, listed.next === undefined ? undefined : `${RECORDS_CURSOR}${listed.next}`);
}
