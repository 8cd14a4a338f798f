import { buildDataCite, DATACITE_MEDIA_TYPE } from '../../core/datacite/build-datacite.ts';
import { serializeXml } from '../../core/xml/xml-tree.ts';
import type { Rendering } from './rendering.ts';

/** DataCite Metadata Schema 4.7 XML, under the media type DOI content negotiation names. */
export const dataciteXml: Rendering = {
  label: 'DataCite XML 4.7',
  extension: 'datacite.xml',
  contentType: `${DATACITE_MEDIA_TYPE}; charset=utf-8`,
  mediaTypes: [DATACITE_MEDIA_TYPE],
  render: (record, { urls }) => serializeXml(buildDataCite(record, urls)),
};
