/**
 * Record -> RIS, with the tags Zotero's RIS import (zotero/translators RIS.js) reads, as the test
 * of the Zotero paths maps them: `TY  - PCOMM` (letter) or `MANSCPT` (manuscript), never a type
 * it does not know (`UNPB` imports as a journal article); `AU` the authors and `A2` the
 * addressees, each `Family, Given` or as one unit; `A4` a manuscript's translators (a letter has
 * none in Zotero: they are named in a note, as contributors always are, RIS having no tag Zotero
 * reads as a contributor of either); `M3` the kind ("Telegram": `letterType`/`manuscriptType`);
 * `DA`/`PY` the date; `DB` the archive, `AV` the archival location ("Loc. in Archive"); `CR` the
 * rights statement (Zotero's `rights`); `UR`, `AB`, `LA`, `KW`, and `N1` notes, the last of
 * which gives the rights URI. Lines end in CRLF, as the RIS specification asks; the text is UTF-8.
 */
import type { Agent, ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { citationFacts, nameParts } from './citation-facts.ts';

const EOL = '\r\n';

/**
 * `Stalin, I.V.` and `Mao, Zedong`, as RIS asks for (Zotero splits at the comma into last and
 * first name, as the CSL import does from `family`/`given`); a name without parts as written,
 * which Zotero keeps as one unit.
 */
export function risName(agent: Agent): string {
  const parts = nameParts(agent);
  return parts ? `${parts.family}, ${parts.given}` : agent.name;
}

const pad2 = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));

/**
 * `1951/01/27/`, `1951/01//`, `1951///`: RIS's `DA` at the precision the record knows. A range is
 * its EDTF interval, `1950/1953`: RIS's `YYYY/MM/DD/other` has no place for an end, and Zotero's
 * RIS import keeps a `DA` it cannot read as that pattern verbatim, so the whole range survives
 * (`1950///1950-1953` would be read as 1950 alone).
 */
export function risDate(date: RecordDate): string | undefined {
  const start = date.start;
  if (!start || date.precision === 'undated') return undefined;
  if (date.precision === 'range' && date.edtf) return date.edtf;
  const month = date.precision === 'year' ? undefined : start.month;
  const day = date.precision === 'day' || date.precision === 'range' ? start.day : undefined;
  return `${String(start.year).padStart(4, '0')}/${pad2(month)}/${month === undefined ? '' : pad2(day)}/`;
}

/** One tag; a value with line breaks continues on the following lines (blank lines dropped). */
function tag(name: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') return '';
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return `${name}  - ${lines.join(EOL)}${EOL}`;
}

export function writeRis(record: ArchivalRecord, urls: ServiceUrls): string {
  const facts = citationFacts(record, urls);
  const notes = [...facts.noteParagraphs];
  if (record.date.precision === 'range') notes.unshift(`Date: ${record.date.display}`);
  const named = (agents: readonly Agent[]) => agents.map((a) => a.name).join('; ');
  const translators = facts.kind === 'manuscript' ? facts.translators : [];
  if (facts.kind === 'letter' && facts.translators.length > 0) notes.push(`Translators: ${named(facts.translators)}`);
  if (facts.contributors.length > 0) notes.push(`Contributors: ${named(facts.contributors)}`);
  return [
    tag('TY', facts.kind === 'letter' ? 'PCOMM' : 'MANSCPT'),
    tag('ID', facts.key),
    tag('TI', facts.title),
    ...facts.authors.map((a) => tag('AU', risName(a))),
    ...facts.recipients.map((a) => tag('A2', risName(a))),
    ...translators.map((a) => tag('A4', risName(a))),
    tag('M3', facts.genre),
    tag('DA', risDate(record.date)),
    tag('PY', record.date.start ? String(record.date.start.year) : undefined),
    tag('AB', facts.abstract),
    tag('LA', facts.language ?? record.languageLabels?.[0]),
    tag('DB', facts.archive),
    tag('AV', facts.archiveLocation),
    tag('UR', facts.url),
    ...record.subjects.map((s) => tag('KW', s.term)),
    tag('CR', facts.rightsStatement),
    ...notes.map((n) => tag('N1', n)),
    tag('N1', facts.rightsNote),
    `ER  - ${EOL}`,
  ].join('');
}
