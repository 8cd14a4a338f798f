/**
 * The Content Search services a record's manifest declares: API 2.0 (`SearchService2` with its
 * `AutoCompleteService2`) and API 1.0 (profile `http://iiif.io/api/search/1/search`, with its
 * autocomplete nested inside), which Mirador 4 looks for by that profile. Pure, for any
 * manifest that declares them (Presentation 3, and 2.1 with `presentation2SearchService`).
 */
import type { ServiceUrls } from '../urls.ts';

export const SEARCH_1_CONTEXT = 'http://iiif.io/api/search/1/context.json';
export const SEARCH_2_CONTEXT = 'http://iiif.io/api/search/2/context.json';
export const SEARCH_1_PROFILE = 'http://iiif.io/api/search/1/search';
export const AUTOCOMPLETE_1_PROFILE = 'http://iiif.io/api/search/1/autocomplete';

export interface SearchService2 {
  id: string;
  type: 'SearchService2';
  service: Array<{ id: string; type: 'AutoCompleteService2' }>;
}

/** A Search 1.0 service as Presentation 3 lists services of older APIs: `@id`, `@type` and `profile`. */
export interface SearchService1 {
  '@id': string;
  '@type': 'SearchService1';
  profile: typeof SEARCH_1_PROFILE;
  service: Array<{ '@id': string; '@type': 'AutoCompleteService1'; profile: typeof AUTOCOMPLETE_1_PROFILE }>;
}

/** A Search 1.0 service as Presentation 2.1 writes it (the Search 1.0 specification's own form). */
export interface Presentation2SearchService {
  '@context': typeof SEARCH_1_CONTEXT;
  '@id': string;
  profile: typeof SEARCH_1_PROFILE;
  service: { '@id': string; profile: typeof AUTOCOMPLETE_1_PROFILE };
}

/** The services of a Presentation 3 manifest: version 2 and version 1, side by side. */
export function contentSearchServices(recordId: string, urls: ServiceUrls): [SearchService2, SearchService1] {
  return [
    {
      id: urls.contentSearch(2, recordId),
      type: 'SearchService2',
      service: [{ id: urls.contentSearchAutocomplete(2, recordId), type: 'AutoCompleteService2' }],
    },
    {
      '@id': urls.contentSearch(1, recordId),
      '@type': 'SearchService1',
      profile: SEARCH_1_PROFILE,
      service: [{ '@id': urls.contentSearchAutocomplete(1, recordId), '@type': 'AutoCompleteService1', profile: AUTOCOMPLETE_1_PROFILE }],
    },
  ];
}

/** The Search 1.0 service of a Presentation 2.1 manifest. */
export function presentation2SearchService(recordId: string, urls: ServiceUrls): Presentation2SearchService {
  return {
    '@context': SEARCH_1_CONTEXT,
    '@id': urls.contentSearch(1, recordId),
    profile: SEARCH_1_PROFILE,
    service: { '@id': urls.contentSearchAutocomplete(1, recordId), profile: AUTOCOMPLETE_1_PROFILE },
  };
}
