/**
 * Record -> CSL-JSON (1.0.2, and `license`). A record with an addressee is
 * `personal_communication`, which Zotero imports as a letter, any other `manuscript` (see
 * `CitationKind`); `genre` names the kind ("Telegram", Zotero's `letterType`/`manuscriptType`),
 * `recipient` the addressee, `archive`/`archive_location`/`archive-place` where the cited copy is
 * kept, and `license` the rights statement verbatim: the variable Zotero reads into its `rights`
 * field (zotero-schema `csl.fields.text.license`), beyond CSL-JSON 1.0.2.
 */
import type { Agent, ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { citationFacts, nameParts, secondaryCreators } from './citation-facts.ts';
import type { CslDate, CslItem, CslName } from './csl-item.ts';

/**
 * A CSL name: family and given name when the record has both, else the name as one literal
 * unit. Names that must never be inverted (Chinese, Korean, ...) carry `static-ordering`, so
 * processors write "Mao Zedong" in notes and bibliographies alike, never "Zedong, Mao".
 */
export function cslName(agent: Agent): CslName {
  const parts = nameParts(agent);
  if (!parts) return { literal: agent.name };
  const name: CslName = { family: parts.family, given: parts.given };
  if (agent.nameOrder === 'family-first') name['static-ordering'] = true;
  return name;
}

const partsOf = (p: { year: number; month?: number; day?: number }, precision: 'year' | 'month' | 'day') => {
  const parts = [p.year];
  if (precision !== 'year' && p.month !== undefined) {
    parts.push(p.month);
    if (precision === 'day' && p.day !== undefined) parts.push(p.day);
  }
  return parts;
};

/**
 * The date at the precision the record knows it; undefined for undated records (styles then
 * write "n.d."). A range also carries its EDTF interval as `raw`: citation processors read the
 * two `date-parts`, but Zotero's CSL import takes `raw` before `date-parts` and only the first of
 * them, so without it a range would import as its start alone.
 */
export function cslDate(date: RecordDate): CslDate | undefined {
  if (!date.start) return undefined;
  if (date.precision === 'range') {
    const end = date.end ? [partsOf(date.end, 'day')] : [];
    const range: CslDate = { 'date-parts': [partsOf(date.start, 'day'), ...end] };
    if (date.edtf) range.raw = date.edtf;
    return range;
  }
  if (date.precision === 'undated') return undefined;
  return { 'date-parts': [partsOf(date.start, date.precision)] };
}

export function buildCslItem(record: ArchivalRecord, urls: ServiceUrls): CslItem {
  const facts = citationFacts(record, urls);
  const item: CslItem = {
    id: facts.key,
    'citation-key': facts.key,
    type: facts.kind === 'letter' ? 'personal_communication' : 'manuscript',
    title: facts.title,
    archive: facts.archive,
    URL: facts.url,
  };
  if (facts.genre) item.genre = facts.genre;
  if (facts.authors.length > 0) item.author = facts.authors.map(cslName);
  if (facts.recipients.length > 0) item.recipient = facts.recipients.map(cslName);
  const { translators, contributors } = secondaryCreators(facts);
  if (translators.length > 0) item.translator = translators.map(cslName);
  if (contributors.length > 0) item.contributor = contributors.map(cslName);
  const issued = cslDate(record.date);
  if (issued) item.issued = issued;
  if (facts.archiveLocation) item.archive_location = facts.archiveLocation;
  if (facts.archivePlace) item['archive-place'] = facts.archivePlace;
  if (facts.abstract) item.abstract = facts.abstract;
  if (facts.language) item.language = facts.language;
  item.license = facts.rightsStatement;
  item.note = [...facts.noteParagraphs, facts.rightsNote].join('\n\n');
  return item;
}

/** The CSL-JSON document: an array of items, as the CSL data schema defines it. */
export function buildCslJson(record: ArchivalRecord, urls: ServiceUrls): string {
  return `${JSON.stringify([buildCslItem(record, urls)], null, 2)}\n`;
}
