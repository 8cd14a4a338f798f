/**
 * A page of a IIIF Collection, as a pure function of what the store listed. Presentation 3 has
 * no paging, so a long collection is a chain (docs/adr/0005-iiif-collection-paging.md): each page
 * holds at most a page's worth of members and, when more follow, ends with a reference to the
 * next page, itself a Collection that is `partOf` the first.
 */
import type { ArchivalRecord } from '../../../../schemas/record.ts';
import { DISCOVERY_CONTEXT } from '../../discovery/build-change-feed.ts';
import type { ServiceUrls } from '../../urls.ts';
import { TOP_COLLECTION } from './collection-paths.ts';
import { representativeImage, thumbnailImage } from './image-resources.ts';
import { described } from './language-map.ts';
import { type Collection, type LinkedResource, PRESENTATION_CONTEXT, type Reference } from './types.ts';

export type CollectionMember = { kind: 'collection'; path: string; label: string } | { kind: 'manifest'; record: ArchivalRecord };

export interface CollectionPage {
  /** Path below `/iiif/3/collection/`. */
  path: string;
  label: string;
  summary?: string;
  /** Collections the first page is part of. */
  parents: { path: string; label: string }[];
  members: CollectionMember[];
  /** Cursor this page starts after; absent on the first page. */
  after?: string;
  /** Cursor of the next page; absent on the last. */
  next?: string;
}

/** Query parameter carrying a page's cursor. */
export const PAGE_PARAMETER = 'page';

/** URL of a page of a collection: the collection's own URL for the first page. */
export function collectionPageUrl(urls: ServiceUrls, path: string, after?: string): string {
  const first = urls.collection(path);
  return after === undefined ? first : `${first}?${PAGE_PARAMETER}=${encodeURIComponent(after)}`;
}

function memberReference(member: CollectionMember, urls: ServiceUrls): Reference {
  if (member.kind === 'collection') return { id: urls.collection(member.path), type: 'Collection', label: described(member.label) };
  const { record } = member;
  const reference: Reference = { id: urls.manifest(record.id), type: 'Manifest', label: described(record.title) };
  const image = representativeImage(record.images);
  if (image) reference.thumbnail = [thumbnailImage(image, urls)];
  return reference;
}

/** The change feed, as a machine-readable document (`Dataset`) beside the collection it covers. */
const changeFeedLink = (urls: ServiceUrls): LinkedResource => ({
  id: urls.activityStream,
  type: 'Dataset',
  label: { en: ['IIIF Change Discovery 1.0: every change to the manifests'] },
  format: 'application/ld+json',
  profile: DISCOVERY_CONTEXT,
});

export function buildCollection(page: CollectionPage, urls: ServiceUrls): Collection {
  const items = page.members.map((member) => memberReference(member, urls));
  if (page.next !== undefined) {
    items.push({ id: collectionPageUrl(urls, page.path, page.next), type: 'Collection', label: described(`${page.label} (continued)`) });
  }
  const partOf: Reference[] =
    page.after === undefined
      ? page.parents.map((parent) => ({ id: urls.collection(parent.path), type: 'Collection', label: described(parent.label) }))
      : [{ id: urls.collection(page.path), type: 'Collection', label: described(page.label) }];
  return {
    '@context': PRESENTATION_CONTEXT,
    id: collectionPageUrl(urls, page.path, page.after),
    type: 'Collection',
    label: described(page.after === undefined ? page.label : `${page.label} (continued)`),
    ...(page.summary ? { summary: described(page.summary) } : {}),
    ...(page.path === TOP_COLLECTION && page.after === undefined ? { seeAlso: [changeFeedLink(urls)] } : {}),
    ...(partOf.length > 0 ? { partOf } : {}),
    items,
  };
}
