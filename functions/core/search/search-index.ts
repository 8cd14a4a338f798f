/**
 * The per-record search index: built at ingest from the record's search sources and stored
 * beside its texts, so that a search reads one object and scans no text. Pure: the same sources
 * give the same index, byte for byte.
 *
 * Format (version `SEARCH_INDEX_VERSION`; bump it when the format or the folding changes, and the
 * index is stored under a new key and built again):
 * - `terms`: every folded term of the sources, sorted (prefix look-ups for autocomplete);
 * - `postings[t]`: where `terms[t]` occurs, flat pairs `[source, position, ...]` in order;
 * - `tokens[s]`: the words of source `s` in order, flat triples `[term, start, end, ...]`
 *   (UTF-16 offsets into the source's value, end exclusive), for phrases and snippets.
 */
import * as z from 'zod/mini';
import { canonicalJson } from '../records/canonical-json.ts';
import { sha256Hex } from '../records/record-fingerprint.ts';
import { tokenise } from './fold-text.ts';
import type { SearchSource } from './search-sources.ts';

export const SEARCH_INDEX_VERSION = 1;

const count = z.int().check(z.gte(0));
export const SearchIndexSchema = z.object({
  format: z.literal('content-search-index'),
  version: z.literal(SEARCH_INDEX_VERSION),
  /** How many sources the index was built from: a check that it is read with the sources it was built from. */
  sources: count,
  terms: z.array(z.string()),
  postings: z.array(z.array(count)),
  tokens: z.array(z.array(count)),
});
export type SearchIndex = z.infer<typeof SearchIndexSchema>;

export function buildSearchIndex(sources: readonly SearchSource[]): SearchIndex {
  const tokenised = sources.map((source) => tokenise(source.value));
  const terms = [...new Set(tokenised.flatMap((tokens) => tokens.map((token) => token.term)))].sort();
  const termIds = new Map(terms.map((term, index) => [term, index]));
  const postings: number[][] = terms.map(() => []);
  const tokens = tokenised.map((words, source) =>
    words.flatMap((word, position) => {
      const id = termIds.get(word.term) as number;
      postings[id]?.push(source, position);
      return [id, word.start, word.end];
    }),
  );
  return { format: 'content-search-index', version: SEARCH_INDEX_VERSION, sources: sources.length, terms, postings, tokens };
}

/** The digest that names an index: of its format version and of everything it is built from. */
export function searchIndexDigest(sources: readonly SearchSource[]): string {
  return sha256Hex(canonicalJson({ version: SEARCH_INDEX_VERSION, sources }));
}

export const encodeSearchIndex = (index: SearchIndex): Uint8Array => new TextEncoder().encode(JSON.stringify(index));

/** The index a stored object holds, or undefined when it is not one this version reads (built again then). */
export function decodeSearchIndex(bytes: Uint8Array, sources: readonly SearchSource[]): SearchIndex | undefined {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  const result = SearchIndexSchema.safeParse(json);
  if (!result.success || result.data.sources !== sources.length || result.data.tokens.length !== sources.length) return undefined;
  return result.data;
}
