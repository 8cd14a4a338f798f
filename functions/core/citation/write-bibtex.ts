/**
 * Record -> BibTeX (`@unpublished`) and BibLaTeX (`@letter`, or `@unpublished` for a record
 * with no addressee).
 *
 * Classic BibTeX has no letter type, and Zotero's BibTeX import reads `@misc` as a book, so the
 * `.bib` entry is `@unpublished` ("a document having an author and title, but not formally
 * published"; Zotero: manuscript), with the kind in `type` and the kind and addressee, the
 * archival placement and the notes in `note`, the field classic styles print for it; `translator`
 * is not printed by classic styles but read by Zotero. BibLaTeX's `@letter` gives the kind in
 * `type`, the addressee in `note`, the archive in `organization` (and its place in `location`,
 * a letter's only: Zotero reads `location` as a manuscript's place of writing), the archival
 * reference in `library`, and the language of the original, by name, in `language`; a letter's
 * translators are named in `addendum`, not `translator`,
 * because Zotero's letter has no translator role and would make them its authors. Names with both
 * parts are `Family, Given` (Zotero splits there, as its CSL and RIS imports do); others are braced
 * (`{Politburo of the CC CPSU}`) and stay one unit. Titles are braced too, keeping the archive's
 * capitalisation. The rights statement, verbatim with the blank line between its paragraphs, is
 * `copyright` (the field Zotero's BibTeX import reads into `rights`) and, in BibLaTeX, `rights`
 * too (the field Zotero's BibLaTeX export writes); neither is printed by the standard styles. Its
 * rightsstatements.org URI closes the `note` (BibTeX) or the `addendum` (BibLaTeX).
 */
import type { Agent, ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { type CitationFacts, citationFacts, nameParts } from './citation-facts.ts';
import { escapeLatex, type LatexMode, latexParagraphs } from './escape-latex.ts';

type Field = readonly [name: string, value: string | undefined, raw?: 'raw'];

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

function entry(type: string, key: string, fields: readonly Field[]): string {
  const lines = fields
    .filter((f): f is readonly [string, string, 'raw'?] => f[1] !== undefined && f[1] !== '')
    .map(([name, value, raw]) => `  ${name} = ${raw ? value : `{${value}}`}`);
  return `@${type}{${key},\n${lines.join(',\n')}\n}\n`;
}

/** `Mao, Zedong` and `Stalin, I.V.` for names with both parts; `{Politburo of the CC CPSU}`, one unit, otherwise. */
export function bibtexName(agent: Agent, mode: LatexMode): string {
  const parts = nameParts(agent);
  if (parts) return `${escapeLatex(parts.family, mode)}, ${escapeLatex(parts.given, mode)}`;
  return `{${escapeLatex(agent.name, mode)}}`;
}

/** The rights statement as one field value: each paragraph's text escaped, the blank line between them kept. */
const rightsValue = (facts: CitationFacts, mode: LatexMode) =>
  facts.rightsStatement
    .split(/\n[ \t]*\n/)
    .map((p) => escapeLatex(p.replace(/\s+/g, ' ').trim(), mode))
    .filter(Boolean)
    .join('\n\n');

/** A value of a BibLaTeX literal-list field (`organization`, `location`): braced, so "History and Public Policy..." stays one item. */
const literalItem = (value: string, mode: LatexMode) => `{${escapeLatex(value, mode)}}`;

const names = (agents: readonly Agent[], mode: LatexMode) => (agents.length > 0 ? agents.map((a) => bibtexName(a, mode)).join(' and ') : undefined);

/** "Telegram to I.V. Stalin": the kind of document and its addressees, for fields that print as a phrase. */
function kindAndAddressees(facts: CitationFacts): string | undefined {
  const to = facts.recipients.map((a) => a.name).join(' and ');
  if (!to) return facts.genre;
  return `${facts.genre ?? 'Letter'} to ${to}`;
}

// Made on first use: ICU's display names cost a cold start about 10 ms.
let languageNames: Intl.DisplayNames | undefined;

/**
 * BibLaTeX's `language`, the language of the work, as a name (`Russian`), which Biber prints as
 * given (a code would be printed as the code) and Zotero's BibTeX import reads; a language the
 * record names without a code, as named. (`sh` is Serbo-Croatian, which ICU reads as Serbian.)
 * No `langid`: that is the language of the entry's own text, the English of the translation.
 */
function biblatexLanguage(record: ArchivalRecord): string | undefined {
  const code = record.languages?.[0];
  if (!code) return record.languageLabels?.[0];
  if (code === 'sh') return 'Serbo-Croatian';
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
  return languageNames.of(code);
}

/** BibLaTeX's `date`: EDTF level 0 (`1951-01-27`, `1951-01`, `1951`, `1950/1953`), the syntax Biber reads. */
const biblatexDate = (date: RecordDate) => date.edtf;

function archivePlacement(facts: CitationFacts): string {
  return [facts.archiveLocation, facts.archive, facts.archivePlace].filter(Boolean).join(', ');
}

export function writeBibtex(record: ArchivalRecord, urls: ServiceUrls): string {
  const facts = citationFacts(record, urls);
  const mode: LatexMode = 'ascii';
  const start = record.date.start;
  const precision = record.date.precision;
  const month = start?.month !== undefined && (precision === 'day' || precision === 'month') ? MONTH_MACROS[start.month - 1] : undefined;
  const kind = kindAndAddressees(facts);
  // `year`, `month`, then `date`: Zotero's BibTeX import keeps the last, the date at its precision.
  return entry('unpublished', facts.key, [
    ['author', names(facts.authors, mode)],
    ['title', `{${escapeLatex(facts.title, mode)}}`],
    ['type', facts.genre ? escapeLatex(facts.genre, mode) : undefined],
    ['note', latexParagraphs([...(kind ? [kind] : []), `${archivePlacement(facts)}.`, ...facts.noteParagraphs, facts.rightsNote], mode)],
    ['translator', names(facts.translators, mode)],
    ['year', start ? String(start.year) : undefined],
    ['month', month, 'raw'],
    ['date', biblatexDate(record.date)],
    ['url', facts.url],
    ['abstract', facts.abstract ? escapeLatex(facts.abstract, mode) : undefined],
    ['language', facts.language ?? record.languageLabels?.[0]],
    ['copyright', rightsValue(facts, mode)],
  ]);
}

/** "Translated by Gary Goldberg." for a letter's translators the notes do not already name. */
function letterTranslatorsSentence(facts: CitationFacts): string | undefined {
  const notes = facts.noteParagraphs.join(' ');
  const unnamed = facts.translators.filter((a) => !notes.includes(a.name));
  return facts.kind === 'letter' && unnamed.length > 0 ? `Translated by ${unnamed.map((a) => a.name).join(' and ')}.` : undefined;
}

export function writeBiblatex(record: ArchivalRecord, urls: ServiceUrls): string {
  const facts = citationFacts(record, urls);
  const mode: LatexMode = 'utf8';
  const to = facts.recipients.map((a) => a.name).join(' and ');
  const translatorsSentence = letterTranslatorsSentence(facts);
  return entry(facts.kind === 'letter' ? 'letter' : 'unpublished', facts.key, [
    ['author', names(facts.authors, mode)],
    ['title', `{${escapeLatex(facts.title, mode)}}`],
    ['type', facts.genre ? escapeLatex(facts.genre, mode) : undefined],
    ['date', biblatexDate(record.date)],
    ['note', to ? `To ${escapeLatex(to, mode)}` : undefined],
    ['translator', facts.kind === 'manuscript' ? names(facts.translators, mode) : undefined],
    ['organization', literalItem(facts.archive, mode)],
    // A letter's only: Zotero reads `location` as a manuscript's place (where it was written).
    ['location', facts.kind === 'letter' && facts.archivePlace ? literalItem(facts.archivePlace, mode) : undefined],
    ['library', facts.archiveLocation ? escapeLatex(facts.archiveLocation, mode) : undefined],
    ['addendum', latexParagraphs([...facts.noteParagraphs, ...(translatorsSentence ? [translatorsSentence] : []), facts.rightsNote], mode)],
    ['url', facts.url],
    ['abstract', facts.abstract ? escapeLatex(facts.abstract, mode) : undefined],
    ['language', biblatexLanguage(record)],
    ['rights', rightsValue(facts, mode)],
    ['copyright', rightsValue(facts, mode)],
  ]);
}
