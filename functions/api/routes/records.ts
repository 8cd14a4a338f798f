import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { buildTombstonePage } from '../../core/landing/build-tombstone-page.ts';
import { LANDING_SECURITY_HEADERS } from '../../core/landing/landing-assets.ts';
import { DISSEMINATION_VERSION } from '../../core/records/record-fingerprint.ts';
import { sendCachedRepresentation } from '../../http/conditional.ts';
import { loadRecord, WithdrawnRecordProblem } from '../../http/load-record.ts';
import { negotiate, type Offer } from '../../http/negotiate.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import { reply } from '../../http/reply.ts';
import type { AppEnv } from '../app-env.ts';
import { citationRequest, citationUrl, sendCitation } from '../citation/send-citation.ts';
import { type OpenApiPaths, ok, operation, RECORD_ID, RECORD_RESPONSES, ref } from '../openapi/operations.ts';
import { RENDERINGS, renderingByExtension } from '../renderings/index.ts';
import type { RenderContext, Rendering } from '../renderings/rendering.ts';
import { mediaTypeOf } from '../renderings/rendering-resources.ts';

/** ETag of a rendering of one record version: changes with the record, the crosswalks and the parameters. */
export function renderingEtag(record: ArchivalRecord, rendering: Rendering, params: ReadonlyMap<string, string>): string {
  const varying = (rendering.varyingParams ?? []).map((name) => `${name}=${params.get(name) ?? ''}`).join('&');
  const suffix = varying ? `-${Buffer.from(varying).toString('base64url')}` : '';
  return `${record.id}-v${record.version}-d${DISSEMINATION_VERSION}-${rendering.extension}${suffix}`;
}

export async function sendRendering(
  c: Context<AppEnv>,
  record: ArchivalRecord,
  rendering: Rendering,
  params: ReadonlyMap<string, string>,
  headers: { [name: string]: string } = {},
): Promise<Response> {
  const context: RenderContext = { urls: c.get('deps').urls, params };
  return sendCachedRepresentation(c, {
    render: () => rendering.render(record, context),
    contentType: rendering.contentType,
    etag: renderingEtag(record, rendering, params),
    renderHeaders: () => rendering.headers?.(record, context) ?? {},
    headers,
  });
}

/** `text/x-bibliography` (a formatted citation, DOI-style) is offered besides the renderings. */
export const BIBLIOGRAPHY_MEDIA_TYPE = 'text/x-bibliography';

type Representation = { kind: 'rendering'; rendering: Rendering } | { kind: 'bibliography' };

/**
 * Where a rendering stands when `Accept` allows several: the landing page first, then the Record
 * JSON, then the rest in the registry's order.
 */
const preference = (rendering: Rendering) => (rendering.relation === 'landing' ? 0 : rendering.extension === 'json' ? 1 : 2);

/**
 * What `/records/{id}` offers, in order of preference when `Accept` allows several. Like a DOI, the
 * landing page comes first: it is what a request without `Accept`, or with `*\/*` (curl, Zotero's
 * translation-server and so Wikipedia's Citoid), or with a browser's `Accept` gets, and the page
 * is where reference managers find every other format (Highwire tags, unAPI, `alternate` links).
 * `application/json` gets the Record; any other type named outright, its rendering.
 */
export const RECORD_OFFERS: readonly Offer<Representation>[] = [
  ...[...RENDERINGS]
    .sort((a, b) => preference(a) - preference(b))
    .flatMap((rendering) =>
      rendering.mediaTypes.map((mediaType) => ({ mediaType, sends: mediaTypeOf(rendering), value: { kind: 'rendering' as const, rendering } })),
    ),
  { mediaType: BIBLIOGRAPHY_MEDIA_TYPE, value: { kind: 'bibliography' } },
];

/** `/records/{id}` without an extension: the representation `Accept` asks for, `Vary: Accept`, 406 otherwise. */
async function sendNegotiated(c: Context<AppEnv>, record: ArchivalRecord): Promise<Response> {
  const chosen = negotiate(c.req.header('Accept'), RECORD_OFFERS);
  const vary = { Vary: 'Accept' };
  if (!chosen) {
    const offered = [...new Set(RECORD_OFFERS.map((o) => o.mediaType))];
    throw new HttpProblem(406, 'Not Acceptable', `This resource is offered as: ${offered.join(', ')}`, { offered }, vary);
  }
  const query = c.req.query();
  const representation = chosen.offer.value;
  if (representation.kind === 'bibliography') {
    const params = chosen.range?.params;
    const request = citationRequest({ style: params?.get('style') ?? query.style, locale: params?.get('locale') ?? query.locale });
    return sendCitation(c, record, request, { ...vary, 'Content-Location': citationUrl(c, record, request) });
  }
  const { rendering } = representation;
  return sendRendering(c, record, rendering, new Map(Object.entries(query)), {
    ...vary,
    'Content-Location': c.get('deps').urls.recordRendering(record.id, rendering.extension),
  });
}

/** A withdrawn record's page, 410, for a browser asking for the landing page. */
function sendTombstonePage(c: Context<AppEnv>, problem: WithdrawnRecordProblem, vary: { [name: string]: string }): Response {
  const { urls, config } = c.get('deps');
  return reply(c, buildTombstonePage(problem.tombstone, urls, { serviceName: config.oai.repositoryName }), 410, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'public, max-age=300',
    ...LANDING_SECURITY_HEADERS,
    ...vary,
  });
}

/** Whether this request asks for the landing page: `.html`, or HTML preferred by `Accept`. */
function wantsLandingPage(c: Context<AppEnv>, extension: string | undefined): boolean {
  if (extension !== undefined) return extension === 'html';
  const chosen = negotiate(c.req.header('Accept'), RECORD_OFFERS)?.offer.value;
  return chosen?.kind === 'rendering' && chosen.rendering.extension === 'html';
}

export const recordRoutes = new Hono<AppEnv>().get('/records/:file', async (c) => {
  const file = c.req.param('file');
  const dot = file.indexOf('.');
  const rawId = dot === -1 ? file : file.slice(0, dot);
  let record: ArchivalRecord;
  try {
    record = await loadRecord(c.get('deps').records, rawId);
  } catch (error) {
    if (!(error instanceof WithdrawnRecordProblem)) throw error;
    // Without an extension the answer (page or problem) depends on Accept, as a live record's does.
    const vary: { [name: string]: string } = dot === -1 ? { Vary: 'Accept' } : {};
    if (wantsLandingPage(c, dot === -1 ? undefined : file.slice(dot + 1))) return sendTombstonePage(c, error, vary);
    throw new HttpProblem(error.status, error.title, error.detail, error.extra, { ...error.headers, ...vary });
  }
  if (dot === -1) return sendNegotiated(c, record);
  const extension = file.slice(dot + 1);
  const rendering = renderingByExtension(extension);
  if (!rendering) throw notFound(`Record "${record.id}" has no rendering ".${extension}".`);
  return sendRendering(c, record, rendering, new Map(Object.entries(c.req.query())));
});

/** The operations of `/records/{id}`: the negotiated record, and each rendering at its own URL. */
export const recordPaths: OpenApiPaths = {
  '/records/{id}': {
    get: operation(
      'records',
      'The record: its landing page, or the representation Accept asks for',
      {
        '200': ok(
          "The chosen representation; `Content-Location` names its own URL. Without `Accept`, with `*/*` or with a browser's `Accept`, the landing page (HTML).",
          [...new Set([...RENDERINGS.flatMap((r) => r.mediaTypes), BIBLIOGRAPHY_MEDIA_TYPE])],
        ),
        '406': ref('responses', 'NotAcceptable'),
        ...RECORD_RESPONSES,
      },
      [RECORD_ID],
      {
        description: `Content negotiation on \`Accept\` (with q-values, \`Vary: Accept\`), like a DOI: a request without \`Accept\`, with \`*/*\` (curl, Zotero's translation-server, Wikipedia's Citoid) or with a browser's \`Accept\` gets the landing page, \`text/html\`, which carries the Highwire \`citation_*\` tags, unAPI and a link to every other format; \`application/json\` gets the Record; any other media type named outright, its rendering; \`${BIBLIOGRAPHY_MEDIA_TYPE}; style=...; locale=...\` a formatted citation. When \`Accept\` allows several, the landing page comes first, then the Record JSON, then the others in the order listed. A withdrawn record answers 410 the same way: a page where a live record's landing page would be sent, problem JSON otherwise. Every representation is also at its own URL below.`,
      },
    ),
  },
  ...Object.fromEntries(
    RENDERINGS.map((rendering) => [
      `/records/{id}.${rendering.extension}`,
      {
        get: operation(
          'records',
          `The record as ${rendering.label ?? rendering.extension}`,
          {
            '200': ok(
              rendering.label ?? rendering.extension,
              [rendering.contentType],
              rendering.extension === 'json' ? ref('schemas', 'ArchivalRecord') : undefined,
            ),
            ...RECORD_RESPONSES,
          },
          [RECORD_ID],
        ),
      },
    ]),
  ),
};
