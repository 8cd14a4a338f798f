/**
 * IIIF Change Discovery API 1.0 documents: the `OrderedCollection` of every change to the
 * archive's manifests and its `OrderedCollectionPage`s of `Create`, `Update` and `Delete`
 * activities, oldest first, the newest on the last page. Each record appears once, with its
 * latest change (the harvest index keeps one entry per record), as the specification allows.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { isTombstone, type StoredEntry } from '../ports.ts';
import type { ServiceUrls } from '../urls.ts';
import type { ChangePage, ChangePageAddress } from './read-change-page.ts';

export const DISCOVERY_CONTEXT = 'http://iiif.io/api/discovery/1/context.json';
export const DISCOVERY_MEDIA_TYPE = `application/ld+json;profile="${DISCOVERY_CONTEXT}"`;

export type ActivityType = 'Create' | 'Update' | 'Delete';

export interface Activity {
  type: ActivityType;
  object: { id: string; type: 'Manifest'; canonical: string };
  endTime: string;
}

/** A page's URL: the route signs the keys it carries. */
export type ChangePageUrl = (address: ChangePageAddress) => string;

const pageRef = (id: string) => ({ id, type: 'OrderedCollectionPage' as const });

/**
 * What happened to the record, as the stored entry states it: a tombstone is a `Delete`; a record
 * in its first version a `Create`; any later version an `Update`. `endTime` is the datestamp.
 */
export function activityOf(entry: StoredEntry, urls: ServiceUrls): Activity {
  const type: ActivityType = isTombstone(entry) ? 'Delete' : (entry as ArchivalRecord).version === 1 ? 'Create' : 'Update';
  return { type, object: { id: urls.manifest(entry.id), type: 'Manifest', canonical: urls.record(entry.id) }, endTime: entry.datestamp };
}

export function buildChangeCollection(urls: ServiceUrls, pageUrl: ChangePageUrl) {
  return {
    '@context': DISCOVERY_CONTEXT,
    id: urls.activityStream,
    type: 'OrderedCollection' as const,
    first: pageRef(pageUrl({ kind: 'first' })),
    last: pageRef(pageUrl({ kind: 'last' })),
  };
}

export function buildChangePage(page: ChangePage, urls: ServiceUrls, pageUrl: ChangePageUrl) {
  return {
    '@context': DISCOVERY_CONTEXT,
    id: pageUrl(page.address),
    type: 'OrderedCollectionPage' as const,
    partOf: { id: urls.activityStream, type: 'OrderedCollection' as const },
    ...(page.prev ? { prev: pageRef(pageUrl(page.prev)) } : {}),
    ...(page.next ? { next: pageRef(pageUrl(page.next)) } : {}),
    orderedItems: page.entries.map((entry) => activityOf(entry, urls)),
  };
}
