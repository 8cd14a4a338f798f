import { beforeAll, describe, expect, it } from 'vitest';
import { citationKey } from '../../functions/core/citation/citation-key.ts';
import { escapeLatex } from '../../functions/core/citation/escape-latex.ts';
import { writeBiblatex, writeBibtex } from '../../functions/core/citation/write-bibtex.ts';
import { serviceUrls } from '../../functions/core/urls.ts';
import type { ArchivalRecord } from '../../schemas/record.ts';
import { record110020, TEST_BASE_URL, testApp } from '../support/fixtures.ts';
import { folded, readWithBibtexParser, readWithCitationJs } from './readers.ts';

const urls = serviceUrls(TEST_BASE_URL);
let record: ArchivalRecord;
beforeAll(async () => {
  record = await record110020();
});

describe('BibTeX (@misc) of 110020', () => {
  it('parses with @retorquere/bibtex-parser without errors', async () => {
    const library = await readWithBibtexParser(writeBibtex(record, urls));
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(1);
    expect(library.entries[0]?.type).toBe('misc');
  });

  it('reads back author, title, kind and addressee, date, URL and archival placement', async () => {
    const [entry] = (await readWithBibtexParser(writeBibtex(record, urls))).entries;
    expect(entry?.key).toBe('mao1951-110020');
    expect(entry?.fields.author).toEqual([{ name: 'Mao Zedong' }]);
    expect(entry?.fields.title).toBe(record.title);
    expect(entry?.fields.howpublished).toBe('Telegram to I.V. Stalin');
    expect([entry?.fields.year, entry?.fields.month, entry?.fields.date]).toEqual(['1951', '1', '1951-01-27']);
    expect(entry?.fields.url).toBe(`${TEST_BASE_URL}/records/110020`);
    expect(entry?.fields.note).toContain('APRF, f. 45, op. 1, d. 337, ll. 37-40, History and Public Policy Program Digital Archive, Washington, DC.');
    expect(entry?.fields.abstract).toBe(record.summary);
  });

  it('is read by citation-js with the author uninverted and the date whole', async () => {
    const [item] = await readWithCitationJs(writeBibtex(record, urls));
    expect(item).toMatchObject({
      'citation-key': 'mao1951-110020',
      author: [{ family: 'Mao Zedong' }],
      title: record.title,
      issued: { 'date-parts': [[1951, 1, 27]] },
      URL: `${TEST_BASE_URL}/records/110020`,
    });
  });
});

describe('BibLaTeX (@letter) of 110020', () => {
  it('parses with @retorquere/bibtex-parser without errors', async () => {
    const library = await readWithBibtexParser(writeBiblatex(record, urls));
    expect(library.errors).toEqual([]);
    expect(library.entries[0]?.type).toBe('letter');
  });

  it('reads back the kind, the addressee, the archive as one organisation and the archival location', async () => {
    const [entry] = (await readWithBibtexParser(writeBiblatex(record, urls))).entries;
    expect(entry?.fields).toMatchObject({
      author: [{ name: 'Mao Zedong' }],
      title: record.title,
      type: 'Telegram',
      date: '1951-01-27',
      note: 'To I.V. Stalin',
      organization: ['History and Public Policy Program Digital Archive'],
      location: ['Washington, DC'],
      library: 'APRF, f. 45, op. 1, d. 337, ll. 37-40',
      abstract: record.summary,
    });
  });

  it('is read by citation-js as a personal communication of genre Telegram', async () => {
    const [item] = await readWithCitationJs(writeBiblatex(record, urls));
    expect(item).toMatchObject({
      type: 'personal_communication',
      genre: 'Telegram',
      author: [{ family: 'Mao Zedong' }],
      issued: { 'date-parts': [[1951, 1, 27]] },
      publisher: 'History and Public Policy Program Digital Archive',
      'call-number': 'APRF, f. 45, op. 1, d. 337, ll. 37-40',
    });
  });

  it('is served at /records/{id}.biblatex.bib', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/110020.biblatex.bib');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(writeBiblatex(record, urls));
  });
});

describe('escaping', () => {
  it.each([
    ['percent and ampersand', '50% of R&D'],
    ['braces', 'a {braced} word'],
    ['LaTeX specials', 'x_1 # $5 ~ ^ back\\slash'],
    ['accented Latin letters', 'Über été Dvořák Łódź Straße'],
    ['typographic punctuation', '“quoted” – and — ‘this’ isn’t… «it»'],
    ['Cyrillic', 'Шифртелеграмма Сталину'],
  ])('round-trips %s through both parsers', async (_label, title) => {
    const variant = { ...record, title };
    for (const text of [writeBibtex(variant, urls), writeBiblatex(variant, urls)]) {
      const library = await readWithBibtexParser(text);
      expect(library.errors).toEqual([]);
      expect(library.entries[0]?.fields.title?.normalize('NFC')).toBe(title);
      const [item] = await readWithCitationJs(text);
      expect(String(item?.title).normalize('NFC')).toBe(title);
    }
  });

  it('writes classic BibTeX in ASCII where LaTeX has a spelling, and BibLaTeX in UTF-8', () => {
    expect(escapeLatex('Dvořák’s 50%', 'ascii')).toBe("Dvo{\\v{r}}{\\'{a}}k\\textquoteright{}s 50\\%");
    expect(escapeLatex('Dvořák’s 50%', 'utf8')).toBe('Dvořák’s 50\\%');
  });

  it('keeps an organisation author whole', async () => {
    const variant: ArchivalRecord = { ...record, agents: [{ role: 'author', agent: { name: 'Ministry of Foreign Affairs & Trade', kind: 'organization' } }] };
    const [entry] = (await readWithBibtexParser(writeBibtex(variant, urls))).entries;
    expect(entry?.fields.author).toEqual([{ name: 'Ministry of Foreign Affairs & Trade' }]);
  });
});

describe('citation key', () => {
  it('is built from the first author, the year and the record id', () => {
    expect(citationKey(record)).toBe('mao1951-110020');
  });

  it('falls back to "anon" and "nd" for an anonymous undated record', () => {
    expect(citationKey({ id: '42', agents: [], date: { display: 'Undated', precision: 'undated' } })).toBe('anonnd-42');
  });

  it('folds diacritics to ASCII', () => {
    const agents = [{ role: 'author' as const, agent: { name: 'Antonín Dvořák', kind: 'person' as const, family: 'Dvořák', given: 'Antonín' } }];
    expect(citationKey({ id: '7', agents, date: { display: '1890', precision: 'year', start: { year: 1890 } } })).toBe('dvorak1890-7');
  });

  it('is the same in BibTeX, BibLaTeX and CSL-JSON', async () => {
    const keys = [
      (await readWithBibtexParser(writeBibtex(record, urls))).entries[0]?.key,
      (await readWithBibtexParser(writeBiblatex(record, urls))).entries[0]?.key,
    ];
    expect(keys).toEqual(['mao1951-110020', 'mao1951-110020']);
  });
});

describe('rights in BibTeX and BibLaTeX', () => {
  it.each([
    ['BibTeX copyright', () => writeBibtex(record, urls), 'copyright'],
    ['BibLaTeX rights', () => writeBiblatex(record, urls), 'rights'],
  ])('%s carries the rights URI and the statement verbatim', async (_label, write, field) => {
    const [entry] = (await readWithBibtexParser(write())).entries;
    const value = folded(String(entry?.fields[field as 'note']));
    expect(value).toContain('http://rightsstatements.org/vocab/InC-EDU/1.0/');
    expect(value).toContain(folded(record.rights.statement));
  });
});
