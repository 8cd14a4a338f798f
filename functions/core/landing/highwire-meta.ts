/**
 * Highwire Press `citation_*` meta tags, which Google Scholar and Zotero's embedded-metadata
 * translator read. Authors are written "Family, Given" so that importers split the name where
 * the record does (an uninverted "Mao Zedong" would be read as given name "Mao").
 */
import type { Agent, ArchivalRecord } from '../../../schemas/record.ts';
import { citationFacts } from '../citation/citation-facts.ts';
import type { ServiceUrls } from '../urls.ts';

export type MetaTag = readonly [name: string, content: string];

const highwireName = (agent: Agent) => (agent.kind === 'person' && agent.family && agent.given ? `${agent.family}, ${agent.given}` : agent.name);

/** `1951/01/27`, `1951/01`, `1951`: the date as Scholar reads it, at the record's precision. */
export function highwireDate(record: Pick<ArchivalRecord, 'date'>): string | undefined {
  const { start, precision } = record.date;
  if (!start || precision === 'undated') return undefined;
  const parts = [String(start.year).padStart(4, '0')];
  if (precision !== 'year' && start.month !== undefined) {
    parts.push(String(start.month).padStart(2, '0'));
    if ((precision === 'day' || precision === 'range') && start.day !== undefined) parts.push(String(start.day).padStart(2, '0'));
  }
  return parts.join('/');
}

export function highwireMeta(record: ArchivalRecord, urls: ServiceUrls): MetaTag[] {
  const facts = citationFacts(record, urls);
  const tags: MetaTag[] = [['citation_title', facts.title]];
  for (const author of facts.authors) tags.push(['citation_author', highwireName(author)]);
  const date = highwireDate(record);
  if (date) tags.push(['citation_publication_date', date], ['citation_date', date]);
  tags.push(['citation_publisher', facts.archive]);
  if (facts.language) tags.push(['citation_language', facts.language]);
  if (facts.abstract) tags.push(['citation_abstract', facts.abstract]);
  if (record.subjects.length > 0) tags.push(['citation_keywords', record.subjects.map((s) => s.term).join('; ')]);
  tags.push(['citation_abstract_html_url', facts.url], ['citation_fulltext_html_url', facts.url], ['citation_public_url', facts.url]);
  return tags;
}
