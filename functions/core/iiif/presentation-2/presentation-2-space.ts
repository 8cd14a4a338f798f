/**
 * The record's Presentation 2.1 space as the Presentation 3 builders see it: the same URLs but
 * for manifests, parts, collections and image services, which point at their 2.1 versions. The
 * 2.1 documents are the 3.0 ones built over this space and then translated, so every fact
 * (labels, metadata, leaves, rights, navDate, links) keeps its one home in `presentation-3/`.
 * Content Search 1.0 has a 2.1 twin too, whose hits target the 2.1 canvases a 2.x viewer shows.
 */
import type { ServiceUrls } from '../../urls.ts';

export function presentation2Space(urls: ServiceUrls): ServiceUrls {
  return {
    ...urls,
    manifest: urls.manifest2,
    iiifPart: urls.iiif2Part,
    collection: urls.collection2,
    imageService: urls.imageService2,
    imageFull: (imageId) => `${urls.imageService2(imageId)}/full/max/0/default.jpg`,
    // Content Search 1.0 inside the 2.1 space: its hits target the 2.1 canvases.
    contentSearch: (version, id) => (version === 1 ? urls.iiif2Part(id, 'search') : urls.contentSearch(version, id)),
    contentSearchAutocomplete: (version, id) => (version === 1 ? urls.iiif2Part(id, 'search/autocomplete') : urls.contentSearchAutocomplete(version, id)),
  };
}
