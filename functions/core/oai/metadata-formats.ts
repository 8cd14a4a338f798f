/** The metadata formats this repository disseminates, each with its crosswalk. */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { buildOaiDataCite, OAI_DATACITE_NAMESPACE, OAI_DATACITE_SCHEMA } from '../datacite/build-oai-datacite.ts';
import { buildOaiDc, OAI_DC_NAMESPACE, OAI_DC_SCHEMA } from '../dc/build-oai-dc.ts';
import { buildMarcRecord, MARC_NAMESPACE, MARC_SCHEMA } from '../marc/build-marcxml.ts';
import { buildMods, MODS_NAMESPACE, MODS_SCHEMA } from '../mods/build-mods.ts';
import type { ServiceUrls } from '../urls.ts';
import type { XmlElement } from '../xml/xml-tree.ts';

export interface MetadataFormat {
  prefix: string;
  schema: string;
  namespace: string;
  build(record: ArchivalRecord, urls: ServiceUrls): XmlElement;
}

export const METADATA_FORMATS: readonly MetadataFormat[] = [
  { prefix: 'oai_dc', schema: OAI_DC_SCHEMA, namespace: OAI_DC_NAMESPACE, build: buildOaiDc },
  { prefix: 'mods', schema: MODS_SCHEMA, namespace: MODS_NAMESPACE, build: buildMods },
  { prefix: 'marc21', schema: MARC_SCHEMA, namespace: MARC_NAMESPACE, build: buildMarcRecord },
  { prefix: 'oai_datacite', schema: OAI_DATACITE_SCHEMA, namespace: OAI_DATACITE_NAMESPACE, build: buildOaiDataCite },
];

export const metadataFormat = (prefix: string) => METADATA_FORMATS.find((format) => format.prefix === prefix);
