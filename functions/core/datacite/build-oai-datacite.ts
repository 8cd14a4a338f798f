/**
 * The `oai_datacite` envelope (DataCite OAI schema 1.1) around a record's DataCite resource:
 * `schemaVersion`, `datacentreSymbol` and the `payload`. The envelope's schema requires
 * `datacentreSymbol`; no DataCite data centre registered these records, so it is empty.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { el, type XmlElement } from '../xml/xml-tree.ts';
import { buildDataCite, DATACITE_SCHEMA_VERSION } from './build-datacite.ts';

export const OAI_DATACITE_NAMESPACE = 'http://schema.datacite.org/oai/oai-1.1/';
export const OAI_DATACITE_SCHEMA = 'http://schema.datacite.org/oai/oai-1.1/oai.xsd';

export function buildOaiDataCite(record: ArchivalRecord, urls: ServiceUrls): XmlElement {
  return el(
    'oai_datacite',
    {
      xmlns: OAI_DATACITE_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${OAI_DATACITE_NAMESPACE} ${OAI_DATACITE_SCHEMA}`,
    },
    el('schemaVersion', {}, DATACITE_SCHEMA_VERSION),
    el('datacentreSymbol', {}),
    el('payload', {}, buildDataCite(record, urls)),
  );
}
