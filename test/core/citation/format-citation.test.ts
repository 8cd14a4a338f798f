import { beforeAll, describe, expect, it } from 'vitest';
import { formatCitation } from '../../../functions/api/citation/citation-engines.ts';
import { buildCslItem } from '../../../functions/core/citation/build-csl-item.ts';
import { CITATION_LOCALES, CITATION_STYLES, type CitationStyle } from '../../../functions/core/citation/citation-styles.ts';
import { withEveryNameInverted } from '../../../functions/core/citation/format-citation.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { record110020, repoPath, TEST_BASE_URL, testApp } from '../../support/fixtures.ts';

const urls = serviceUrls(TEST_BASE_URL);
const CSL_DIR = repoPath('data/csl');
const locale = CITATION_LOCALES[0] as (typeof CITATION_LOCALES)[number];
const style = (id: string) => CITATION_STYLES.find((s) => s.id === id) as CitationStyle;

let record: ArchivalRecord;
beforeAll(async () => {
  record = await record110020();
});

/** 110020 (or a variant of it) formatted in one style. */
const cite = (styleId: string, form: 'bibliography' | 'note', format: 'text' | 'html' = 'text', cited: ArchivalRecord = record) =>
  formatCitation(CSL_DIR, buildCslItem(cited, urls), { style: style(styleId), locale, form, format });

/*
 * Written by hand from the Chicago Manual of Style (18th ed.) for an unpublished letter held in
 * an archive and consulted online, not copied from the processor's output:
 *
 * - Author first, not inverted: Chinese names are written family name first and are not inverted
 *   or given a comma in a bibliography (CMOS 11.83, 13.81): "Mao Zedong.", never "Zedong, Mao".
 * - The archive's title of the item is a specific title, so it is quoted (CMOS 14.114), in
 *   headline style as the archive gives it: the preposition "regarding" stays lowercase
 *   (CMOS 8.159), and the title's own "I.V. Stalin" is reproduced as written.
 * - Then the generic description of the item, capitalised and not quoted, naming the kind of
 *   communication and the addressee, as for letters (CMOS 14.111, 14.114): "Telegram to
 *   I. V. Stalin", with the addressee's initials spaced (CMOS 10.12).
 * - The full date of the communication: "January 27, 1951".
 * - The location within the archive in the repository's own notation (fond, opis, delo, leaves),
 *   as an identifier, kept as written ("ll. 37-40").
 * - The repository that holds the cited copy, and its place: "History and Public Policy Program
 *   Digital Archive, Washington, DC."
 * - The URL of the cited copy last, with a closing full stop (CMOS 14.100-14.101).
 *
 * Elements are separated by full stops in the bibliography form (CMOS 14.22).
 */
const CHICAGO_BIBLIOGRAPHY_110020 =
  'Mao Zedong. “Telegram from Mao Zedong to I.V. Stalin, Conveying the 19 January 1951 Telegram from Peng Dehuai to Mao Zedong regarding Meetings with Kim Il Sung.” ' +
  'Telegram to I. V. Stalin. January 27, 1951. APRF, f. 45, op. 1, d. 337, ll. 37-40. ' +
  'History and Public Policy Program Digital Archive, Washington, DC. https://archive.example.org/records/110020.';

/* The same elements in note form: commas instead of full stops, author in the same order (CMOS 14.22). */
const CHICAGO_NOTE_110020 =
  'Mao Zedong, “Telegram from Mao Zedong to I.V. Stalin, Conveying the 19 January 1951 Telegram from Peng Dehuai to Mao Zedong regarding Meetings with Kim Il Sung,” ' +
  'Telegram to I. V. Stalin, January 27, 1951, APRF, f. 45, op. 1, d. 337, ll. 37-40, ' +
  'History and Public Policy Program Digital Archive, Washington, DC, https://archive.example.org/records/110020.';

describe('formatted citations of 110020', () => {
  it('match the hand-checked Chicago notes-bibliography bibliography entry', async () => {
    const text = await cite('chicago-notes-bibliography', 'bibliography', 'text');
    expect(text).toBe(CHICAGO_BIBLIOGRAPHY_110020);
  });

  it('match the hand-checked Chicago note', async () => {
    const text = await cite('chicago-notes-bibliography', 'note', 'text');
    expect(text).toBe(CHICAGO_NOTE_110020);
  });

  /*
   * APA 7 writes every author family name, comma, initials, a family-first name included
   * (section 9.8): "Mao, Z.", and "(Mao, 1951)" in the text. Chicago and MLA keep "Mao Zedong".
   */
  it.each([
    ['bibliography', 'Mao, Z. (1951, January 27). Telegram from Mao Zedong to I.V. Stalin'],
    ['note', '(Mao, 1951)'],
  ] as const)('invert the family-first name with initials in APA (%s)', async (form, expected) => {
    const text = await cite('apa', form);
    expect(text.startsWith(expected)).toBe(true);
  });

  it.each([
    ['chicago-author-date', 'Mao Zedong. 1951.'],
    ['apa', '(1951, January 27)'],
    ['modern-language-association', 'Mao Zedong.'],
  ])('render %s with the author, the archival location and the URL', async (id, expected) => {
    const text = await cite(id, 'bibliography');
    expect(text).toContain(expected);
    expect(text).toContain('APRF, f. 45, op. 1, d. 337, ll. 37-40');
    expect(text).toContain('https://archive.example.org/records/110020');
  });

  it('render HTML as a csl-entry element', async () => {
    const html = await cite('chicago-notes-bibliography', 'bibliography', 'html');
    expect(html).toMatch(/^<div class="csl-entry">Mao Zedong\. /);
  });

  it.each([
    ['text', '“Costs < 5% & Rising.”'],
    ['html', '“Costs &#60; 5% &#38; Rising.”'],
  ] as const)('keep special characters of a title in %s', async (format, expected) => {
    const out = await cite('chicago-notes-bibliography', 'bibliography', format, { ...record, title: 'Costs < 5% & Rising' });
    expect(out).toContain(expected);
  });

  it("format a changed record anew, never from the engine's copy of the old one", async () => {
    await cite('chicago-notes-bibliography', 'bibliography');
    const changed = await cite('chicago-notes-bibliography', 'bibliography', 'text', { ...record, title: 'A Corrected Title' });
    expect(changed).toContain('“A Corrected Title.”');
  });
});

describe('GET /records/{id}/citation', () => {
  it('serves the Chicago bibliography entry as plain text by default', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/110020/citation');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await res.text()).trim()).toBe(CHICAGO_BIBLIOGRAPHY_110020);
  });

  it.each([
    ['?style=chicago-notes-bibliography&form=note', CHICAGO_NOTE_110020],
    ['?style=chicago&form=bibliography', CHICAGO_BIBLIOGRAPHY_110020],
    ['?style=chicago-fullnote-bibliography&locale=en', CHICAGO_BIBLIOGRAPHY_110020],
  ])('answers %s', async (query, expected) => {
    const { app } = await testApp();
    const res = await app.request(`/records/110020/citation${query}`);
    expect((await res.text()).trim()).toBe(expected);
  });

  it('serves HTML when asked with format=html, under a CSP that allows nothing', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/110020/citation?style=apa&format=html');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await res.text()).toContain('<div class="csl-entry">');
  });

  it('serves HTML when Accept prefers it and no format is given', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/110020/citation?style=apa', { headers: { Accept: 'text/html' } });
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Accept');
  });

  it.each([
    ['?style=harvard', 'styles'],
    ['?locale=fr-FR', 'locales'],
    ['?form=footnote', 'forms'],
    ['?format=pdf', 'formats'],
  ])('answers %s with 400 listing what is offered', async (query, member) => {
    const { app } = await testApp();
    const res = await app.request(`/records/110020/citation${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { [member: string]: unknown };
    expect(Array.isArray(problem[member])).toBe(true);
  });

  it('answers an unknown record with 404', async () => {
    const { app } = await testApp();
    expect((await app.request('/records/999999/citation')).status).toBe(404);
  });

  it('varies its ETag with the style', async () => {
    const { app } = await testApp();
    const a = await app.request('/records/110020/citation?style=apa');
    const b = await app.request('/records/110020/citation?style=chicago-author-date');
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
    const again = await app.request('/records/110020/citation?style=apa', { headers: { 'If-None-Match': a.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });
});

describe('withEveryNameInverted', () => {
  it('drops static-ordering from personal names only, leaving the item as it was', () => {
    const item = {
      ...buildCslItem(record, urls),
      author: [{ family: 'Mao', given: 'Zedong', 'static-ordering': true }, { literal: 'Central Committee' }],
      translator: [{ family: 'Kim', 'static-ordering': true }],
    };
    const inverted = withEveryNameInverted(item);
    expect(inverted.author).toEqual([{ family: 'Mao', given: 'Zedong' }, { literal: 'Central Committee' }]);
    expect(inverted.translator).toEqual([{ family: 'Kim' }]);
    expect(item.author[0]).toHaveProperty('static-ordering', true);
  });
});
