/**
 * The reference-manager tags of the landing page's head: Highwire Press `citation_*`, which Google
 * Scholar and Zotero's Embedded Metadata translator read, and the few statements that translator
 * needs to save the record as what it is (it hands every `prefix.name` tag of a known prefix to
 * Zotero's RDF translator): `bibo.type` (`Letter`, `Manuscript`; without it a page with
 * `citation_title` imports as a journal article) and, in Zotero's own RDF namespace, the fields
 * Highwire has no tag for (`z.archive`, `z.archiveLocation`, `z.letterType`/`z.manuscriptType`).
 * Authors are written "Family, Given", which the translator splits at the comma as Zotero's RIS
 * and CSL imports split them; the rights statement comes from `DC.rights` (see `dc-html.ts`).
 */
import type { Agent, ArchivalRecord } from '../../../schemas/record.ts';
import { citationFacts, nameParts } from '../citation/citation-facts.ts';
import type { ServiceUrls } from '../urls.ts';

export type MetaTag = readonly [name: string, content: string];

/** The schemas of the non-Highwire tags, declared as DC-HTML declares DC's (`<link rel="schema.bibo">`). */
export const CITATION_SCHEMA_LINKS = [
  { rel: 'schema.bibo', href: 'http://purl.org/ontology/bibo/' },
  { rel: 'schema.z', href: 'http://www.zotero.org/namespaces/export#' },
] as const;

const highwireName = (agent: Agent) => {
  const parts = nameParts(agent);
  return parts ? `${parts.family}, ${parts.given}` : agent.name;
};

/** `1951/01/27`, `1951/01`, `1951`: the date as Scholar reads it, at the record's precision (a range: its start). */
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
  // `citation_date` is the one Zotero keeps (it reads both, that one last): the EDTF form, as the
  // RIS and BibTeX paths give it (`1951-01-27`, `1958-05`, a range whole as `1950/1953`).
  if (date) tags.push(['citation_publication_date', date], ['citation_date', record.date.edtf ?? date]);
  tags.push(['citation_publisher', facts.archive]);
  if (facts.language) tags.push(['citation_language', facts.language]);
  if (facts.abstract) tags.push(['citation_abstract', facts.abstract]);
  if (record.subjects.length > 0) tags.push(['citation_keywords', record.subjects.map((s) => s.term).join('; ')]);
  tags.push(['citation_abstract_html_url', facts.url], ['citation_fulltext_html_url', facts.url], ['citation_public_url', facts.url]);
  tags.push(['bibo.type', facts.kind === 'letter' ? 'Letter' : 'Manuscript']);
  tags.push(['z.archive', facts.archive]);
  if (facts.archiveLocation) tags.push(['z.archiveLocation', facts.archiveLocation]);
  if (facts.genre) tags.push([facts.kind === 'letter' ? 'z.letterType' : 'z.manuscriptType', facts.genre]);
  return tags;
}
