/**
 * How text is cut into words and folded for search, the same at ingest and at query time:
 * Unicode compatibility decomposition (NFKD), combining marks dropped, lower case. So `Ő`, `ő`
 * and `o` match, as do `ű` and `u`, `ё` and `е`, `É` and `e`. One letter is kept apart on
 * purpose: Cyrillic `й` (and `Й`) stays `й` rather than folding to `и`, since it is a letter of
 * its own in Russian and Ukrainian, and folding it would make `мой` ("my") match `мои` ("mine").
 */

/** A word of a text: where it is (UTF-16 offsets, end exclusive) and its folded form. */
export interface Token {
  start: number;
  end: number;
  term: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const COMBINING_MARK = /\p{M}/gu;
const SHORT_I = /[йЙ]/u;

/** The folded form of a word (or any string): what the index stores and what a query is matched on. */
export function foldTerm(word: string): string {
  const composed = word.normalize('NFC');
  if (!SHORT_I.test(composed)) return composed.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
  let folded = '';
  for (const char of composed) folded += char === 'й' || char === 'Й' ? 'й' : char.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
  return folded;
}

/** The words of a text in order, with their offsets in it. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = foldTerm(match[0]);
    if (term.length > 0) tokens.push({ start: match.index, end: match.index + match[0].length, term });
  }
  return tokens;
}
