/**
 * Record -> CSL-JSON (1.0.2). A telegram or letter is `personal_communication`, the type
 * reference managers map to a letter; `genre` names the kind ("Telegram"), `recipient` the
 * addressee, `archive`/`archive_location`/`archive-place` where the cited copy is kept.
 */
import type { Agent, ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { citationFacts } from './citation-facts.ts';
import type { CslDate, CslItem, CslName } from './csl-item.ts';

/**
 * A CSL name. Names that must never be inverted (Chinese, Korean, ...) carry `static-ordering`,
 * so processors write "Mao Zedong" in notes and bibliographies alike, never "Zedong, Mao".
 */
export function cslName(agent: Agent): CslName {
  if (agent.kind === 'organization' || !agent.family) return { literal: agent.name };
  const name: CslName = { family: agent.family };
  if (agent.given) name.given = agent.given;
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

/** The date at the precision the record knows it; undefined for undated records (styles then write "n.d."). */
export function cslDate(date: RecordDate): CslDate | undefined {
  if (!date.start) return undefined;
  if (date.precision === 'range') {
    const end = date.end ? [partsOf(date.end, 'day')] : [];
    return { 'date-parts': [partsOf(date.start, 'day'), ...end] };
  }
  if (date.precision === 'undated') return undefined;
  return { 'date-parts': [partsOf(date.start, date.precision)] };
}

export function buildCslItem(record: ArchivalRecord, urls: ServiceUrls): CslItem {
  const facts = citationFacts(record, urls);
  const item: CslItem = {
    id: facts.key,
    'citation-key': facts.key,
    type: facts.recipients.length > 0 ? 'personal_communication' : 'manuscript',
    title: facts.title,
    archive: facts.archive,
    URL: facts.url,
  };
  if (facts.genre) item.genre = facts.genre;
  if (facts.authors.length > 0) item.author = facts.authors.map(cslName);
  if (facts.recipients.length > 0) item.recipient = facts.recipients.map(cslName);
  if (facts.translators.length > 0) item.translator = facts.translators.map(cslName);
  if (facts.contributors.length > 0) item.contributor = facts.contributors.map(cslName);
  const issued = cslDate(record.date);
  if (issued) item.issued = issued;
  if (facts.archiveLocation) item.archive_location = facts.archiveLocation;
  if (facts.archivePlace) item['archive-place'] = facts.archivePlace;
  if (facts.abstract) item.abstract = facts.abstract;
  if (facts.language) item.language = facts.language;
  item.note = [...facts.noteParagraphs, facts.rights].join('\n\n');
  return item;
}

/** The CSL-JSON document: an array of items, as the CSL data schema defines it. */
export function buildCslJson(record: ArchivalRecord, urls: ServiceUrls): string {
  return `${JSON.stringify([buildCslItem(record, urls)], null, 2)}\n`;
}
