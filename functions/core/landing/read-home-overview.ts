/**
 * What the home page says the archive holds, read from the record store in a bounded number of
 * calls whatever the archive's size (docs/adr/0011-pages-for-people.md):
 *
 * - the collection tree by repository and fond, from the registered sets (the same bounded
 *   child-set scans as the IIIF collections, docs/adr/0005-iiif-collection-paging.md);
 * - the records added or changed most recently: the harvest index is in datestamp order, oldest
 *   first, and offers no reverse read, so the newest are found by reading forward from a cutoff,
 *   the narrowest of a few windows (a day, a week, a month, a year) that holds enough of them.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { listChildSets } from '../iiif/presentation-3/read-collection-page.ts';
import { isTombstone, type RecordStore, type SetEntry } from '../ports.ts';

/** At most this many repositories, and fonds of each, on the home page; the IIIF collections list the rest. */
export const HOME_REPOSITORIES = 25;
export const HOME_FONDS_PER_REPOSITORY = 50;
/** Store calls (of 200 set entries) per level scan: a fond with thousands of delos may hide the fonds after it. */
const SET_SCAN_CALLS = 2;

/** Records shown as recently changed, and the entries read per window to find them. */
export const RECENT_SHOWN = 10;
const RECENT_READ = 20;

export interface RecentWindow {
  /** "day", "week", ...: the page says "in the past {label}". */
  label: string;
  days: number;
}

/** Narrowest first. */
export const RECENT_WINDOWS: readonly RecentWindow[] = [
  { label: 'day', days: 1 },
  { label: 'week', days: 7 },
  { label: 'month', days: 30 },
  { label: 'year', days: 365 },
];

export interface FondEntry extends SetEntry {}

export interface RepositoryEntry extends SetEntry {
  fonds: FondEntry[];
  /** True when the repository has fonds the bounded scan did not reach. */
  moreFonds: boolean;
}

export interface RecentChanges {
  window: RecentWindow;
  /** Start of the window: every record listed changed at or after it (UTC, to the second). */
  since: string;
  /** Newest first. */
  records: ArchivalRecord[];
  /** True when the window holds changes that are not listed. */
  more: boolean;
}

export interface HomeOverview {
  repositories: RepositoryEntry[];
  /** True when there are repositories the bounded scan did not reach. */
  moreRepositories: boolean;
  recent: RecentChanges;
}

const datestampOf = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

const newestFirst = (records: readonly ArchivalRecord[]) =>
  [...records].sort((a, b) => (a.datestamp === b.datestamp ? b.id.localeCompare(a.id) : b.datestamp.localeCompare(a.datestamp)));

async function readTree(records: RecordStore): Promise<Pick<HomeOverview, 'repositories' | 'moreRepositories'>> {
  const repositories = await listChildSets(records, 'repository:', undefined, HOME_REPOSITORIES, SET_SCAN_CALLS);
  const entries = await Promise.all(
    repositories.items.map(async (repository): Promise<RepositoryEntry> => {
      const fonds = await listChildSets(records, `${repository.spec}:fond:`, undefined, HOME_FONDS_PER_REPOSITORY, SET_SCAN_CALLS);
      return { spec: repository.spec, name: repository.name, fonds: fonds.items, moreFonds: fonds.next !== undefined };
    }),
  );
  return { repositories: entries, moreRepositories: repositories.next !== undefined };
}

/**
 * One forward read of at most `RECENT_READ` entries per window, narrowest window first; it stops
 * at the first window that holds `RECENT_SHOWN` records or more than one read. When a window
 * overflows, the narrower window before it (read whole, so exactly the newest) is listed if it
 * held any record; otherwise the overflowing window's first entries are, marked as not all.
 */
async function readRecent(records: RecordStore, now: Date): Promise<RecentChanges> {
  let previous: RecentChanges | undefined;
  for (const window of RECENT_WINDOWS) {
    const since = datestampOf(new Date(now.getTime() - window.days * 86_400_000));
    const page = await records.listChanges({ from: since, limit: RECENT_READ });
    const live = page.items.filter((entry): entry is ArchivalRecord => !isTombstone(entry));
    if (page.next !== undefined) {
      if (previous && previous.records.length > 0) return previous;
      return { window, since, records: newestFirst(live).slice(0, RECENT_SHOWN), more: true };
    }
    const current = { window, since, records: newestFirst(live).slice(0, RECENT_SHOWN), more: live.length > RECENT_SHOWN };
    if (live.length >= RECENT_SHOWN) return current;
    previous = current;
  }
  return previous as RecentChanges;
}

export async function readHomeOverview(records: RecordStore, now: Date): Promise<HomeOverview> {
  const [tree, recent] = await Promise.all([readTree(records), readRecent(records, now)]);
  return { ...tree, recent };
}
