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
import { sendRepresentation } from '../api/http/conditional.ts';
import { parseAccept } from '../api/http/negotiate.ts';
import { reply } from '../api/http/reply.ts';
import { buildImageInfo2 } from '../core/iiif/image-2/build-image-info.ts';
import { canonicalRequest2 } from '../core/iiif/image-2/canonical-request.ts';
import { parseImageRequest2 } from '../core/iiif/image-2/parse-image-request.ts';
import { IMAGE_2_COMPLIANCE_PROFILE, IMAGE_2_CONTEXT } from '../core/iiif/image-2/service-profile.ts';
import type { ImageLimits } from '../core/iiif/image-3/image-limits.ts';
import { type ImagePlan, planImageRequest } from '../core/iiif/image-3/plan-image-request.ts';
import type { ServiceUrls } from '../core/urls.ts';
import { failure } from './request-failure.ts';

export const IMAGE_API_2_PREFIX = '/iiif/image/2';

/** A planned request as the app serves it, in either version's terms. */
export interface PlannedImageResponse {
  record: ArchivalRecord;
  image: LeafImage;
  plan: ImagePlan;
  /** The version's service URL of the image. */
  serviceId: string;
  /** `{region}/{size}/{rotation}/{quality}.{format}` in the version's canonical form. */
  canonical: string;
  /** The version's compliance profile URI, for the `Link` header. */
  profile: string;
  /** Keeps the versions' ETags apart. */
  etagPrefix: string;
}

/** What the image app lends the 2.1 routes: its limits, URLs, image lookup and the serving of a plan. */
export interface ImageEngine {
  limits: ImageLimits;
  urls(c: Context): ServiceUrls;
  checkedImageId(raw: string): { id: string; recordId: string };
  loadImage(raw: string): Promise<{ record: ArchivalRecord; image: LeafImage }>;
  servePlanned(c: Context, planned: PlannedImageResponse): Promise<Response>;
}

const JSON_LD = 'application/ld+json';
/** Section 5: plain JSON unless the client asks for JSON-LD (and then the 2.1 context is named in the media type). */
const JSON_LD_MEDIA_TYPE = `${JSON_LD};profile="${IMAGE_2_CONTEXT}"`;
/** Section 5: a plain-JSON info.json names its context in a `Link` header. */
const CONTEXT_LINK = `<${IMAGE_2_CONTEXT}>;rel="http://www.w3.org/ns/json-ld#context";type="${JSON_LD}"`;
const PROFILE_LINK = `<${IMAGE_2_COMPLIANCE_PROFILE}>;rel="profile"`;

/** JSON-LD when `Accept` gives `application/ld+json` a higher quality than `application/json`; plain JSON otherwise. */
export function infoMediaType2(accept: string | undefined): string {
  const ranges = accept ? parseAccept(accept) : [];
  const quality = (subtype: string) => Math.max(0, ...ranges.filter((r) => r.type === 'application' && r.subtype === subtype).map((r) => r.q));
  return quality('ld+json') > quality('json') ? JSON_LD_MEDIA_TYPE : 'application/json';
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

  app.get(`${IMAGE_API_2_PREFIX}/:id/:region/:size/:rotation/:file`, async (c) => {
    const { id } = engine.checkedImageId(c.req.param('id'));
    const request = parseImageRequest2({
      region: c.req.param('region'),
      size: c.req.param('size'),
      rotation: c.req.param('rotation'),
      file: c.req.param('file'),
    });
    if (!request.ok) throw failure(request);
    const { record, image } = await engine.loadImage(id);
    const plan = planImageRequest(request.value, image, engine.limits);
    if (!plan.ok) throw failure(plan);
    return engine.servePlanned(c, {
      record,
      image,
      plan: plan.value,
      serviceId: engine.urls(c).imageService2(image.id),
      canonical: canonicalRequest2(plan.value),
      profile: IMAGE_2_COMPLIANCE_PROFILE,
      etagPrefix: 'i2/',
    });
  });
}
