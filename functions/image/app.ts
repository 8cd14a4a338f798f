/**
 * The IIIF Image API 3.0 service (compliance level 2) as a Hono app, built from its
 * dependencies: its own Lambda function in AWS, mounted beside the metadata API locally.
 *
 *   GET|HEAD /iiif/image/3/{id}                 303 to info.json
 *   GET|HEAD /iiif/image/3/{id}/info.json       image information, from the Record alone
 *   GET|HEAD /iiif/image/3/{id}/{region}/{size}/{rotation}/{quality}.{format}
 *
 * and the same service in the Image API 2.1 syntax, below /iiif/image/2 (`image-api-2.ts`).
 */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { Config } from '../../schemas/config.ts';
import type { ArchivalRecord, LeafImage } from '../../schemas/record.ts';
import { pyramidKey } from '../core/bucket-layout.ts';
import { NotFoundError } from '../core/errors.ts';
import { buildImageInfo } from '../core/iiif/image-3/build-image-info.ts';
import { DEFAULT_IMAGE_LIMITS, type ImageLimits } from '../core/iiif/image-3/image-limits.ts';
import { parseLeafImageId } from '../core/iiif/image-3/leaf-image-id.ts';
import { OUTPUT_FORMATS } from '../core/iiif/image-3/parse-format.ts';
import { planImageRequest } from '../core/iiif/image-3/plan-image-request.ts';
import { COMPLIANCE_PROFILE_URI, INFO_MEDIA_TYPE } from '../core/iiif/image-3/service-profile.ts';
import type { BlobStore, RecordStore } from '../core/ports.ts';
import { matchesEtag, sendRepresentation } from '../http/conditional.ts';
import { createEdgeApp, type RequestFailure } from '../http/edge-app.ts';
import { loadRecord } from '../http/load-record.ts';
import { errorFields, log } from '../http/log.ts';
import { prefersNamed } from '../http/negotiate.ts';
import { HttpProblem, notFound } from '../http/problem.ts';
import { reply } from '../http/reply.ts';
import { forwardedHost, requestUrls } from '../http/request-urls.ts';
import { PyramidSource } from '../imaging/pyramid-cache.ts';
import { RENDER_VERSION, renderImage } from '../imaging/render-image.ts';
import { StoredTiles } from '../imaging/stored-tiles.ts';
import { IMAGE_API_2_PREFIX, mountImageApi2 } from './image-api-2.ts';
import { IMAGE_3_SYNTAX, type ImageRequestSyntax } from './image-request-syntax.ts';
import { RenderLanes, RenderQueueFullError } from './render-queue.ts';
import { failure } from './request-failure.ts';

export const IMAGE_API_PREFIX = '/iiif/image/3';

/**
 * Image responses for a URL change only when a leaf's derivative does (a scan replacing a
 * placeholder), and then their ETag changes: a day's freshness, then a cheap revalidation
 * that is answered from the record alone.
 */
export const CACHE_IMAGE = 'public, max-age=86400, stale-while-revalidate=604800';

export interface ImageAppDeps {
  config: Config;
  records: RecordStore;
  blobs: BlobStore;
  /** Declared in info.json and enforced before decoding; DEFAULT_IMAGE_LIMITS by default. */
  limits?: ImageLimits;
  /** Bytes of pyramids kept between requests; DEFAULT_PYRAMID_CACHE_BYTES by default. */
  pyramidCacheBytes?: number;
  /** Admission of renders (bounded concurrency and queue); a RenderLanes with its defaults by default. */
  renders?: RenderLanes;
  /** Bytes of stored tiles kept between requests; DEFAULT_TILE_CACHE_BYTES by default. */
  tileCacheBytes?: number;
}

const PROFILE_LINK = `<${COMPLIANCE_PROFILE_URI}>;rel="profile"`;

/** A full render queue is the documented Image API answer to a busy server: 503, with when to retry. */
const busy = (error: unknown): never => {
  if (!(error instanceof RenderQueueFullError)) throw error;
  const retryAfter = String(error.retryAfterSeconds);
  throw new HttpProblem(503, 'Service Unavailable', 'The image service is busy; retry shortly.', {}, { 'Retry-After': retryAfter });
};

const bytesOf = (bytes: Uint8Array) => new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);

/** An identifier that cannot name a leaf image is refused here, before any storage read. */
function checkedImageId(raw: string): { id: string; recordId: string } {
  const parsed = parseLeafImageId(raw);
  if (!parsed) throw notFound(`No image "${raw.slice(0, 80)}": image identifiers look like 110020-l37 or 110020-l37ob.`);
  return { id: raw, recordId: parsed.recordId };
}

async function loadImage(records: RecordStore, raw: string): Promise<{ record: ArchivalRecord; image: LeafImage }> {
  const { id, recordId } = checkedImageId(raw);
  const record = await loadRecord(records, recordId);
  const image = record.images.find((candidate) => candidate.id === id);
  if (!image) throw notFound(`No image "${id}": record ${recordId} has no such leaf image.`);
  return { record, image };
}

/** JSON-LD unless the client asks for plain JSON and not for JSON-LD (section 5.1). */
function infoMediaType(accept: string | undefined): string {
  return prefersNamed(accept, 'application/json', 'application/ld+json') ? 'application/json' : INFO_MEDIA_TYPE;
}

/**
 * Logs the 5xx that no code chose to answer: a full render queue's 503 and a 501 for what is not
 * implemented are answers, not failures.
 */
function logUnexpectedFailure({ error, problem, path }: RequestFailure): void {
  if (problem.status >= 500 && !(error instanceof HttpProblem)) log.error('image request failed', { path, ...errorFields(error) });
}

export function createImageApp(deps: ImageAppDeps): Hono {
  const urlsFor = requestUrls(deps.config);
  const limits = deps.limits ?? DEFAULT_IMAGE_LIMITS;
  const pyramids = new PyramidSource(deps.blobs, deps.pyramidCacheBytes);
  const renders = deps.renders ?? new RenderLanes();
  const tiles = new StoredTiles(deps.blobs, deps.tileCacheBytes);
  // The same guard, CORS, unrouted answer and error handler as the metadata API, on the image paths only;
  // ids follow the host the CDN forwarded, if trusted.
  const app = createEdgeApp({
    originSecret: deps.config.originSecret,
    exposeHeaders: ['ETag', 'Link', 'Location', 'Content-Length'],
    paths: [`${IMAGE_API_PREFIX}/*`, `${IMAGE_API_2_PREFIX}/*`],
    logFailure: logUnexpectedFailure,
  });

  /** Serves an image request in either version's syntax: the ETag (and a 304) from the record alone, then the pixels. */
  const serveRequest = async (c: Context, syntax: ImageRequestSyntax): Promise<Response> => {
    const { id } = checkedImageId(c.req.param('id') ?? '');
    const request = syntax.parse({
      region: c.req.param('region') ?? '',
      size: c.req.param('size') ?? '',
      rotation: c.req.param('rotation') ?? '',
      file: c.req.param('file') ?? '',
    });
    if (!request.ok) throw failure(request);
    const { record, image } = await loadImage(deps.records, id);
    const planned = planImageRequest(request.value, image, limits);
    if (!planned.ok) throw failure(planned);
    const plan = planned.value;
    const canonical = syntax.canonical(plan);
    const serviceId = syntax.serviceId(urlsFor(forwardedHost(c)), image.id);
    const headers = {
      ETag: `"${digest(`${syntax.etagPrefix}${image.sha256}/${canonical}/r${RENDER_VERSION}`)}"`,
      'Cache-Control': CACHE_IMAGE,
      Link: `<${serviceId}/${canonical}>;rel="canonical", <${syntax.profile}>;rel="profile"`,
    };
    // Answered before any storage read or decode: the ETag is known from the record alone.
    if (matchesEtag(c.req.header('If-None-Match'), headers.ETag)) return reply(c, null, 304, headers);
    const imageHeaders = { ...headers, 'Content-Type': OUTPUT_FORMATS[plan.request.format] };
    // A declared tile is the bytes ingest stored for it, the renderer's own (docs/adr/0016-stored-tiles.md).
    const stored = await tiles.read(record.id, image, plan);
    if (stored) return reply(c, c.req.method === 'HEAD' ? null : bytesOf(stored), 200, { ...imageHeaders, 'Content-Length': String(stored.byteLength) });
    // HEAD is answered from the plan: the headers a render would carry, without its pixels or its length.
    if (c.req.method === 'HEAD') return reply(c, null, 200, imageHeaders);
    const key = pyramidKey(record.id, image.leaf, image.sha256);
    const pyramid = await pyramids.load(key, image.sha256).catch((error: unknown) => {
      // The record names a derivative the bucket lacks: the service's fault, not the client's.
      throw error instanceof NotFoundError ? new Error(`the pyramid ${key} of image ${image.id} is missing`, { cause: error }) : error;
    });
    const { read, size } = plan;
    const cost = { readPixels: read.region.width * read.region.height, outputPixels: size.width * size.height };
    const output = await renders.run(cost, () => renderImage(pyramid, plan), c.req.raw.signal).catch(busy);
    return reply(c, bytesOf(output), 200, imageHeaders);
  };

  app.get(`${IMAGE_API_PREFIX}/:id`, (c) => {
    const { id } = checkedImageId(c.req.param('id'));
    return reply(c, null, 303, { Location: `${urlsFor(forwardedHost(c)).imageService(id)}/info.json` });
  });

  app.get(`${IMAGE_API_PREFIX}/:id/info.json`, async (c) => {
    const { record, image } = await loadImage(deps.records, c.req.param('id'));
    const urls = urlsFor(forwardedHost(c));
    const info = buildImageInfo({
      serviceId: urls.imageService(image.id),
      image,
      limits,
      rights: record.rights.uri,
      partOf: { id: urls.manifest(record.id), type: 'Manifest', label: { none: [record.title] } },
    });
    const body = JSON.stringify(info);
    const contentType = infoMediaType(c.req.header('Accept'));
    return sendRepresentation(c, {
      body,
      contentType,
      etag: `${digest(body)}-${contentType === INFO_MEDIA_TYPE ? 'ld' : 'json'}`,
      headers: { Link: PROFILE_LINK, Vary: 'Accept' },
    });
  });

  app.get(`${IMAGE_API_PREFIX}/:id/:region/:size/:rotation/:file`, (c) => serveRequest(c, IMAGE_3_SYNTAX));

  mountImageApi2(app, {
    limits,
    urls: (c) => urlsFor(forwardedHost(c)),
    checkedImageId,
    loadImage: (raw) => loadImage(deps.records, raw),
    serveRequest,
  });
  return app;
}
