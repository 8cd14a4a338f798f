import { buildOaiDc } from '../../core/dc/build-oai-dc.ts';
import { serializeXml } from '../../core/xml/xml-tree.ts';
import type { Rendering } from './rendering.ts';

/** Simple Dublin Core in the oai_dc container, as OAI-PMH serves it. */
export const dcXml: Rendering = {
  label: 'Dublin Core (oai_dc XML)',
  extension: 'dc.xml',
  contentType: 'application/xml; charset=utf-8',
  mediaTypes: [],
  render: (record, { urls }) => serializeXml(buildOaiDc(record, urls)),
};
