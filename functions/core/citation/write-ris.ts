/**
 * Record -> RIS, with the tags reference managers read for a letter: `TY  - PCOMM`, `AU` the
 * sender, `A2` the recipient, `M3` the kind ("Telegram"), `DA`/`PY` the date, `DB` the archive,
 * `A4` the translators (Zotero's RIS import reads A4 as translator), `AV` the archival location
 * ("Location in Archives"), `UR`, `AB`, `LA`, `KW`, and `N1` notes, one of which names the
 * contributors (RIS has no tag Zotero reads as contributor of a letter) and the last of which
 * carries the rights URI and statement. Lines end in CRLF, as the RIS
 * specification asks; the text is UTF-8.
 */
import type { Agent, ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { citationFacts } from './citation-facts.ts';

const EOL = '\r\n';

/** `Stalin, I.V.` as RIS asks for, but `Mao Zedong` uninverted, which importers keep as one name. */
export function risName(agent: Agent): string {
  if (agent.kind === 'person' && agent.family && agent.given && agent.nameOrder !== 'family-first') return `${agent.family}, ${agent.given}`;
  return agent.name;
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
  if (facts.contributors.length > 0) notes.push(`Contributors: ${facts.contributors.map((a) => a.name).join('; ')}`);
  return [
    tag('TY', facts.recipients.length > 0 ? 'PCOMM' : 'UNPB'),
    tag('ID', facts.key),
    tag('TI', facts.title),
    ...facts.authors.map((a) => tag('AU', risName(a))),
    ...facts.recipients.map((a) => tag('A2', risName(a))),
    ...facts.translators.map((a) => tag('A4', risName(a))),
    tag('M3', facts.genre),
    tag('DA', risDate(record.date)),
    tag('PY', record.date.start ? String(record.date.start.year) : undefined),
    tag('AB', facts.abstract),
    tag('LA', facts.language ?? record.languageLabels?.[0]),
    tag('DB', facts.archive),
    tag('AV', facts.archiveLocation),
    tag('UR', facts.url),
    ...record.subjects.map((s) => tag('KW', s.term)),
    ...notes.map((n) => tag('N1', n)),
    tag('N1', facts.rights),
    `ER  - ${EOL}`,
  ].join('');
}
