/**
 * MODS 3.7 description of a record: names with MARC relator roles, the archival hierarchy as
 * nested `relatedItem type="host"`, the repository in `location/physicalLocation`, and the
 * rights statement with its rightsstatements.org URI in `accessCondition`.
 */
import type { Agent, AgentRole, ArchivalRecord, RecordDate, Subject } from '../../../schemas/record.ts';
import { recordExtent, w3cdtfDate } from '../dc/dublin-core-elements.ts';
import { RELATORS } from '../marc/marc-relators.ts';
import { harvestSetsOf } from '../records/harvest-sets.ts';
import { archivalReferencesOf, referenceTextOf } from '../records/source-references.ts';
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

function subjectEl(subject: Subject): XmlElement {
  const attrs = { valueURI: subject.uri };
  switch (subject.kind) {
    case 'person':
      return el('subject', {}, el('name', { type: 'personal', ...attrs }, el('namePart', {}, subject.term)));
    case 'organization':
      return el('subject', {}, el('name', { type: 'corporate', ...attrs }, el('namePart', {}, subject.term)));
    default:
      return el('subject', {}, el('topic', attrs, subject.term));
  }
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
  const archival = record.source.archival;
  const publisher = record.publisher;
  const authors = record.agents.filter((a) => a.role === 'author');
  const others = record.agents.filter((a) => a.role !== 'author');
  return el(
    'mods',
    {
      xmlns: MODS_NAMESPACE,
      'xmlns:xlink': 'http://www.w3.org/1999/xlink',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      version: '3.7',
      'xsi:schemaLocation': `${MODS_NAMESPACE} ${MODS_SCHEMA}`,
    },
    el('titleInfo', { usage: 'primary' }, el('title', {}, record.title)),
    authors.map((a, i) => nameEl(a.agent, a.role, i === 0)),
    others.map((a) => nameEl(a.agent, a.role, false)),
    el('typeOfResource', { manuscript: archival ? 'yes' : undefined }, TYPE_OF_RESOURCE[record.resourceType]),
    textEl('genre', record.genre, { authority: 'local' }),
    el('originInfo', { eventType: 'production' }, dateCreated(record.date)),
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
    record.subjects.map(subjectEl),
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
    ),
  );
}
