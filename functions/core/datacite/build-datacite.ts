/**
 * DataCite Metadata Schema 4.7 (kernel-4) description of a record, saying only what the record
 * states. The record has no DOI: its mandatory `identifier` is the record's own URL
 * (`identifierType="URL"`), as the schema's free `identifierType` allows; nothing is registered
 * with DataCite. The record id and the archival reference are alternate identifiers; the IIIF
 * manifest and the archive's original page are related identifiers. See
 * docs/adr/0014-change-discovery-and-datacite.md.
 */
import type { Agent, AgentRole, ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import { recordExtent, w3cdtfDate } from '../dc/dublin-core-elements.ts';
import { describeArchivalReference } from '../records/describe-archival-reference.ts';
import { archivalReferencesOf, referenceTextOf } from '../records/source-references.ts';
import { describeRights } from '../rights/describe-rights.ts';
import type { ServiceUrls } from '../urls.ts';
import { el, textEl, type XmlChildInput, type XmlElement } from '../xml/xml-tree.ts';

export const DATACITE_NAMESPACE = 'http://datacite.org/schema/kernel-4';
export const DATACITE_SCHEMA = 'https://schema.datacite.org/meta/kernel-4/metadata.xsd';
/** The kernel-4 revision the output follows (the `schemaVersion` of the OAI-PMH envelope). */
export const DATACITE_SCHEMA_VERSION = '4.7';
export const DATACITE_MEDIA_TYPE = 'application/vnd.datacite.datacite+xml';

/** DataCite's standard value for a creator nobody knows (Appendix 3, "unknown information"). */
export const UNKNOWN_CREATOR = ':unkn';

const RESOURCE_TYPE_GENERAL: Readonly<Record<ArchivalRecord['resourceType'], string>> = {
  Text: 'Text',
  StillImage: 'Image',
  Image: 'Image',
  Sound: 'Sound',
  MovingImage: 'Audiovisual',
};

/**
 * How each role other than author is a DataCite contributor. An addressee has no DataCite role:
 * a person is a `RelatedPerson`, a body `Other`.
 */
function contributorType(role: Exclude<AgentRole, 'author'>, agent: Agent): string {
  if (role === 'translator') return 'Translator';
  if (role === 'recipient' && agent.kind === 'person') return 'RelatedPerson';
  return 'Other';
}

/** `Family, Given` with its parts when the record knows both, else the name as written. */
function nameElements(agent: Agent, nameElement: 'creatorName' | 'contributorName'): XmlChildInput[] {
  const nameType = agent.kind === 'person' ? 'Personal' : 'Organizational';
  const parts = agent.kind === 'person' && agent.family && agent.given ? { family: agent.family, given: agent.given } : undefined;
  return [
    el(nameElement, { nameType }, parts ? `${parts.family}, ${parts.given}` : agent.name),
    parts ? el('givenName', {}, parts.given) : undefined,
    parts ? el('familyName', {}, parts.family) : undefined,
    // Identifiers the record gives (Wikidata, VIAF, ...) are URIs: the scheme is the URI's host.
    (agent.sameAs ?? []).map((uri) => el('nameIdentifier', { nameIdentifierScheme: new URL(uri).host }, uri)),
  ];
}

function creators(record: ArchivalRecord): XmlElement {
  const authors = record.agents.filter((a) => a.role === 'author');
  if (authors.length === 0) return el('creators', {}, el('creator', {}, el('creatorName', {}, UNKNOWN_CREATOR)));
  return el(
    'creators',
    {},
    authors.map((a) => el('creator', {}, nameElements(a.agent, 'creatorName'))),
  );
}

function contributors(record: ArchivalRecord): XmlElement {
  const others = record.agents.filter((a): a is { role: Exclude<AgentRole, 'author'>; agent: Agent } => a.role !== 'author');
  const publisher = record.publisher;
  return el(
    'contributors',
    {},
    others.map((a) => el('contributor', { contributorType: contributorType(a.role, a.agent) }, nameElements(a.agent, 'contributorName'))),
    // The archive that makes the record available.
    el(
      'contributor',
      { contributorType: 'HostingInstitution' },
      el('contributorName', { nameType: 'Organizational' }, publisher.institution ? `${publisher.name}, ${publisher.institution}` : publisher.name),
    ),
  );
}

/** The document's date: a W3CDTF date, a `start/end` range, or nothing when undated. */
function createdDate(date: RecordDate): string | undefined {
  const single = w3cdtfDate(date);
  if (single) return single;
  if (date.precision === 'range' && date.edtf && /^\d{4}(-\d{2}){0,2}\/\d{4}(-\d{2}){0,2}$/.test(date.edtf)) return date.edtf;
  return undefined;
}

function dates(record: ArchivalRecord): XmlElement {
  const created = createdDate(record.date);
  return el(
    'dates',
    {},
    created ? el('date', { dateType: 'Created' }, created) : undefined,
    textEl('date', record.provenance.uploaded, { dateType: 'Issued' }),
    el('date', { dateType: 'Updated' }, record.datestamp),
  );
}

/** The year the record was made public: the archive's upload date when it gives one, else this service's ingest. */
const publicationYear = (record: ArchivalRecord) => (record.provenance.uploaded ?? record.provenance.ingestedAt).slice(0, 4);

function alternateIdentifiers(record: ArchivalRecord): XmlElement {
  return el(
    'alternateIdentifiers',
    {},
    el('alternateIdentifier', { alternateIdentifierType: 'Local' }, record.id),
    textEl('alternateIdentifier', referenceTextOf(record.source), { alternateIdentifierType: 'Archival reference' }),
  );
}

function relatedIdentifiers(record: ArchivalRecord, urls: ServiceUrls): XmlElement {
  return el(
    'relatedIdentifiers',
    {},
    el(
      'relatedIdentifier',
      {
        relatedIdentifierType: 'URL',
        relationType: 'HasMetadata',
        relatedMetadataScheme: 'IIIF Presentation API 3.0',
        schemeURI: 'https://iiif.io/api/presentation/3/context.json',
      },
      urls.manifest(record.id),
    ),
    // The archive's own page of the record, which this one was derived from.
    el('relatedIdentifier', { relatedIdentifierType: 'URL', relationType: 'IsDerivedFrom' }, record.provenance.originalUrl),
  );
}

function descriptions(record: ArchivalRecord): XmlElement {
  const references = archivalReferencesOf(record.source).map((reference) => {
    const place = reference.repository.place ? ` (${reference.repository.place})` : '';
    return `${describeArchivalReference(reference)}${place}`;
  });
  return el(
    'descriptions',
    {},
    textEl('description', record.summary, { descriptionType: 'Abstract' }),
    references.map((reference) => el('description', { descriptionType: 'SeriesInformation' }, reference)),
    record.embeddedDocuments.map((doc) =>
      el('description', { descriptionType: 'Other' }, `${doc.relation === 'conveys' ? 'Conveys' : 'Encloses'}: ${doc.description}`),
    ),
    // The Source as the export gives it, whatever its kind.
    el('description', { descriptionType: 'Other' }, `Source: ${record.source.citation}`),
  );
}

function rightsList(record: ArchivalRecord): XmlElement {
  const rights = describeRights(record.rights);
  return el(
    'rightsList',
    {},
    el(
      'rights',
      {
        rightsURI: rights.uri,
        rightsIdentifier: rights.statementId,
        rightsIdentifierScheme: rights.statementId ? 'rightsstatements.org' : undefined,
        schemeURI: rights.statementId ? 'http://rightsstatements.org/vocab/' : undefined,
      },
      rights.statement,
    ),
  );
}

/** The `<resource>` element, with its namespace and schema location. */
export function buildDataCite(record: ArchivalRecord, urls: ServiceUrls): XmlElement {
  const extent = recordExtent(record);
  const language = record.languages?.[0];
  return el(
    'resource',
    {
      xmlns: DATACITE_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${DATACITE_NAMESPACE} ${DATACITE_SCHEMA}`,
    },
    el('identifier', { identifierType: 'URL' }, urls.record(record.id)),
    creators(record),
    el('titles', {}, el('title', {}, record.title)),
    el('publisher', {}, record.publisher.name),
    el('publicationYear', {}, publicationYear(record)),
    el('resourceType', { resourceTypeGeneral: RESOURCE_TYPE_GENERAL[record.resourceType] }, record.genre ?? record.resourceType),
    record.subjects.length > 0
      ? el(
          'subjects',
          {},
          record.subjects.map((s) => el('subject', { valueURI: s.uri }, s.term)),
        )
      : undefined,
    contributors(record),
    dates(record),
    textEl('language', language),
    alternateIdentifiers(record),
    relatedIdentifiers(record, urls),
    extent ? el('sizes', {}, el('size', {}, extent)) : undefined,
    rightsList(record),
    descriptions(record),
    record.places.length > 0
      ? el(
          'geoLocations',
          {},
          record.places.map((p) => el('geoLocation', {}, el('geoLocationPlace', {}, p.name))),
        )
      : undefined,
  );
}
