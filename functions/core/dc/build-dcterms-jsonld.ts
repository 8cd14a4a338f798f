/** The record in DCMI Terms as compact JSON-LD (one node, `dcterms:` prefixed properties). */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { DCMITYPE_NAMESPACE, DCTERMS_NAMESPACE, type DctermsObject, dctermsStatements, dctermsSubject, XSD_NAMESPACE } from './dcterms-statements.ts';

type JsonLdValue = string | { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };

export interface DctermsJsonLd {
  '@context': { [prefix: string]: string };
  '@id': string;
  [property: string]: unknown;
}

const CONTEXT = { dcterms: DCTERMS_NAMESPACE, dcmitype: DCMITYPE_NAMESPACE, xsd: XSD_NAMESPACE };

const compact = (iri: string) => {
  for (const [prefix, ns] of Object.entries(CONTEXT)) if (iri.startsWith(ns)) return `${prefix}:${iri.slice(ns.length)}`;
  return iri;
};

function jsonLdValue(object: DctermsObject): JsonLdValue {
  if (object.kind === 'resource') return { '@id': compact(object.iri) };
  if (!object.language && !object.datatype) return object.value;
  return {
    '@value': object.value,
    ...(object.language ? { '@language': object.language } : {}),
    ...(object.datatype ? { '@type': compact(object.datatype) } : {}),
  };
}

export function buildDctermsJsonLd(record: ArchivalRecord, urls: ServiceUrls): DctermsJsonLd {
  const doc: DctermsJsonLd = { '@context': CONTEXT, '@id': dctermsSubject(record, urls) };
  const grouped = new Map<string, JsonLdValue[]>();
  for (const { property, object } of dctermsStatements(record, urls)) {
    const key = `dcterms:${property}`;
    const values = grouped.get(key) ?? [];
    values.push(jsonLdValue(object));
    grouped.set(key, values);
  }
  for (const [key, values] of grouped) doc[key] = values.length === 1 ? values[0] : values;
  return doc;
}
