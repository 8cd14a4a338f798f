/**
 * unAPI (https://web.archive.org/web/2015/http://unapi.info/specs/): `/unapi` lists the formats,
 * `/unapi?id=` lists them for one record (300 Multiple Choices), `/unapi?id=&format=` returns
 * the record in that format. The landing page links here with `<link rel="unapi-server">` and
 * names the record with `<abbr class="unapi-id">`, which is what Zotero's unAPI translator reads.
 *
 * MODS and MARCXML are deliberately not listed: Zotero's translator (zotero/translators
 * unAPI.js, `RECOGNIZABLE_FORMATS`) prefers them over RIS when offered, and RIS is the format whose
 * letter and manuscript types (`PCOMM`, `MANSCPT`), kind (`M3`), recipient (`A2`), archive
 * (`DB`), archival location (`AV`) and rights (`CR`) its importer maps one to one. Of the others
 * listed it recognises only `bibtex`, which comes after `ris`. MODS and MARCXML stay available at
 * their extension URLs and over OAI-PMH.
 */
import { Hono } from 'hono';
import { escapeXmlAttribute } from '../../core/xml/escape-xml.ts';
import { loadRecord } from '../../http/load-record.ts';
import { badRequest, HttpProblem } from '../../http/problem.ts';
import { reply } from '../../http/reply.ts';
import type { AppEnv } from '../app-env.ts';
import { type OpenApiPaths, ok, operation, queryParameter, RECORD_RESPONSES } from '../openapi/operations.ts';
import { RENDERINGS, renderingByExtension } from '../renderings/index.ts';
import { mediaTypeOf } from '../renderings/rendering-resources.ts';
import { sendRendering } from './records.ts';

/** unAPI format names and the renderings they serve, in order of usefulness to reference managers. */
const UNAPI_FORMATS: readonly { name: string; extension: string; docs?: string }[] = [
  { name: 'ris', extension: 'ris', docs: 'https://en.wikipedia.org/wiki/RIS_(file_format)' },
  { name: 'csl', extension: 'csl.json', docs: 'https://github.com/citation-style-language/schema' },
  { name: 'bibtex', extension: 'bib', docs: 'https://www.bibtex.org/Format/' },
  { name: 'biblatex', extension: 'biblatex.bib', docs: 'https://ctan.org/pkg/biblatex' },
  { name: 'oai_dc', extension: 'dc.xml', docs: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd' },
  { name: 'dcterms_jsonld', extension: 'jsonld', docs: 'https://www.dublincore.org/specifications/dublin-core/dcmi-terms/' },
  { name: 'dcterms_rdf', extension: 'rdf', docs: 'https://www.dublincore.org/specifications/dublin-core/dcmi-terms/' },
  { name: 'json', extension: 'json' },
];

const available = () => UNAPI_FORMATS.filter((f) => RENDERINGS.some((r) => r.extension === f.extension));

function formatList(id?: string): string {
  const formats = available().map((f) => {
    const rendering = renderingByExtension(f.extension);
    const type = rendering ? mediaTypeOf(rendering) : 'application/octet-stream';
    const docs = f.docs ? ` docs="${escapeXmlAttribute(f.docs)}"` : '';
    return `  <format name="${escapeXmlAttribute(f.name)}" type="${escapeXmlAttribute(type)}"${docs}/>`;
  });
  const idAttr = id === undefined ? '' : ` id="${escapeXmlAttribute(id)}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<formats${idAttr}>\n${formats.join('\n')}\n</formats>\n`;
}

const XML = { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' };

export const unapiRoutes = new Hono<AppEnv>().get('/unapi', async (c) => {
  const id = c.req.query('id');
  const format = c.req.query('format');
  if (id === undefined) {
    if (format !== undefined) throw badRequest('unAPI: "format" needs an "id".');
    return reply(c, formatList(), 200, XML);
  }
  const record = await loadRecord(c.get('deps').records, id);
  if (format === undefined) return reply(c, formatList(record.id), 300, XML);
  const entry = available().find((f) => f.name === format);
  const rendering = entry && renderingByExtension(entry.extension);
  if (!rendering) {
    const offered = available().map((f) => f.name);
    throw new HttpProblem(406, 'Not Acceptable', `unAPI format "${format}" is not offered; offered: ${offered.join(', ')}`, { offered });
  }
  return sendRendering(c, record, rendering, new Map(), {
    'Content-Location': c.get('deps').urls.recordRendering(record.id, rendering.extension),
  });
});

export const unapiPaths: OpenApiPaths = {
  '/unapi': {
    get: operation(
      'discovery',
      'unAPI: the formats, the formats of one record (300), or the record in one format',
      {
        '200': ok('The format list, or the record in the format asked for', [XML['Content-Type']]),
        '300': ok('The formats of the record', [XML['Content-Type']]),
        ...RECORD_RESPONSES,
      },
      [queryParameter('id', 'A record id', { type: 'string' }), queryParameter('format', 'A format name from the list', { type: 'string' })],
    ),
  },
};
