/**
 * Record -> BibTeX (`@misc`) and BibLaTeX (`@letter`).
 *
 * BibTeX has no letter type, so `@misc` carries the kind and addressee in `howpublished`
 * ("Telegram to I.V. Stalin") and the archival placement in `note`, the fields classic styles
 * print. BibLaTeX's `@letter` (`@unpublished` for a document with no addressee) gives the kind in `type`, the archive in `organization`/`location`
 * and the archival reference in `library`. Names that must not be inverted are braced
 * (`{Mao Zedong}`): BibTeX then treats them as one unit and never writes "Zedong, Mao". Titles are
 * braced too, keeping the archive's capitalisation. Rights go in `copyright` (BibTeX) and
 * `rights` (BibLaTeX), the fields Zotero's importers read.
 */
import type { Agent, ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { type CitationFacts, citationFacts } from './citation-facts.ts';
import { escapeLatex, type LatexMode, latexParagraphs } from './escape-latex.ts';

type Field = readonly [name: string, value: string | undefined, raw?: 'raw'];

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

function entry(type: string, key: string, fields: readonly Field[]): string {
  const lines = fields
    .filter((f): f is readonly [string, string, 'raw'?] => f[1] !== undefined && f[1] !== '')
    .map(([name, value, raw]) => `  ${name} = ${raw ? value : `{${value}}`}`);
  return `@${type}{${key},\n${lines.join(',\n')}\n}\n`;
}

/** `{Mao Zedong}` for names never inverted and for organisations, `Stalin, I.V.` otherwise. */
export function bibtexName(agent: Agent, mode: LatexMode): string {
  if (agent.kind === 'person' && agent.family && agent.nameOrder !== 'family-first') {
    return agent.given ? `${escapeLatex(agent.family, mode)}, ${escapeLatex(agent.given, mode)}` : `{${escapeLatex(agent.family, mode)}}`;
  }
  return `{${escapeLatex(agent.name, mode)}}`;
}

/** A value of a BibLaTeX literal-list field (`organization`, `location`): braced, so "History and Public Policy..." stays one item. */
const literalItem = (value: string, mode: LatexMode) => `{${escapeLatex(value, mode)}}`;

const names = (agents: readonly Agent[], mode: LatexMode) => (agents.length > 0 ? agents.map((a) => bibtexName(a, mode)).join(' and ') : undefined);

/** "Telegram to I.V. Stalin": the kind of document and its addressees, for fields that print as a phrase. */
function kindAndAddressees(facts: CitationFacts): string | undefined {
  const to = facts.recipients.map((a) => a.name).join(' and ');
  if (!to) return facts.genre;
  return `${facts.genre ?? 'Letter'} to ${to}`;
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
  return entry('misc', facts.key, [
    ['author', names(facts.authors, mode)],
    ['title', `{${escapeLatex(facts.title, mode)}}`],
    ['howpublished', kind ? escapeLatex(kind, mode) : undefined],
    ['year', start ? String(start.year) : undefined],
    ['month', month, 'raw'],
    ['date', biblatexDate(record.date)],
    ['note', latexParagraphs([`${archivePlacement(facts)}.`, ...facts.noteParagraphs], mode)],
    ['url', facts.url],
    ['abstract', facts.abstract ? escapeLatex(facts.abstract, mode) : undefined],
    ['language', facts.language],
    ['copyright', latexParagraphs(facts.rights.split('\n'), mode)],
  ]);
}

export function writeBiblatex(record: ArchivalRecord, urls: ServiceUrls): string {
  const facts = citationFacts(record, urls);
  const mode: LatexMode = 'utf8';
  const to = facts.recipients.map((a) => a.name).join(' and ');
  return entry(facts.recipients.length > 0 ? 'letter' : 'unpublished', facts.key, [
    ['author', names(facts.authors, mode)],
    ['title', `{${escapeLatex(facts.title, mode)}}`],
    ['type', facts.genre ? escapeLatex(facts.genre, mode) : undefined],
    ['date', biblatexDate(record.date)],
    ['note', to ? `To ${escapeLatex(to, mode)}` : undefined],
    ['translator', names(facts.translators, mode)],
    ['organization', literalItem(facts.archive, mode)],
    ['location', facts.archivePlace ? literalItem(facts.archivePlace, mode) : undefined],
    ['library', facts.archiveLocation ? escapeLatex(facts.archiveLocation, mode) : undefined],
    ['addendum', latexParagraphs(facts.noteParagraphs, mode)],
    ['url', facts.url],
    ['abstract', facts.abstract ? escapeLatex(facts.abstract, mode) : undefined],
    ['langid', facts.language],
    ['rights', latexParagraphs(facts.rights.split('\n'), mode)],
  ]);
}
