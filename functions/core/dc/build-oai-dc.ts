/** Simple Dublin Core in the OAI-PMH `oai_dc` container: the DC elements of the record, unqualified. */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { el, type XmlElement } from '../xml/xml-tree.ts';
import { dublinCoreElements } from './dublin-core-elements.ts';

export const OAI_DC_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const OAI_DC_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';
export const DC_ELEMENTS_NAMESPACE = 'http://purl.org/dc/elements/1.1/';

export function buildOaiDc(record: ArchivalRecord, urls: ServiceUrls): XmlElement {
  return el(
    'oai_dc:dc',
    {
      'xmlns:oai_dc': OAI_DC_NAMESPACE,
      'xmlns:dc': DC_ELEMENTS_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${OAI_DC_NAMESPACE} ${OAI_DC_SCHEMA}`,
    },
    dublinCoreElements(record, urls).map((element) => el(`dc:${element.name}`, { 'xml:lang': element.language }, element.value)),
  );
}
