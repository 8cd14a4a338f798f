/** The search engine on its own: folding, tokens, phrases, several terms, snippets, completions, pages. */
import { describe, expect, it } from 'vitest';
import { foldTerm, tokenise } from '../../../functions/core/search/fold-text.ts';
import { completeTerm, findHits, parseQuery, snippetOf } from '../../../functions/core/search/query-index.ts';
import { buildSearchIndex, decodeSearchIndex, encodeSearchIndex, searchIndexDigest } from '../../../functions/core/search/search-index.ts';
import { presentation2SearchService } from '../../../functions/core/search/search-services.ts';
import type { SearchSource } from '../../../functions/core/search/search-sources.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';

const text = (value: string, index = 0): SearchSource => ({ field: 'text', text: index, value });
const matches = (sources: SearchSource[], q: string) =>
  findHits(buildSearchIndex(sources), parseQuery(q)).map((hit) => sources[hit.source]?.value.slice(hit.start, hit.end));

describe('folding', () => {
  it.each([
    ['Kim', 'kim'],
    ['ÉCOLE', 'ecole'],
    ['Ő', 'o'],
    ['ű', 'u'],
    ['Győr', 'gyor'],
    ['Ёлка', 'елка'],
    ['ПЁТР', 'петр'],
    ['Й', 'й'],
    ['Войска', 'войска'],
    ['ﬁnal', 'final'],
  ])('folds %s to %s', (word, folded) => {
    expect(foldTerm(word)).toBe(folded);
  });

  it('keeps й apart from и, so мой does not match мои', () => {
    expect(foldTerm('мой')).not.toBe(foldTerm('мои'));
  });

  it('finds Hungarian words whatever their accents and case', () => {
    expect(matches([text('A győri Műegyetem és a Szőnyi-féle térkép.')], 'GYORI muegyetem')).toEqual(['győri Műegyetem']);
    expect(matches([text('Szőnyi')], 'szonyi')).toEqual(['Szőnyi']);
  });

  it('finds Cyrillic words whatever the case and ё', () => {
    expect(matches([text('Товарищу Сталину. Ещё одна ТЕЛЕГРАММА.')], 'еще телеграмма')).toEqual(['Ещё', 'ТЕЛЕГРАММА']);
    expect(matches([text('Товарищу Сталину.')], 'сталину')).toEqual(['Сталину']);
  });

  it('cuts words at punctuation and keeps their offsets in the original text', () => {
    expect(tokenise('Kim Il-Sung, 1951.')).toEqual([
      { start: 0, end: 3, term: 'kim' },
      { start: 4, end: 6, term: 'il' },
      { start: 7, end: 11, term: 'sung' },
      { start: 13, end: 17, term: '1951' },
    ]);
  });
});

describe('queries', () => {
  const sources = [
    text('Peng Dehuai met Kim Il Sung. Kim spoke first; later Il Sung and Peng agreed.'),
    { field: 'title', value: 'Meetings with Kim Il Sung' } as SearchSource,
  ];

  it('reads quoted phrases as one unit and other words one by one', () => {
    expect(parseQuery('Kim "Il Sung" peng')).toEqual([['kim'], ['il', 'sung'], ['peng']]);
    expect(parseQuery('"unclosed phrase')).toEqual([['unclosed', 'phrase']]);
    expect(parseQuery(' ,;! ')).toEqual([]);
  });

  it('makes adjacent matches of several terms one hit, in every source', () => {
    expect(matches(sources, 'Kim Il Sung')).toEqual(['Kim Il Sung', 'Kim', 'Il Sung', 'Kim Il Sung']);
  });

  it('matches a phrase only where its words are next to each other, in order', () => {
    expect(matches(sources, '"kim il sung"')).toEqual(['Kim Il Sung', 'Kim Il Sung']);
    expect(matches(sources, '"sung il"')).toEqual([]);
  });

  it('finds nothing unless every unit occurs in the record', () => {
    expect(matches(sources, 'kim stalin')).toEqual([]);
  });

  it('gives the words before and after a hit, cut at word boundaries, whitespace collapsed', () => {
    const value = 'one two three four five six seven\n\neight nine ten';
    const hit = { start: value.indexOf('five'), end: value.indexOf('five') + 4 };
    expect(snippetOf(value, hit, 12)).toEqual({ before: 'three four ', match: 'five', after: ' six seven' });
    expect(snippetOf('five', { start: 0, end: 4 })).toEqual({ before: '', match: 'five', after: '' });
  });

  it('completes the start of a term, the most frequent first, as first written', () => {
    const index = buildSearchIndex(sources);
    expect(completeTerm(index, sources, 'PE', { limit: 10 })).toEqual([{ match: 'peng', count: 2 }]);
    expect(completeTerm(index, sources, 'kim i', { limit: 10 })).toEqual([{ match: 'kim il', count: 2 }]);
    expect(completeTerm(index, sources, 'k', { limit: 10, min: 4 })).toEqual([]);
    expect(completeTerm(index, sources, 'xyz', { limit: 10 })).toEqual([]);
  });

  it('completes Cyrillic and Hungarian starts regardless of accents', () => {
    const words = [text('Ёлка, ёлочка и Győr')];
    const index = buildSearchIndex(words);
    expect(completeTerm(index, words, 'ел', { limit: 10 })).toEqual([
      { match: 'ёлка', count: 1 },
      { match: 'ёлочка', count: 1 },
    ]);
    expect(completeTerm(index, words, 'gyo', { limit: 10 })).toEqual([{ match: 'győr', count: 1 }]);
  });
});

describe('the stored index', () => {
  const sources = [text('Kim Il Sung'), { field: 'title', value: 'A title' } as SearchSource];

  it('reads back what it wrote', () => {
    const index = buildSearchIndex(sources);
    expect(decodeSearchIndex(encodeSearchIndex(index), sources)).toEqual(index);
  });

  it('is refused when it was built from other sources, or is not an index', () => {
    expect(decodeSearchIndex(encodeSearchIndex(buildSearchIndex(sources)), [text('x')])).toBeUndefined();
    expect(decodeSearchIndex(new TextEncoder().encode('{"format":"other"}'), sources)).toBeUndefined();
    expect(decodeSearchIndex(new TextEncoder().encode('not json'), sources)).toBeUndefined();
  });

  it('is named by what it is built from', () => {
    expect(searchIndexDigest(sources)).toBe(searchIndexDigest([...sources]));
    expect(searchIndexDigest(sources)).not.toBe(searchIndexDigest([text('Kim Il Sung.'), sources[1] as SearchSource]));
  });
});

describe('the service descriptions', () => {
  it('gives the 1.0 service in the form the Search 1.0 specification writes it for Presentation 2.1', () => {
    expect(presentation2SearchService('110020', serviceUrls('https://archive.example.org'))).toEqual({
      '@context': 'http://iiif.io/api/search/1/context.json',
      '@id': 'https://archive.example.org/iiif/search/1/110020',
      profile: 'http://iiif.io/api/search/1/search',
      service: { '@id': 'https://archive.example.org/iiif/search/1/110020/autocomplete', profile: 'http://iiif.io/api/search/1/autocomplete' },
    });
  });
});
