/**
 * The image service in the IIIF Image API 2.1 syntax, for legacy clients
 * (docs/adr/0015-iiif-2-for-legacy-clients.md): the 2.1 parsers read a request into the same
 * request the 3.0 planner plans, and the app serves the plan as it serves a 3.0 one. Only the
 * syntax, the canonical form, the profile and info.json differ.
 *
 *   GET|HEAD /iiif/image/2/{id}                 303 to info.json
 *   GET|HEAD /iiif/image/2/{id}/info.json       image information (2.1), from the Record alone
 *   GET|HEAD /iiif/image/2/{id}/{region}/{size}/{rotation}/{quality}.{format}
 */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { ArchivalRecord, LeafImage } from '../../schemas/record.ts';
import { buildImageInfo2 } from '../core/iiif/image-2/build-image-info.ts';
import { IMAGE_2_COMPLIANCE_PROFILE, IMAGE_2_CONTEXT } from '../core/iiif/image-2/service-profile.ts';
import type { ImageLimits } from '../core/iiif/image-3/image-limits.ts';
import type { ServiceUrls } from '../core/urls.ts';
import { sendRepresentation } from '../http/conditional.ts';
import { prefersNamed } from '../http/negotiate.ts';
import { reply } from '../http/reply.ts';
import { IMAGE_2_SYNTAX, type ImageRequestSyntax } from './image-request-syntax.ts';

export const IMAGE_API_2_PREFIX = '/iiif/image/2';

/** What the image app lends the 2.1 routes: its limits, URLs, image lookup and the serving of a request. */
export interface ImageEngine {
  limits: ImageLimits;
  urls(c: Context): ServiceUrls;
  checkedImageId(raw: string): { id: string; recordId: string };
  loadImage(raw: string): Promise<{ record: ArchivalRecord; image: LeafImage }>;
  serveRequest(c: Context, syntax: ImageRequestSyntax): Promise<Response>;
}

const JSON_LD = 'application/ld+json';
/** Section 5: plain JSON unless the client asks for JSON-LD (and then the 2.1 context is named in the media type). */
const JSON_LD_MEDIA_TYPE = `${JSON_LD};profile="${IMAGE_2_CONTEXT}"`;
/** Section 5: a plain-JSON info.json names its context in a `Link` header. */
const CONTEXT_LINK = `<${IMAGE_2_CONTEXT}>;rel="http://www.w3.org/ns/json-ld#context";type="${JSON_LD}"`;
const PROFILE_LINK = `<${IMAGE_2_COMPLIANCE_PROFILE}>;rel="profile"`;

/** JSON-LD when `Accept` gives `application/ld+json` a higher quality than `application/json`; plain JSON otherwise. */
export function infoMediaType2(accept: string | undefined): string {
  return prefersNamed(accept, JSON_LD, 'application/json') ? JSON_LD_MEDIA_TYPE : 'application/json';
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);

export function mountImageApi2(app: Hono, engine: ImageEngine): void {
  app.get(`${IMAGE_API_2_PREFIX}/:id`, (c) => {
    const { id } = engine.checkedImageId(c.req.param('id'));
    return reply(c, null, 303, { Location: `${engine.urls(c).imageService2(id)}/info.json` });
  });

  app.get(`${IMAGE_API_2_PREFIX}/:id/info.json`, async (c) => {
    const { record, image } = await engine.loadImage(c.req.param('id'));
    const info = buildImageInfo2({ serviceId: engine.urls(c).imageService2(image.id), image, limits: engine.limits, rights: record.rights.uri });
    const body = JSON.stringify(info);
    const contentType = infoMediaType2(c.req.header('Accept'));
    const ld = contentType !== 'application/json';
    return sendRepresentation(c, {
      body,
      contentType,
      etag: `${digest(body)}-i2-${ld ? 'ld' : 'json'}`,
      headers: { Link: ld ? PROFILE_LINK : `${PROFILE_LINK}, ${CONTEXT_LINK}`, Vary: 'Accept' },
    });
  });

  app.get(`${IMAGE_API_2_PREFIX}/:id/:region/:size/:rotation/:file`, (c) => engine.serveRequest(c, IMAGE_2_SYNTAX));
}
