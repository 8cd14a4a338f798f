/**
 * One search of a record, from its index to a page of hits ready for either API's response.
 * Pure: the record, its index and the request's values in, a page (or the reason there is none) out.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import type { SearchPage } from './content-search-responses.ts';
import { hitTargets } from './hit-targets.ts';
import { findHits, parseQuery, snippetOf } from './query-index.ts';
import type { RecordSearchIndex } from './record-search-index.ts';

/** Hits per page of results. */
export const SEARCH_PAGE_SIZE = 50;

export interface SearchRequest {
  version: 1 | 2;
  q: string;
  /** 0-based; undefined for the first page asked for without a number. */
  page: number | undefined;
  ignored: string[];
  pageSize?: number;
}

export type SearchOutcome = { ok: true; page: SearchPage } | { ok: false; reason: 'no-words' } | { ok: false; reason: 'no-such-page'; pageCount: number };

export function searchRecord(record: ArchivalRecord, searchIndex: RecordSearchIndex, request: SearchRequest, urls: ServiceUrls): SearchOutcome {
  const query = parseQuery(request.q);
  if (query.length === 0) return { ok: false, reason: 'no-words' };
  const pageSize = request.pageSize ?? SEARCH_PAGE_SIZE;
  const hits = findHits(searchIndex.index, query);
  const pageCount = Math.max(1, Math.ceil(hits.length / pageSize));
  const page = request.page ?? 0;
  if (page >= pageCount) return { ok: false, reason: 'no-such-page', pageCount };
  const targets = hitTargets(record, searchIndex.sources, urls);
  const first = page * pageSize;
  return {
    ok: true,
    page: {
      service: urls.contentSearch(request.version, record.id),
      q: request.q,
      page,
      pageCount,
      pageSize,
      total: hits.length,
      pageRequested: request.page !== undefined,
      ignored: request.ignored,
      hits: hits.slice(first, first + pageSize).map((hit, offset) => ({
        number: first + offset,
        snippet: snippetOf(searchIndex.sources[hit.source]?.value ?? '', hit),
        target: targets[hit.source] ?? { canvas: urls.manifest(record.id) },
      })),
    },
  };
}
