/**
 * The record's Dublin Core elements as DCMI Terms statements (property, object), the common
 * ground of the JSON-LD and RDF/XML renderings. Refinements replace their element
 * (`date` -> `created`), vocabulary terms and URIs become resources, schemes become datatypes.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { type DcElement, dublinCoreElements } from './dublin-core-elements.ts';

export const DCTERMS_NAMESPACE = 'http://purl.org/dc/terms/';
export const DCMITYPE_NAMESPACE = 'http://purl.org/dc/dcmitype/';
export const XSD_NAMESPACE = 'http://www.w3.org/2001/XMLSchema#';

export type DctermsObject = { kind: 'resource'; iri: string } | { kind: 'literal'; value: string; language?: string; datatype?: string };

export interface DctermsStatement {
  /** Local name in the DCMI Terms namespace (`title`, `created`, `spatial`). */
  property: string;
  object: DctermsObject;
}

/** Properties whose range is a literal: a URI given for them stays a literal typed xsd:anyURI. */
const LITERAL_RANGE = new Set(['identifier', 'title', 'description', 'abstract', 'date', 'created']);

function objectOf(element: DcElement, property: string): DctermsObject {
  const literal = (datatype?: string): DctermsObject => ({
    kind: 'literal',
    value: element.value,
    ...(element.language ? { language: element.language } : {}),
    ...(datatype ? { datatype } : {}),
  });
  switch (element.scheme) {
    case 'URI':
      return LITERAL_RANGE.has(property) ? literal(`${XSD_NAMESPACE}anyURI`) : { kind: 'resource', iri: element.value };
    case 'DCMIType':
      return { kind: 'resource', iri: `${DCMITYPE_NAMESPACE}${element.value}` };
    case 'W3CDTF':
      return literal(`${DCTERMS_NAMESPACE}W3CDTF`);
    case 'ISO639-1':
      // ISO 639-1 codes are RFC 5646 language tags; DCMI Terms names the latter as a datatype.
      return literal(`${DCTERMS_NAMESPACE}RFC5646`);
    case 'IMT':
      return literal(`${DCTERMS_NAMESPACE}IMT`);
    default:
      return literal();
  }
}

/** The record's DCMI Terms statements, in the order of its Dublin Core elements. */
export function dctermsStatements(record: ArchivalRecord, urls: ServiceUrls): DctermsStatement[] {
  return dublinCoreElements(record, urls).map((element) => {
    const property = element.refinement ?? element.name;
    return { property, object: objectOf(element, property) };
  });
}

/** The IRI the statements are about: the record's landing page. */
export const dctermsSubject = (record: ArchivalRecord, urls: ServiceUrls) => urls.record(record.id);
