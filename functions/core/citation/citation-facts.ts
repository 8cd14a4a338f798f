/**
 * What every citation format says about a record, decided once: who wrote to whom, when, which
 * archive holds it and where in it, the URL to cite, and the free-text note carrying what the
 * formats' fields cannot (the conveyed document, the archival reference in words, the rights).
 * CSL-JSON, BibTeX, BibLaTeX, RIS and the landing page's Highwire tags all read these facts.
 */
import type { Agent, AgentRole, ArchivalRecord, EmbeddedDocument } from '../../../schemas/record.ts';
import { describeArchivalReference } from '../records/describe-archival-reference.ts';
import { archivalReferencesOf, referenceTextOf } from '../records/source-references.ts';
import { describeRights, rightsText } from '../rights/describe-rights.ts';
import type { ServiceUrls } from '../urls.ts';
import { citationKey } from './citation-key.ts';

/**
 * What the record is as a reference manager's item. A record with an addressee is a `letter`
 * (Zotero's only item type with a recipient: RIS `PCOMM`, CSL `personal_communication`, BibLaTeX
 * `@letter`); any other is a `manuscript` (RIS `MANSCPT`, CSL `manuscript`, `@unpublished`), the
 * type that has translators, which Zotero's letter lacks. The archive's own kind (`Telegram`,
 * `Memoir`) goes with either as the genre (Zotero's `letterType` or `manuscriptType`).
 */
export type CitationKind = 'letter' | 'manuscript';

export interface CitationFacts {
  key: string;
  kind: CitationKind;
  title: string;
  /** The archive's document type (`Telegram`). */
  genre?: string;
  authors: Agent[];
  recipients: Agent[];
  translators: Agent[];
  contributors: Agent[];
  /** The archive whose copy is cited (the publisher of the digital record, as configured). */
  archive: string;
  archivePlace?: string;
  /** The archival reference(s) as the source writes them, without the credits after them or the closing full stop. */
  archiveLocation?: string;
  /** The URL to cite: the record's landing page. */
  url: string;
  abstract?: string;
  /** BCP 47 tag of the original, when the source says. */
  language?: string;
  /** Paragraphs for a free-text note, each complete in itself (the rights are separate). */
  noteParagraphs: string[];
  /** The rights URI, its label and the statement verbatim, as one block of text. */
  rights: string;
  /** The rights statement verbatim, paragraphs separated by a blank line, for the fields that hold it whole (Zotero's `rights`). */
  rightsStatement: string;
  /** `Rights statement: {uri} ({label})`, for a note beside a field that holds the statement alone. */
  rightsNote: string;
}

/**
 * The translators and contributors as the item's type can hold them. A letter has no translator
 * role (Zotero saves a letter's translator as its author), so a letter's translators are its
 * contributors; a manuscript keeps both.
 */
export function secondaryCreators(facts: Pick<CitationFacts, 'kind' | 'translators' | 'contributors'>): { translators: Agent[]; contributors: Agent[] } {
  if (facts.kind === 'manuscript') return { translators: facts.translators, contributors: facts.contributors };
  const contributors = [...facts.translators];
  for (const agent of facts.contributors) if (!contributors.includes(agent)) contributors.push(agent);
  return { translators: [], contributors };
}

/**
 * A person's name parts when the record knows both, else undefined: the name is then one unit
 * (an organisation, or a person named only as written). Every citation format writes a name from
 * these, so Zotero imports the same person with the same parts by every path: `Mao` / `Zedong`
 * (family-first names included: the order is the style's business, not the data's).
 */
export function nameParts(agent: Agent): { family: string; given: string } | undefined {
  if (agent.kind !== 'person' || !agent.family || !agent.given) return undefined;
  return { family: agent.family, given: agent.given };
}

const agentsIn = (record: ArchivalRecord, role: AgentRole) => record.agents.filter((a) => a.role === role).map((a) => a.agent);

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * "Conveys: Telegram from Peng Dehuai to Mao Zedong of 19 January 1951 ...": the description,
 * completed with the document's author, recipient and date where the description leaves them out.
 */
function embeddedDocumentNote(doc: EmbeddedDocument): string {
  const missing: string[] = [];
  for (const { role, agent } of doc.agents) {
    if ((role === 'author' || role === 'recipient') && !doc.description.includes(agent.name))
      missing.push(`${role === 'author' ? 'from' : 'to'} ${agent.name}`);
  }
  if (doc.date && !doc.description.includes(doc.date.display)) missing.push(doc.date.display);
  return `${capitalize(doc.relation)}: ${doc.description}${missing.length > 0 ? ` (${missing.join(', ')})` : ''}.`;
}

export function citationFacts(record: ArchivalRecord, urls: ServiceUrls): CitationFacts {
  const source = record.source;
  const archival = source.kind === 'archival-reference' ? source.archival : undefined;
  const noteParagraphs = record.embeddedDocuments.map(embeddedDocumentNote);
  if (archival) {
    for (const reference of archivalReferencesOf(source)) {
      const place = reference.repository.place ? ` (${reference.repository.place})` : '';
      noteParagraphs.push(`Archival reference: ${describeArchivalReference(reference)}${place}.`);
    }
    // The credits and notes after the reference, verbatim (the agents they name have their own fields).
    if (source.remainder) noteParagraphs.push(source.remainder);
  } else {
    noteParagraphs.push(`Source: ${source.citation}`);
  }
  noteParagraphs.push(`Original record: ${record.provenance.originalUrl}`);

  const recipients = agentsIn(record, 'recipient');
  const { uri, label, statement } = describeRights(record.rights);
  const facts: CitationFacts = {
    key: citationKey(record),
    kind: recipients.length > 0 ? 'letter' : 'manuscript',
    title: record.title,
    authors: agentsIn(record, 'author'),
    recipients,
    translators: agentsIn(record, 'translator'),
    contributors: agentsIn(record, 'contributor'),
    archive: record.publisher.name,
    url: urls.record(record.id),
    noteParagraphs,
    rights: rightsText(record.rights),
    rightsStatement: statement,
    rightsNote: `Rights statement: ${uri}${label === uri ? '' : ` (${label})`}`,
  };
  if (record.genre) facts.genre = record.genre;
  if (record.publisher.place) facts.archivePlace = record.publisher.place;
  if (archival) facts.archiveLocation = (referenceTextOf(source) ?? source.citation).trim().replace(/\.$/, '');
  if (record.summary) facts.abstract = record.summary;
  const language = record.languages?.[0];
  if (language) facts.language = language;
  return facts;
}
