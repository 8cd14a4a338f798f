/**
 * The JSON-LD a Content Search service answers with, from one page of hits: API 1.0 (an
 * `sc:AnnotationList` with `hits`, read by Mirador 4) and API 2.0 (an `AnnotationPage` with
 * `contextualizing` annotations), and the autocomplete term lists of both. Pure.
 */
import type { HitTarget } from './hit-targets.ts';
import type { Completion, Snippet } from './query-index.ts';
import { SEARCH_1_CONTEXT, SEARCH_2_CONTEXT } from './search-services.ts';

export const PRESENTATION_2_CONTEXT = 'http://iiif.io/api/presentation/2/context.json';
/** The request parameters each API defines that this service does not apply (there are no users or creation dates to filter by, and one motivation). */
export const UNSUPPORTED_SEARCH_PARAMETERS = ['motivation', 'date', 'user'] as const;

/** One hit of a page: its number across all pages (0-based), what it quotes, where it is. */
export interface PageHit {
  number: number;
  snippet: Snippet;
  target: HitTarget;
}

export interface SearchPage {
  /** The service's URL, without a query. */
  service: string;
  q: string;
  /** 0-based. */
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  hits: PageHit[];
  /** Parameters given but not applied, in the order of `UNSUPPORTED_SEARCH_PARAMETERS`. */
  ignored: string[];
  /** Whether the request named its page (its id then says which). */
  pageRequested: boolean;
}

export const searchUrl = (service: string, q: string, page?: number) => `${service}?q=${encodeURIComponent(q)}${page === undefined ? '' : `&page=${page}`}`;

const pageId = (page: SearchPage) => searchUrl(page.service, page.q, page.pageRequested ? page.page : undefined);
const hitId = (page: SearchPage, hit: PageHit) => `${searchUrl(page.service, page.q)}#hit-${hit.number + 1}`;
const ignoredOf = (page: SearchPage) => (page.ignored.length > 0 ? { ignored: page.ignored } : {});

/** Links to the pages around this one (0-based numbers), only where they exist. */
function neighbours(page: SearchPage): { next?: string; prev?: string } {
  return {
    ...(page.page + 1 < page.pageCount ? { next: searchUrl(page.service, page.q, page.page + 1) } : {}),
    ...(page.page > 0 ? { prev: searchUrl(page.service, page.q, page.page - 1) } : {}),
  };
}

/** Content Search 1.0: an AnnotationList of painting annotations on canvases, with their hits. */
export function buildSearch1Response(page: SearchPage): object {
  const { next, prev } = neighbours(page);
  return {
    '@context': [PRESENTATION_2_CONTEXT, SEARCH_1_CONTEXT],
    '@id': pageId(page),
    '@type': 'sc:AnnotationList',
    within: {
      '@type': 'sc:Layer',
      total: page.total,
      ...(page.pageCount > 1 ? { first: searchUrl(page.service, page.q, 0), last: searchUrl(page.service, page.q, page.pageCount - 1) } : {}),
      ...ignoredOf(page),
    },
    ...(next ? { next } : {}),
    ...(prev ? { prev } : {}),
    startIndex: page.page * page.pageSize,
    resources: page.hits.map((hit) => ({
      '@id': hitId(page, hit),
      '@type': 'oa:Annotation',
      motivation: 'sc:painting',
      resource: { '@type': 'cnt:ContentAsText', chars: hit.snippet.match },
      on: hit.target.canvas,
    })),
    hits: page.hits.map((hit) => ({
      '@type': 'search:Hit',
      annotations: [hitId(page, hit)],
      match: hit.snippet.match,
      before: hit.snippet.before,
      after: hit.snippet.after,
    })),
  };
}

/**
 * The motivation of a 2.0 hit in `items`: the matched words are part of a text the manifest
 * attaches to the canvas as `supplementing` (a translation or transcription, not painted on it).
 * `highlighting` and `contextualizing` are the motivations of the annotations *about* the hits
 * (2.0 sections 4.3.1 and 4.3.2), which target the hits, not the canvas.
 */
export const SEARCH_2_HIT_MOTIVATION = 'supplementing';

/** Content Search 2.0: an AnnotationPage of the matched words as annotations on canvases, and their context as TextQuoteSelectors. */
export function buildSearch2Response(page: SearchPage): object {
  const { next, prev } = neighbours(page);
  const pageRef = (id: string) => ({ id, type: 'AnnotationPage' });
  return {
    '@context': SEARCH_2_CONTEXT,
    id: pageId(page),
    type: 'AnnotationPage',
    partOf: {
      id: searchUrl(page.service, page.q),
      type: 'AnnotationCollection',
      total: page.total,
      first: pageRef(searchUrl(page.service, page.q, 0)),
      last: pageRef(searchUrl(page.service, page.q, Math.max(0, page.pageCount - 1))),
    },
    ...(next ? { next: pageRef(next) } : {}),
    ...(prev ? { prev: pageRef(prev) } : {}),
    startIndex: page.page * page.pageSize,
    ...ignoredOf(page),
    items: page.hits.map((hit) => ({
      id: hitId(page, hit),
      type: 'Annotation',
      motivation: SEARCH_2_HIT_MOTIVATION,
      body: { type: 'TextualBody', value: hit.snippet.match, format: 'text/plain', ...(hit.target.language ? { language: hit.target.language } : {}) },
      target: hit.target.canvas,
    })),
    annotations: [
      {
        type: 'AnnotationPage',
        items: page.hits.map((hit) => ({
          id: `${hitId(page, hit)}-context`,
          type: 'Annotation',
          motivation: 'contextualizing',
          target: {
            type: 'SpecificResource',
            source: hitId(page, hit),
            selector: [
              {
                type: 'TextQuoteSelector',
                ...(hit.snippet.before ? { prefix: hit.snippet.before } : {}),
                exact: hit.snippet.match,
                ...(hit.snippet.after ? { suffix: hit.snippet.after } : {}),
              },
            ],
          },
        })),
      },
    ],
  };
}

export interface TermList {
  /** The autocomplete service's URL, without a query, and the search service the terms search. */
  autocomplete: string;
  search: string;
  q: string;
  /** `min` when the request gave it. */
  min?: number;
  completions: Completion[];
  ignored: string[];
}

const termListId = (list: TermList) => `${list.autocomplete}?q=${encodeURIComponent(list.q)}${list.min === undefined ? '' : `&min=${list.min}`}`;

/** Content Search 1.0 autocomplete: a `search:TermList`. */
export function buildAutocomplete1Response(list: TermList): object {
  return {
    '@context': SEARCH_1_CONTEXT,
    '@id': termListId(list),
    '@type': 'search:TermList',
    ...(list.ignored.length > 0 ? { ignored: list.ignored } : {}),
    terms: list.completions.map((completion) => ({ match: completion.match, url: searchUrl(list.search, completion.match), count: completion.count })),
  };
}

/** Content Search 2.0 autocomplete: a `TermPage`. */
export function buildAutocomplete2Response(list: TermList): object {
  return {
    '@context': SEARCH_2_CONTEXT,
    id: termListId(list),
    type: 'TermPage',
    ...(list.ignored.length > 0 ? { ignored: list.ignored } : {}),
    items: list.completions.map((completion) => ({ type: 'Term', value: completion.match, total: completion.count })),
  };
}
