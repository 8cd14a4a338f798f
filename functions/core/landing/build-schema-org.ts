/**
 * schema.org JSON-LD for the landing page: the record is a `Message` (sender, recipient,
 * dateSent) and an `ArchiveComponent` (holdingArchive, itemLocation), with its licence, the
 * verbatim rights statement and its IIIF manifest.
 */
import type { Agent, ArchivalRecord } from '../../../schemas/record.ts';
import { citationFacts } from '../citation/citation-facts.ts';
import { w3cdtfDate } from '../dc/dublin-core-elements.ts';
import { describeRights } from '../rights/describe-rights.ts';
import type { ServiceUrls } from '../urls.ts';

function agentNode(agent: Agent) {
  const node: { [key: string]: unknown } = { '@type': agent.kind === 'organization' ? 'Organization' : 'Person', name: agent.name };
  if (agent.kind === 'person' && agent.family) node.familyName = agent.family;
  if (agent.kind === 'person' && agent.given) node.givenName = agent.given;
  if (agent.alternateNames?.length) node.alternateName = agent.alternateNames;
  if (agent.sameAs?.length) node.sameAs = agent.sameAs;
  return node;
}

export function buildSchemaOrg(record: ArchivalRecord, urls: ServiceUrls) {
  const facts = citationFacts(record, urls);
  const rights = describeRights(record.rights);
  const date = w3cdtfDate(record.date) ?? (record.date.precision === 'range' ? record.date.edtf : undefined);
  const node: { [key: string]: unknown } = {
    '@context': 'https://schema.org',
    '@type': ['Message', 'ArchiveComponent'],
    '@id': facts.url,
    url: facts.url,
    identifier: record.id,
    name: record.title,
  };
  if (facts.genre) node.genre = facts.genre;
  if (facts.abstract) node.abstract = facts.abstract;
  if (facts.authors.length > 0) {
    node.sender = facts.authors.map(agentNode);
    node.author = facts.authors.map(agentNode);
  }
  if (facts.recipients.length > 0) node.recipient = facts.recipients.map(agentNode);
  if (facts.translators.length > 0) node.translator = facts.translators.map(agentNode);
  if (facts.contributors.length > 0) node.contributor = facts.contributors.map(agentNode);
  if (date) {
    node.dateCreated = date;
    if (record.date.precision !== 'range') node.dateSent = date;
  }
  if (facts.language) node.inLanguage = facts.language;
  node.holdingArchive = {
    '@type': 'ArchiveOrganization',
    name: record.publisher.name,
    url: record.publisher.homepage,
    ...(record.publisher.place ? { location: record.publisher.place } : {}),
    ...(record.publisher.institution ? { parentOrganization: { '@type': 'Organization', name: record.publisher.institution } } : {}),
  };
  if (facts.archiveLocation) node.itemLocation = facts.archiveLocation;
  node.publisher = { '@type': 'Organization', name: record.publisher.name, url: record.publisher.homepage };
  if (record.subjects.length > 0) node.about = record.subjects.map((s) => ({ '@type': 'Thing', name: s.term, ...(s.uri ? { sameAs: s.uri } : {}) }));
  if (record.places.length > 0) node.spatialCoverage = record.places.map((p) => ({ '@type': 'Place', name: p.name, ...(p.uri ? { sameAs: p.uri } : {}) }));
  if (record.temporalCoverage) node.temporalCoverage = record.temporalCoverage;
  node.license = rights.uri;
  node.copyrightNotice = rights.statement;
  node.sameAs = record.provenance.originalUrl;
  node.subjectOf = {
    '@type': 'CreativeWork',
    name: 'IIIF Presentation 3.0 manifest',
    url: urls.manifest(record.id),
    encodingFormat: 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"',
  };
  return node;
}
