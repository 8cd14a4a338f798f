/**
 * What the two Image API versions' image requests differ in (docs/adr/0015-iiif-2-for-legacy-clients.md):
 * the syntax read into the one request the planner plans, the service URL, the canonical form,
 * the compliance profile and the ETag space. Everything else, from the plan to the bytes, is one path.
 */
import { canonicalRequest2 } from '../core/iiif/image-2/canonical-request.ts';
import { parseImageRequest2 } from '../core/iiif/image-2/parse-image-request.ts';
import { IMAGE_2_COMPLIANCE_PROFILE } from '../core/iiif/image-2/service-profile.ts';
import { type ImageRequest, type ImageRequestPath, parseImageRequest } from '../core/iiif/image-3/parse-image-request.ts';
import type { ImagePlan } from '../core/iiif/image-3/plan-image-request.ts';
import type { Outcome } from '../core/iiif/image-3/request-outcome.ts';
import { COMPLIANCE_PROFILE_URI } from '../core/iiif/image-3/service-profile.ts';
import type { ServiceUrls } from '../core/urls.ts';

export interface ImageRequestSyntax {
  parse(path: ImageRequestPath): Outcome<ImageRequest>;
  /** The version's service URL of an image. */
  serviceId(urls: ServiceUrls, imageId: string): string;
  /** `{region}/{size}/{rotation}/{quality}.{format}` in the version's canonical form. */
  canonical(plan: ImagePlan): string;
  /** The version's compliance profile URI, for the `Link` header. */
  profile: string;
  /** Keeps the versions' ETags apart. */
  etagPrefix: string;
}

export const IMAGE_3_SYNTAX: ImageRequestSyntax = {
  parse: parseImageRequest,
  serviceId: (urls, imageId) => urls.imageService(imageId),
  canonical: (plan) => plan.canonical,
  profile: COMPLIANCE_PROFILE_URI,
  etagPrefix: '',
};

export const IMAGE_2_SYNTAX: ImageRequestSyntax = {
  parse: parseImageRequest2,
  serviceId: (urls, imageId) => urls.imageService2(imageId),
  canonical: canonicalRequest2,
  profile: IMAGE_2_COMPLIANCE_PROFILE,
  etagPrefix: 'i2/',
};
