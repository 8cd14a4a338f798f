/**
 * Queries over a search index: hits for a query, and completions for the start of a term.
 *
 * A query is a list of units: each `"quoted phrase"` is one unit (its words in that order, next
 * to each other), each other word is a unit of its own. A record matches when every unit occurs
 * in it (anywhere: in its texts, title, summary or metadata); its hits are the occurrences of
 * the units, and occurrences next to each other in one source make one hit, so `Kim Il Sung`
 * finds each mention of the name once, whole.
 */
import { foldTerm, tokenise } from './fold-text.ts';
import type { SearchIndex } from './search-index.ts';
import type { SearchSource } from './search-sources.ts';

/** A query's units: each a sequence of folded terms. */
export type SearchQuery = string[][];

/** The units of `q`; empty when it holds no word. */
export function parseQuery(q: string): SearchQuery {
  const units: SearchQuery = [];
  const parts = q.split('"');
  parts.forEach((part, index) => {
    const terms = tokenise(part).map((token) => token.term);
    // Odd parts were inside quotes (an unclosed quote runs to the end of the query).
    if (index % 2 === 1) {
      if (terms.length > 0) units.push(terms);
    } else for (const term of terms) units.push([term]);
  });
  return units;
}

/** A hit: the words `first` to `last` (positions) of source `source`, at `start`-`end` of its value. */
export interface Hit {
  source: number;
  first: number;
  last: number;
  start: number;
  end: number;
}

function termId(index: SearchIndex, term: string): number | undefined {
  let low = 0;
  let high = index.terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((index.terms[middle] as string) < term) low = middle + 1;
    else high = middle;
  }
  return index.terms[low] === term ? low : undefined;
}

const termAt = (index: SearchIndex, source: number, position: number) => index.tokens[source]?.[position * 3];

/** Where a unit occurs: [source, first position] of each occurrence. */
function occurrences(index: SearchIndex, unit: readonly string[]): Array<[number, number]> {
  const ids = unit.map((term) => termId(index, term));
  const [head] = ids;
  if (head === undefined || ids.some((id) => id === undefined)) return [];
  const postings = index.postings[head] ?? [];
  const found: Array<[number, number]> = [];
  for (let i = 0; i < postings.length; i += 2) {
    const source = postings[i] as number;
    const position = postings[i + 1] as number;
    if (ids.every((id, k) => termAt(index, source, position + k) === id)) found.push([source, position]);
  }
  return found;
}

/**
 * Every hit of the query, in source order then text order. Occurrences of different units next to
 * each other make one hit; a unit met again starts a new one (`Kim Il Sung. Kim` is two hits).
 */
export function findHits(index: SearchIndex, query: SearchQuery): Hit[] {
  const spans: Array<{ source: number; first: number; last: number; unit: number }> = [];
  for (const [unit, terms] of query.entries()) {
    const found = occurrences(index, terms);
    if (found.length === 0) return [];
    for (const [source, first] of found) spans.push({ source, first, last: first + terms.length - 1, unit });
  }
  spans.sort((a, b) => a.source - b.source || a.first - b.first || a.last - b.last);
  const hits: Array<Hit & { units: Set<number> }> = [];
  for (const span of spans) {
    const previous = hits.at(-1);
    if (previous && previous.source === span.source && span.first <= previous.last + 1 && !previous.units.has(span.unit)) {
      previous.last = Math.max(previous.last, span.last);
      previous.units.add(span.unit);
      continue;
    }
    // An occurrence inside the previous hit (the same words found by two units) adds nothing.
    if (previous && previous.source === span.source && span.last <= previous.last) continue;
    hits.push({ source: span.source, first: span.first, last: span.last, start: 0, end: 0, units: new Set([span.unit]) });
  }
  return hits.map(({ units: _units, ...hit }) => {
    const tokens = index.tokens[hit.source] ?? [];
    return { ...hit, start: tokens[hit.first * 3 + 1] ?? 0, end: tokens[hit.last * 3 + 2] ?? 0 };
  });
}

/** The text around a hit, as a reader sees it: whitespace collapsed, cut at word boundaries. */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

const collapse = (text: string) => text.replace(/\s+/gu, ' ');

export function snippetOf(value: string, hit: Pick<Hit, 'start' | 'end'>, context = 60): Snippet {
  let before = value.slice(Math.max(0, hit.start - context), hit.start);
  if (hit.start > context) before = before.replace(/^\S*\s?/u, '');
  let after = value.slice(hit.end, hit.end + context);
  if (hit.end + context < value.length) after = after.replace(/\s?\S*$/u, '');
  return { before: collapse(before).trimStart(), match: collapse(value.slice(hit.start, hit.end)), after: collapse(after).trimEnd() };
}

/** A completion of the start of a term: what to search for, and how many hits that search has. */
export interface Completion {
  match: string;
  count: number;
}

/**
 * Terms (or, for a start of several words, phrases) that begin with `prefix`, the most frequent
 * first, then alphabetically; each shown as it is first written in the record, in lower case.
 */
export function completeTerm(index: SearchIndex, sources: readonly SearchSource[], prefix: string, options: { limit: number; min?: number }): Completion[] {
  const words = tokenise(prefix).map((token) => token.term);
  const last = words.pop();
  if (last === undefined) return [];
  // By folded form: each completion once, shown as first written.
  const counts = new Map<string, Completion>();
  const add = (match: string, count: number) => {
    const key = foldTerm(match);
    const known = counts.get(key);
    if (known) known.count += count;
    else counts.set(key, { match, count });
  };
  const shown = (source: number, first: number, lastPosition: number) => {
    const tokens = index.tokens[source] ?? [];
    const value = sources[source]?.value ?? '';
    return collapse(value.slice(tokens[first * 3 + 1], tokens[lastPosition * 3 + 2])).toLowerCase();
  };
  if (words.length === 0) {
    // Terms are sorted, so those with the prefix are one run of them.
    let low = 0;
    let high = index.terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((index.terms[middle] as string) < last) low = middle + 1;
      else high = middle;
    }
    for (let t = low; t < index.terms.length && (index.terms[t] as string).startsWith(last); t++) {
      const postings = index.postings[t] ?? [];
      if (postings.length === 0) continue;
      add(shown(postings[0] as number, postings[1] as number, postings[1] as number), postings.length / 2);
    }
  } else {
    for (const [source, first] of occurrences(index, words)) {
      const next = first + words.length;
      const id = termAt(index, source, next);
      if (id === undefined || !(index.terms[id] as string).startsWith(last)) continue;
      add(shown(source, first, next), 1);
    }
  }
  return [...counts.values()]
    .filter((completion) => completion.count >= (options.min ?? 1))
    .sort((a, b) => b.count - a.count || (a.match < b.match ? -1 : a.match > b.match ? 1 : 0))
    .slice(0, options.limit);
}
