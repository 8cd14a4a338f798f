/**
 * MODS 3.7 description of a record: the title with its initial article as `nonSort`, names with
 * MARC relator roles, `manuscript="yes"` exactly when the record is an archival original, the
 * archival hierarchy as nested `relatedItem type="host"`, the repository in
 * `location/physicalLocation`, the Source verbatim in `note type="source note"` whatever kind it
 * is, the preferred citation and the language note MARC gives in 524 and 546, and the rights
 * statement with its rightsstatements.org URI in `accessCondition`.
 */
import type { Agent, AgentRole, ArchivalRecord, RecordDate, Subject } from '../../../schemas/record.ts';
import { recordExtent, w3cdtfDate } from '../dc/dublin-core-elements.ts';
import { RELATORS } from '../marc/marc-relators.ts';
import { sameName } from '../records/agent-names.ts';
import { harvestSetsOf } from '../records/harvest-sets.ts';
import { languageNote } from '../records/language-note.ts';
import { nonFilingTitle } from '../records/non-filing-title.ts';
import { preferredCitation } from '../records/preferred-citation.ts';
import { archivalReferencesOf, isArchivalOriginal, referenceTextOf } from '../records/source-references.ts';
import type { ServiceUrls } from '../urls.ts';
import { el, textEl, type XmlElement } from '../xml/xml-tree.ts';

export const MODS_NAMESPACE = 'http://www.loc.gov/mods/v3';
export const MODS_SCHEMA = 'http://www.loc.gov/standards/mods/v3/mods-3-7.xsd';

const TYPE_OF_RESOURCE: Readonly<Record<ArchivalRecord['resourceType'], string>> = {
  Text: 'text',
  StillImage: 'still image',
  Image: 'still image',
  Sound: 'sound recording-nonmusical',
  MovingImage: 'moving image',
};

function nameParts(agent: Agent): XmlElement[] {
  if (agent.kind === 'person' && agent.family && agent.given) {
    return [el('namePart', { type: 'family' }, agent.family), el('namePart', { type: 'given' }, agent.given)];
  }
  return [el('namePart', {}, agent.name)];
}

function nameEl(agent: Agent, role: AgentRole, primary: boolean): XmlElement {
  const relator = RELATORS[role];
  return el(
    'name',
    { type: agent.kind === 'person' ? 'personal' : 'corporate', usage: primary ? 'primary' : undefined, valueURI: agent.sameAs?.[0] },
    nameParts(agent),
    el('displayForm', {}, agent.name),
    (agent.alternateNames ?? []).map((alt) => el('alternativeName', {}, el('namePart', {}, alt))),
    el(
      'role',
      {},
      el('roleTerm', { type: 'code', authority: 'marcrelator' }, relator.code),
      el('roleTerm', { type: 'text', authority: 'marcrelator' }, relator.term),
    ),
  );
}

/** `dateCreated` elements: one W3CDTF date, a start/end pair for a range, or the display text when undated. */
function dateCreated(date: RecordDate): XmlElement[] {
  const single = w3cdtfDate(date);
  if (single) return [el('dateCreated', { encoding: 'w3cdtf', keyDate: 'yes' }, single)];
  const [start, end] = date.precision === 'range' && date.edtf ? date.edtf.split('/') : [];
  if (start && end) {
    return [el('dateCreated', { encoding: 'w3cdtf', keyDate: 'yes', point: 'start' }, start), el('dateCreated', { encoding: 'w3cdtf', point: 'end' }, end)];
  }
  return [el('dateCreated', {}, date.display)];
}

/** A person or body the record also names as an agent is given as that agent is, name parts and all (as MARC gives it the agent's heading). */
function subjectEl(subject: Subject, agents: readonly Agent[]): XmlElement {
  const kind = subject.kind === 'person' ? 'person' : subject.kind === 'organization' ? 'organization' : undefined;
  if (!kind) return el('subject', {}, el('topic', { valueURI: subject.uri }, subject.term));
  const agent = agents.find((a) => a.kind === kind && sameName(a, subject.term));
  const type = kind === 'person' ? 'personal' : 'corporate';
  return el(
    'subject',
    {},
    el(
      'name',
      { type, valueURI: subject.uri ?? agent?.sameAs?.[0] },
      agent ? nameParts(agent) : el('namePart', {}, subject.term),
      agent ? el('displayForm', {}, agent.name) : undefined,
    ),
  );
}

/** The title, its initial article (`The `) as `nonSort`, which keeps its space. */
function titleInfo(title: string): XmlElement {
  const { nonSort, rest } = nonFilingTitle(title);
  return el('titleInfo', { usage: 'primary' }, nonSort ? el('nonSort', { 'xml:space': 'preserve' }, nonSort) : undefined, el('title', {}, rest));
}

/** The archival hierarchy, innermost unit first, as nested host items (delo in opis in fond in repository). */
function hostItems(record: ArchivalRecord): XmlElement | undefined {
  const levels = harvestSetsOf(record).filter((set) => set.level !== 'type');
  let host: XmlElement | undefined;
  for (const level of levels) {
    host = el(
      'relatedItem',
      { type: 'host', displayLabel: level.level },
      el('titleInfo', {}, el('title', {}, level.name)),
      el('identifier', { type: 'local' }, level.spec),
      host,
    );
  }
  return host;
}

/** Extent of the original and, when the archive holds scans, that the images reformat it; absent when neither is known. */
function physicalDescription(record: ArchivalRecord): XmlElement | undefined {
  const extent = recordExtent(record);
  const scanned = record.images.some((image) => !image.placeholder);
  if (!extent && !scanned) return undefined;
  return el('physicalDescription', {}, textEl('extent', extent), scanned ? el('digitalOrigin', {}, 'reformatted digital') : undefined);
}

/** The repositories the references cite, each once, the primary reference's first. */
function physicalLocations(record: ArchivalRecord): XmlElement[] {
  const names = archivalReferencesOf(record.source).map(({ repository: r }) => (r.place ? `${r.name}, ${r.place}` : r.name));
  return [...new Set(names)].map((name) => el('physicalLocation', {}, name));
}

export function buildMods(record: ArchivalRecord, urls: ServiceUrls): XmlElement {
  const publisher = record.publisher;
  const authors = record.agents.filter((a) => a.role === 'author');
  const others = record.agents.filter((a) => a.role !== 'author');
  const original = isArchivalOriginal(record.source);
  const agents = [...record.agents, ...record.embeddedDocuments.flatMap((doc) => doc.agents)].map((a) => a.agent);
  return el(
    'mods',
    {
      xmlns: MODS_NAMESPACE,
      'xmlns:xlink': 'http://www.w3.org/1999/xlink',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      version: '3.7',
      'xsi:schemaLocation': `${MODS_NAMESPACE} ${MODS_SCHEMA}`,
    },
    titleInfo(record.title),
    authors.map((a, i) => nameEl(a.agent, a.role, i === 0)),
    others.map((a) => nameEl(a.agent, a.role, false)),
    el('typeOfResource', { manuscript: original ? 'yes' : undefined }, TYPE_OF_RESOURCE[record.resourceType]),
    textEl('genre', record.genre, { authority: 'local' }),
    // An archival original was produced, not published; a text taken from a publication was created at its date.
    el('originInfo', { eventType: original ? 'production' : undefined }, dateCreated(record.date)),
    el(
      'originInfo',
      { eventType: 'publication' },
      publisher.place ? el('place', {}, el('placeTerm', { type: 'text' }, publisher.place)) : undefined,
      el('publisher', {}, publisher.institution ? `${publisher.name}, ${publisher.institution}` : publisher.name),
      textEl('dateIssued', record.provenance.uploaded, { encoding: 'w3cdtf' }),
    ),
    (record.languages ?? []).map((tag) => el('language', {}, el('languageTerm', { type: 'code', authority: 'rfc5646' }, tag))),
    (record.languageLabels ?? []).map((label) => el('language', {}, el('languageTerm', { type: 'text' }, label))),
    physicalDescription(record),
    textEl('abstract', record.summary),
    record.embeddedDocuments.map((doc) => el('note', { type: 'content' }, `${doc.relation === 'conveys' ? 'Conveys' : 'Encloses'}: ${doc.description}`)),
    textEl('note', record.source.remainder, { type: 'creation/production credits' }),
    // The Source as the export gives it, whether an archival reference, a publication or a note (MARC 500, DC source).
    el('note', { type: 'source note' }, record.source.citation),
    el('note', { type: 'preferred citation' }, preferredCitation(record, urls)),
    textEl('note', languageNote(record), { type: 'language' }),
    record.subjects.map((subject) => subjectEl(subject, agents)),
    record.places.map((place) => el('subject', {}, el('geographic', { valueURI: place.uri }, place.name))),
    record.temporalCoverage ? el('subject', {}, el('temporal', {}, record.temporalCoverage)) : undefined,
    hostItems(record),
    el('relatedItem', { type: 'otherVersion', displayLabel: 'Original publication' }, el('location', {}, el('url', {}, record.provenance.originalUrl))),
    el('identifier', { type: 'uri' }, urls.record(record.id)),
    el('identifier', { type: 'local' }, record.id),
    el(
      'location',
      {},
      physicalLocations(record),
      textEl('shelfLocator', referenceTextOf(record.source)),
      el('url', { usage: 'primary display', access: 'object in context' }, urls.record(record.id)),
      el('url', { access: 'raw object', displayLabel: 'IIIF manifest' }, urls.manifest(record.id)),
    ),
    el('accessCondition', { type: 'use and reproduction', 'xlink:href': record.rights.uri }, record.rights.statement),
    el(
      'recordInfo',
      {},
      el('recordContentSource', {}, publisher.name),
      el('recordChangeDate', { encoding: 'iso8601' }, record.datestamp),
      el('recordIdentifier', {}, record.id),
      el('languageOfCataloging', {}, el('languageTerm', { type: 'code', authority: 'iso639-2b' }, 'eng')),
      el('descriptionStandard', {}, 'rda'),
    ),
  );
}
