/**
 * A page of a IIIF Collection in Presentation 2.1: the same page the 3.0 collection serves
 * (docs/adr/0005-iiif-collection-paging.md), built over the 2.1 URL space and translated, its
 * members split into `collections` and `manifests`. A long collection is the same chain: a page
 * lists its continuation among its `collections`, and a continuation is `within` the first page.
 */
import type { ServiceUrls } from '../../urls.ts';
import { buildCollection, type CollectionPage } from '../presentation-3/build-collection.ts';
import { linked, reference2 } from './build-manifest.ts';
import { toValues } from './language-values.ts';
import { presentation2Space } from './presentation-2-space.ts';
import { type Collection2, PRESENTATION_2_CONTEXT } from './types.ts';

export function buildCollection2(page: CollectionPage, urls: ServiceUrls): Collection2 {
  const v3 = buildCollection(page, presentation2Space(urls));
  const members = v3.items.map(reference2);
  return {
    '@context': PRESENTATION_2_CONTEXT,
    '@id': v3.id,
    '@type': 'sc:Collection',
    label: toValues(v3.label),
    ...(v3.summary ? { description: toValues(v3.summary) } : {}),
    ...(v3.seeAlso ? { seeAlso: v3.seeAlso.map(linked) } : {}),
    ...(v3.partOf ? { within: v3.partOf.map(reference2) } : {}),
    collections: members.filter((member) => member['@type'] === 'sc:Collection'),
    manifests: members.filter((member) => member['@type'] === 'sc:Manifest'),
  };
}
