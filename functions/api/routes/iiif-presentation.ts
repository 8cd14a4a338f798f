/**
 * IIIF Presentation API 3.0: record manifests (and every canvas, annotation page, annotation and
 * range in them, so that each id resolves) and the collections that list them. JSON-LD with the
 * Presentation 3 profile, open CORS (from the app), strong ETags and 304s, Brotli/gzip on request.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { buildCollection, type CollectionPage, PAGE_PARAMETER } from '../../core/iiif/presentation-3/build-collection.ts';
import { buildManifest } from '../../core/iiif/presentation-3/build-manifest.ts';
import { ARCHIVAL_LEVELS, parseCollectionPath } from '../../core/iiif/presentation-3/collection-paths.ts';
import { findPresentationPart } from '../../core/iiif/presentation-3/presentation-parts.ts';
import { readCollectionPage } from '../../core/iiif/presentation-3/read-collection-page.ts';
import { PRESENTATION_MEDIA_TYPE } from '../../core/iiif/presentation-3/types.ts';
import { signCursor, verifyCursor } from '../../core/paging/signed-cursor.ts';
import { DISSEMINATION_VERSION } from '../../core/records/record-fingerprint.ts';
import { sendCachedRepresentation, sendRepresentation } from '../../http/conditional.ts';
import { loadRecord } from '../../http/load-record.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import type { AppEnv } from '../app-env.ts';
import {
  COMMON_RESPONSES,
  type OpenApiPaths,
  type Operation,
  ok,
  operation,
  type Parameter,
  pathParameter,
  queryParameter,
  RECORD_ID,
  RECORD_RESPONSES,
} from '../openapi/operations.ts';
import { redirectToPreferredVersion, VERSION_NEGOTIATION, VERSION_REDIRECT } from './iiif-presentation-version.ts';

const COLLECTION_ROOT = '/iiif/3/collection/';

/** Sends a Presentation resource; its ETag is a digest of the bytes, so it changes exactly when they do. */
export function sendPresentation(c: Context<AppEnv>, resource: object, contentType = PRESENTATION_MEDIA_TYPE): Response {
  const body = JSON.stringify(resource);
  const etag = createHash('sha256').update(body).digest('base64url').slice(0, 32);
  return sendRepresentation(c, { body, contentType, etag });
}

/**
 * A resource of a record's IIIF space at `/iiif/3/{id}/{path}`; 404 when the record has none
 * there. Its ETag, like the manifest's, follows the record's version and the dissemination version.
 */
async function sendPart(c: Context<AppEnv>, path: string): Promise<Response> {
  const { urls, records } = c.get('deps');
  const record = await loadRecord(records, c.req.param('id') ?? '');
  const id = urls.iiifPart(record.id, path);
  const part = findPresentationPart(record, urls, id);
  if (!part) throw notFound(`Record "${record.id}" has no IIIF resource "${path.slice(0, 80)}".`);
  return sendCachedRepresentation(c, {
    render: () => JSON.stringify(part),
    contentType: PRESENTATION_MEDIA_TYPE,
    etag: `${record.id}-v${record.version}-d${DISSEMINATION_VERSION}-${createHash('sha256').update(id).digest('base64url').slice(0, 16)}`,
  });
}

/** The decoded segments of a collection path, or undefined when a segment is not valid percent-encoding. */
function collectionSegments(pathname: string, root: string): string[] | undefined {
  try {
    return pathname.slice(root.length).split('/').map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/**
 * The page of the collection at this request's path below `root` (`/iiif/3/collection/` or its
 * 2.1 twin), its cursors signed for that path; 404 when there is none, 400 for a forged page.
 */
export async function requestedCollectionPage(c: Context<AppEnv>, root: string): Promise<CollectionPage> {
  const { pathname } = new URL(c.req.url);
  const segments = collectionSegments(pathname, root);
  const address = segments && parseCollectionPath(segments);
  if (!address) throw notFound(`No IIIF collection is served at ${pathname}.`);
  const deps = c.get('deps');
  const context = `iiif-collection/1 ${pathname}`;
  const signed = c.req.query(PAGE_PARAMETER);
  const after = signed === undefined ? undefined : verifyCursor(signed, deps.config.tokenSecret, context);
  if (signed !== undefined && after === undefined) throw badRequest(`"${PAGE_PARAMETER}" is not a page of this collection.`);
  const page = await readCollectionPage(deps.records, address, after, { serviceName: deps.config.oai.repositoryName });
  if (!page) throw notFound(`No IIIF collection is served at ${pathname}.`);
  // Page URLs carry signed cursors: a forged or altered one is a 400 before any store is read.
  if (page.after !== undefined && signed !== undefined) page.after = signed;
  if (page.next !== undefined) page.next = signCursor(page.next, deps.config.tokenSecret, context);
  return page;
}

export const iiifPresentationRoutes = new Hono<AppEnv>()
  .get(`${COLLECTION_ROOT}*`, async (c) => sendPresentation(c, buildCollection(await requestedCollectionPage(c, COLLECTION_ROOT), c.get('deps').urls)))
  .get('/iiif/3/:id/manifest', async (c) => {
    const record = await loadRecord(c.get('deps').records, c.req.param('id'));
    return (
      redirectToPreferredVersion(c, 3, record.id) ??
      sendCachedRepresentation(c, {
        render: () => JSON.stringify(buildManifest(record, c.get('deps').urls)),
        contentType: PRESENTATION_MEDIA_TYPE,
        etag: `${record.id}-v${record.version}-d${DISSEMINATION_VERSION}-manifest`,
        headers: { Vary: 'Accept' },
      })
    );
  })
  // Every id inside a record's IIIF space resolves: canvases, annotation pages, annotations, ranges.
  .get('/iiif/3/:id/canvas/:name', (c) => sendPart(c, `canvas/${c.req.param('name')}`))
  .get('/iiif/3/:id/canvas/:name/page/:page', (c) => sendPart(c, `canvas/${c.req.param('name')}/page/${c.req.param('page')}`))
  .get('/iiif/3/:id/canvas/:name/annotation/:annotation', (c) => sendPart(c, `canvas/${c.req.param('name')}/annotation/${c.req.param('annotation')}`))
  .get('/iiif/3/:id/annotations/:name', (c) => sendPart(c, `annotations/${c.req.param('name')}`))
  .get('/iiif/3/:id/annotation/:name', (c) => sendPart(c, `annotation/${c.req.param('name')}`))
  .get('/iiif/3/:id/range/:name', (c) => sendPart(c, `range/${c.req.param('name')}`));

/** The examples of the archival levels' path parameters: a delo of the seeded store, and its fond and opis. */
const LEVEL_EXAMPLES = { repository: 'APRF', fond: '45', opis: '1', delo: '337' };

/** The collections of the archival tree below `root`, one path per depth (`{repository}`, `{repository}/{fond}`, ...). */
export function archiveCollectionPaths(
  root: string,
  summary: (level: string) => string,
  collection: (summary: string, parameters: Parameter[]) => Operation,
): OpenApiPaths {
  return Object.fromEntries(
    ARCHIVAL_LEVELS.map((_, depth) => {
      const levels = ARCHIVAL_LEVELS.slice(0, depth + 1);
      return [
        `${root}${levels.map((level) => `{${level}}`).join('/')}`,
        {
          get: collection(
            summary(levels[levels.length - 1] as string),
            levels.map((level) => pathParameter(level, `The ${level}, as the reference writes it`, LEVEL_EXAMPLES[level])),
          ),
        },
      ];
    }),
  );
}

/** Path parameters both Presentation versions' parts name. */
export const CANVAS_PARAMETER = pathParameter('name', 'The canvas name, after the leaf (`document` when the source cites no leaf)', 'l37');
export const TEXT_PARAMETER = pathParameter('name', 'The kind and language of the text, and its number when there are several', 'translation-en');
export const RANGE_PARAMETER = pathParameter('name', 'The range', 'document');

const part = (summary: string, description: string, parameters: Parameter[]) => ({
  get: operation('iiif', summary, { '200': ok(description, [PRESENTATION_MEDIA_TYPE]), ...RECORD_RESPONSES }, [RECORD_ID, ...parameters]),
});
const page = queryParameter(PAGE_PARAMETER, 'A continuation page of the collection, as its previous page links to it', { type: 'string' });
const collection = (summary: string, parameters: Parameter[]) =>
  operation('iiif', summary, { '200': ok('A IIIF Presentation 3.0 Collection', [PRESENTATION_MEDIA_TYPE]), ...COMMON_RESPONSES }, [...parameters, page]);

export const iiifPresentationPaths: OpenApiPaths = {
  '/iiif/3/{id}/manifest': {
    get: operation(
      'iiif',
      'The record as a IIIF Presentation 3.0 Manifest',
      { '200': ok('The Manifest', [PRESENTATION_MEDIA_TYPE]), ...VERSION_REDIRECT, ...RECORD_RESPONSES },
      [RECORD_ID],
      { description: VERSION_NEGOTIATION },
    ),
  },
  '/iiif/3/{id}/canvas/{name}': part('One Canvas of the Manifest, dereferenced', 'The Canvas', [CANVAS_PARAMETER]),
  '/iiif/3/{id}/canvas/{name}/page/{page}': part("A canvas's painting AnnotationPage, dereferenced", 'The AnnotationPage', [
    CANVAS_PARAMETER,
    pathParameter('page', 'The page of the canvas', 'painting'),
  ]),
  '/iiif/3/{id}/canvas/{name}/annotation/{annotation}': part("A canvas's painting Annotation, dereferenced", 'The Annotation', [
    CANVAS_PARAMETER,
    pathParameter('annotation', 'The annotation of the canvas', 'painting'),
  ]),
  '/iiif/3/{id}/annotations/{name}': part(
    "A text's AnnotationPage (translation or transcription), which every canvas the text covers references",
    'The AnnotationPage',
    [TEXT_PARAMETER],
  ),
  '/iiif/3/{id}/annotation/{name}': part("A text's supplementing Annotation, with the text as HTML", 'The Annotation', [TEXT_PARAMETER]),
  '/iiif/3/{id}/range/{name}': part('A Range of the Manifest, dereferenced', 'The Range', [RANGE_PARAMETER]),
  [`${COLLECTION_ROOT}top`]: { get: collection('The top collection: every record, and the repositories', []) },
  [`${COLLECTION_ROOT}all`]: { get: collection('Every record, in the order of its last change', []) },
  ...archiveCollectionPaths(`${COLLECTION_ROOT}archive/`, (level) => `The ${level} as a collection of its sub-levels and manifests`, collection),
};
