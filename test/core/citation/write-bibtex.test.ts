import { beforeAll, describe, expect, it } from 'vitest';
import { citationKey } from '../../../functions/core/citation/citation-key.ts';
import { escapeLatex } from '../../../functions/core/citation/escape-latex.ts';
import { writeBiblatex, writeBibtex } from '../../../functions/core/citation/write-bibtex.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { folded, readWithBibtexParser, readWithCitationJs } from '../../support/citation-readers.ts';
import { record110020, TEST_BASE_URL, testApp } from '../../support/fixtures.ts';

const urls = serviceUrls(TEST_BASE_URL);
let record: ArchivalRecord;
beforeAll(async () => {
  record = await record110020();
});

describe('BibTeX (@unpublished) of 110020', () => {
  it('parses with @retorquere/bibtex-parser without errors', async () => {
    const library = await readWithBibtexParser(writeBibtex(record, urls));
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(1);
    expect(library.entries[0]?.type).toBe('unpublished');
  });

  it('reads back author, title, kind and addressee, date, URL and archival placement', async () => {
    const [entry] = (await readWithBibtexParser(writeBibtex(record, urls))).entries;
    expect(entry?.key).toBe('mao1951-110020');
    expect(entry?.fields.author).toEqual([{ lastName: 'Mao', firstName: 'Zedong' }]);
    expect(entry?.fields.title).toBe(record.title);
    expect(entry?.fields.type).toBe('Telegram');
    expect(entry?.fields.note).toMatch(/^Telegram to I\.V\. Stalin\. /);
    expect([entry?.fields.year, entry?.fields.month, entry?.fields.date]).toEqual(['1951', '1', '1951-01-27']);
    expect(entry?.fields.url).toBe(`${TEST_BASE_URL}/records/110020`);
    expect(entry?.fields.note).toContain('APRF, f. 45, op. 1, d. 337, ll. 37-40, History and Public Policy Program Digital Archive, Washington, DC.');
    expect(entry?.fields.abstract).toBe(record.summary);
  });

  it('is read by citation-js as a manuscript of genre Telegram with the date whole', async () => {
    const [item] = await readWithCitationJs(writeBibtex(record, urls));
    expect(item).toMatchObject({
      'citation-key': 'mao1951-110020',
      type: 'manuscript',
      genre: 'Telegram',
      author: [{ family: 'Mao', given: 'Zedong' }],
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
      author: [{ lastName: 'Mao', firstName: 'Zedong' }],
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
      author: [{ family: 'Mao', given: 'Zedong' }],
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
  const statementField = (bib: string, field: string) => new RegExp(`\\n  ${field} = \\{([^}]*)\\}`).exec(bib)?.[1];

  it.each([
    ['BibTeX copyright', () => writeBibtex(record, urls), 'copyright'],
    ['BibLaTeX rights', () => writeBiblatex(record, urls), 'rights'],
    ['BibLaTeX copyright, which Zotero reads', () => writeBiblatex(record, urls), 'copyright'],
  ])('%s is the statement, unprefixed and verbatim, the blank line between its paragraphs kept', async (_label, write, field) => {
    expect(statementField(write(), field)).toBe(record.rights.statement);
    const [entry] = (await readWithBibtexParser(write())).entries;
    expect(folded(String(entry?.fields[field as 'note']))).toBe(folded(record.rights.statement));
  });
});

describe('item types and roles', () => {
  const translator = { name: 'Gary Goldberg', kind: 'person' as const, family: 'Goldberg', given: 'Gary' };

  it('is @unpublished in BibLaTeX too when the record has no addressee, with its translators', async () => {
    const variant: ArchivalRecord = { ...record, agents: [{ role: 'translator', agent: translator }] };
    const [entry] = (await readWithBibtexParser(writeBiblatex(variant, urls))).entries;
    expect(entry?.type).toBe('unpublished');
    expect(entry?.fields.translator).toEqual([{ lastName: 'Goldberg', firstName: 'Gary' }]);
  });

  it("names a letter's translators in the BibLaTeX addendum, not as translator, which Zotero would make the letter's author", async () => {
    const variant: ArchivalRecord = { ...record, agents: [...record.agents, { role: 'translator', agent: translator }] };
    const [entry] = (await readWithBibtexParser(writeBiblatex(variant, urls))).entries;
    expect(entry?.type).toBe('letter');
    expect(entry?.fields).not.toHaveProperty('translator');
    expect(entry?.fields.addendum).toContain('Translated by Gary Goldberg.');
  });

  it('gives BibTeX translators a translator field, which classic styles ignore and Zotero reads', async () => {
    const variant: ArchivalRecord = { ...record, agents: [...record.agents, { role: 'translator', agent: translator }] };
    const [entry] = (await readWithBibtexParser(writeBibtex(variant, urls))).entries;
    expect(entry?.fields.translator).toEqual([{ lastName: 'Goldberg', firstName: 'Gary' }]);
  });
});
