/** The record in DCMI Terms as RDF/XML: one `rdf:Description` of the landing page. */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { el, type XmlElement } from '../xml/xml-tree.ts';
import { DCTERMS_NAMESPACE, dctermsStatements, dctermsSubject } from './dcterms-statements.ts';

export const RDF_NAMESPACE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

export function buildDctermsRdf(record: ArchivalRecord, urls: ServiceUrls): XmlElement {
  const properties = dctermsStatements(record, urls).map(({ property, object }) =>
    object.kind === 'resource'
      ? el(`dcterms:${property}`, { 'rdf:resource': object.iri })
      : el(`dcterms:${property}`, { 'xml:lang': object.language, 'rdf:datatype': object.datatype }, object.value),
  );
  return el(
    'rdf:RDF',
    { 'xmlns:rdf': RDF_NAMESPACE, 'xmlns:dcterms': DCTERMS_NAMESPACE },
    el('rdf:Description', { 'rdf:about': dctermsSubject(record, urls) }, properties),
  );
}
