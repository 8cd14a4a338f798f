/** A search of a record as a whole: which canvas each hit targets, and pages of hits. */
import { describe, expect, it } from 'vitest';
import { buildSearch1Response } from '../../../functions/core/search/content-search-responses.ts';
import { buildSearchIndex } from '../../../functions/core/search/search-index.ts';
import { searchRecord } from '../../../functions/core/search/search-record.ts';
import { searchSources } from '../../../functions/core/search/search-sources.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { record110020, TEST_BASE_URL } from '../../support/fixtures.ts';

const urls = serviceUrls(TEST_BASE_URL);
const canvas = (name: string) => `${TEST_BASE_URL}/iiif/3/110020/canvas/${name}`;

function search(record: ArchivalRecord, q: string, page?: number, pageSize?: number) {
  const sources = searchSources(record);
  const outcome = searchRecord(
    record,
    { sources, index: buildSearchIndex(sources), origin: 'built' },
    { version: 1, q, page, ignored: [], ...(pageSize ? { pageSize } : {}) },
    urls,
  );
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.page;
}

describe('hit targets', () => {
  it('puts a hit in a text that names its leaf on that leaf’s canvas, and one in an undivided text on the first it covers', async () => {
    const record = await record110020();
    const transcription = { kind: 'transcription' as const, language: 'ru', text: 'Товарищу Ким Ир Сену.', leaves: [{ number: 39, reverse: false }] };
    const withLeaf: ArchivalRecord = { ...record, texts: [...record.texts, transcription] };
    expect(search(withLeaf, 'Сену').hits.map((hit) => hit.target)).toEqual([
      { canvas: canvas('l39'), annotation: `${TEST_BASE_URL}/iiif/3/110020/annotation/transcription-ru`, language: 'ru' },
    ]);
    expect(new Set(search(withLeaf, 'Kim').hits.map((hit) => hit.target.canvas))).toEqual(new Set([canvas('l37')]));
  });

  it('puts a hit in the title or the metadata on the first canvas', async () => {
    const record = await record110020();
    const hits = search(record, '"Zedong regarding Meetings"').hits;
    expect(hits.length).toBeGreaterThanOrEqual(1);
    for (const hit of hits) expect(hit.target).toEqual({ canvas: canvas('l37') });
  });
});

describe('pages', () => {
  it('divides the hits into pages of the size asked, each continuing where the last stopped', async () => {
    const record = await record110020();
    const all = search(record, 'the', 0, 1000);
    const first = search(record, 'the', 0, 10);
    const second = search(record, 'the', 1, 10);
    expect(first.pageCount).toBe(Math.ceil(all.total / 10));
    expect([...first.hits, ...second.hits].map((hit) => hit.number)).toEqual(all.hits.slice(0, 20).map((hit) => hit.number));
    const response = buildSearch1Response(second) as { startIndex: number; next: string; prev: string };
    expect(response.startIndex).toBe(10);
    expect(response.prev).toBe(`${TEST_BASE_URL}/iiif/search/1/110020?q=the&page=0`);
    expect(response.next).toBe(`${TEST_BASE_URL}/iiif/search/1/110020?q=the&page=2`);
  });

  it('has no page past the last, and no search without a word', async () => {
    const record = await record110020();
    const sources = searchSources(record);
    const index = { sources, index: buildSearchIndex(sources), origin: 'built' as const };
    expect(searchRecord(record, index, { version: 2, q: 'kim', page: 5, ignored: [] }, urls)).toEqual({ ok: false, reason: 'no-such-page', pageCount: 1 });
    expect(searchRecord(record, index, { version: 2, q: '—', page: undefined, ignored: [] }, urls)).toEqual({ ok: false, reason: 'no-words' });
  });
});
