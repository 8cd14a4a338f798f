import { buildMarcRecord } from '../../core/marc/build-marcxml.ts';
import { serializeXml } from '../../core/xml/xml-tree.ts';
import type { Rendering } from './rendering.ts';

/** MARC 21 bibliographic record in MARCXML. */
export const marcXml: Rendering = {
  label: 'MARCXML',
  extension: 'marc.xml',
  contentType: 'application/marcxml+xml; charset=utf-8',
  mediaTypes: ['application/marcxml+xml'],
  render: (record, { urls }) => serializeXml(buildMarcRecord(record, urls)),
};
