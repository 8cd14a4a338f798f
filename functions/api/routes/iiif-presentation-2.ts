/**
 * IIIF Presentation API 2.1, for legacy clients (docs/adr/0015-iiif-2-for-legacy-clients.md):
 * record manifests, the texts' AnnotationLists (and the sequence, canvases and range, so that
 * their ids resolve) and the collections, from the same records as Presentation 3. JSON-LD with
 * the Presentation 2 profile, open CORS and Brotli/gzip (from the app), strong ETags and 304s.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { buildCollection2 } from '../../core/iiif/presentation-2/build-collection.ts';
import { buildManifest2 } from '../../core/iiif/presentation-2/build-manifest.ts';
import { findPresentation2Part } from '../../core/iiif/presentation-2/presentation-2-parts.ts';
import { presentation2Space } from '../../core/iiif/presentation-2/presentation-2-space.ts';
import { PRESENTATION_2_MEDIA_TYPE } from '../../core/iiif/presentation-2/types.ts';
import { PAGE_PARAMETER } from '../../core/iiif/presentation-3/build-collection.ts';
import { DISSEMINATION_VERSION } from '../../core/records/record-fingerprint.ts';
import { sendCachedRepresentation } from '../../http/conditional.ts';
import { loadRecord } from '../../http/load-record.ts';
import { notFound } from '../../http/problem.ts';
import type { AppEnv } from '../app-env.ts';
import {
  COMMON_RESPONSES,
  type OpenApiPaths,
  type Operation,
  ok,
  operation,
  type Parameter,
  type PathItem,
  pathParameter,
  queryParameter,
  RECORD_ID,
  RECORD_RESPONSES,
} from '../openapi/operations.ts';
import { autocomplete, autocompleteOperation, search, searchOperation } from './content-search.ts';
import { archiveCollectionPaths, CANVAS_PARAMETER, RANGE_PARAMETER, requestedCollectionPage, sendPresentation, TEXT_PARAMETER } from './iiif-presentation.ts';
import { redirectToPreferredVersion, VERSION_NEGOTIATION, VERSION_REDIRECT } from './iiif-presentation-version.ts';

const COLLECTION_ROOT = '/iiif/2/collection/';

/** The ETag of a resource of a record's 2.1 space: the record's version, the dissemination version, and which resource. */
const recordEtag = (record: { id: string; version: number }, what: string) => `${record.id}-v${record.version}-d${DISSEMINATION_VERSION}-p2-${what}`;

async function sendPart(c: Context<AppEnv>, path: string): Promise<Response> {
  const { urls, records } = c.get('deps');
  const record = await loadRecord(records, c.req.param('id') ?? '');
  const id = urls.iiif2Part(record.id, path);
  const part = findPresentation2Part(record, urls, id);
  if (!part) throw notFound(`Record "${record.id}" has no IIIF Presentation 2.1 resource "${path.slice(0, 80)}".`);
  return sendCachedRepresentation(c, {
    render: () => JSON.stringify(part),
    contentType: PRESENTATION_2_MEDIA_TYPE,
    etag: recordEtag(record, createHash('sha256').update(id).digest('base64url').slice(0, 16)),
  });
}

export const iiifPresentation2Routes = new Hono<AppEnv>()
  .get(`${COLLECTION_ROOT}*`, async (c) =>
    sendPresentation(c, buildCollection2(await requestedCollectionPage(c, COLLECTION_ROOT), c.get('deps').urls), PRESENTATION_2_MEDIA_TYPE),
  )
  .get('/iiif/2/:id/manifest', async (c) => {
    const record = await loadRecord(c.get('deps').records, c.req.param('id'));
    return (
      redirectToPreferredVersion(c, 2, record.id) ??
      sendCachedRepresentation(c, {
        render: () => JSON.stringify(buildManifest2(record, c.get('deps').urls)),
        contentType: PRESENTATION_2_MEDIA_TYPE,
        etag: recordEtag(record, 'manifest'),
        headers: { Vary: 'Accept' },
      })
    );
  })
  // Content Search 1.0 over the 2.1 canvases, which the 2.1 manifest declares.
  .get('/iiif/2/:id/search', (c) => search(c, 1, presentation2Space))
  .get('/iiif/2/:id/search/autocomplete', (c) => autocomplete(c, 1, presentation2Space))
  .get('/iiif/2/:id/annotations/:name', (c) => sendPart(c, `annotations/${c.req.param('name')}`))
  .get('/iiif/2/:id/sequence/:name', (c) => sendPart(c, `sequence/${c.req.param('name')}`))
  .get('/iiif/2/:id/canvas/:name', (c) => sendPart(c, `canvas/${c.req.param('name')}`))
  .get('/iiif/2/:id/range/:name', (c) => sendPart(c, `range/${c.req.param('name')}`));

const part = (summary: string, description: string, parameters: Parameter[]) => ({
  get: operation('iiif', summary, { '200': ok(description, [PRESENTATION_2_MEDIA_TYPE]), ...RECORD_RESPONSES }, [RECORD_ID, ...parameters]),
});
const page = queryParameter(PAGE_PARAMETER, 'A continuation page of the collection, as its previous page lists it', { type: 'string' });
const collection = (summary: string, parameters: Parameter[]) =>
  operation('iiif', summary, { '200': ok('A IIIF Presentation 2.1 sc:Collection', [PRESENTATION_2_MEDIA_TYPE]), ...COMMON_RESPONSES }, [...parameters, page]);
/** The 2.1 manifest's Search 1.0 service: the same search, its hits on the 2.1 canvases. */
const inPresentation2 = (get: Operation): PathItem => ({
  get: { ...get, summary: `${get.summary}; the service of the Presentation 2.1 manifest, its hits on the 2.1 canvases` },
});

export const iiifPresentation2Paths: OpenApiPaths = {
  '/iiif/2/{id}/manifest': {
    get: operation(
      'iiif',
      'The record as a IIIF Presentation 2.1 Manifest, for legacy clients, its images through the Image API 2.1',
      { '200': ok('The sc:Manifest', [PRESENTATION_2_MEDIA_TYPE]), ...VERSION_REDIRECT, ...RECORD_RESPONSES },
      [RECORD_ID],
      { description: VERSION_NEGOTIATION },
    ),
  },
  '/iiif/2/{id}/annotations/{name}': part("A text's sc:AnnotationList (translation or transcription), the canvases' otherContent", 'The sc:AnnotationList', [
    TEXT_PARAMETER,
  ]),
  '/iiif/2/{id}/sequence/{name}': part("The manifest's sc:Sequence, dereferenced", 'The sc:Sequence', [pathParameter('name', 'The sequence', 'normal')]),
  '/iiif/2/{id}/canvas/{name}': part('One sc:Canvas of the manifest, dereferenced', 'The sc:Canvas', [CANVAS_PARAMETER]),
  '/iiif/2/{id}/range/{name}': part('The sc:Range of the manifest, dereferenced', 'The sc:Range', [RANGE_PARAMETER]),
  [`${COLLECTION_ROOT}top`]: { get: collection('The top collection in Presentation 2.1: every record, and the repositories', []) },
  [`${COLLECTION_ROOT}all`]: { get: collection('Every record in Presentation 2.1, in the order of its last change', []) },
  ...archiveCollectionPaths(
    `${COLLECTION_ROOT}archive/`,
    (level) => `The ${level} as a Presentation 2.1 collection of its sub-levels and manifests`,
    collection,
  ),
  '/iiif/2/{id}/search': inPresentation2(searchOperation(1)),
  '/iiif/2/{id}/search/autocomplete': inPresentation2(autocompleteOperation(1)),
};
