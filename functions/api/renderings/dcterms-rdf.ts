import { buildDctermsRdf } from '../../core/dc/build-dcterms-rdf.ts';
import { serializeXml } from '../../core/xml/xml-tree.ts';
import type { Rendering } from './rendering.ts';

/** DCMI Terms as RDF/XML. */
export const dctermsRdf: Rendering = {
  label: 'DCMI Terms (RDF/XML)',
  extension: 'rdf',
  contentType: 'application/rdf+xml; charset=utf-8',
  mediaTypes: ['application/rdf+xml'],
  render: (record, { urls }) => serializeXml(buildDctermsRdf(record, urls)),
};
