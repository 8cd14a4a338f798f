/**
 * What this image service declares about itself, in the names Image API 3.0 defines
 * (sections 5.7 and 6 and the compliance document). One place: `info.json`, the `Link`
 * headers and the request parsers agree because they all read it from here.
 */
import { OUTPUT_FORMATS } from './parse-format.ts';
import { QUALITIES } from './parse-quality.ts';

export const IMAGE_API_CONTEXT = 'http://iiif.io/api/image/3/context.json';
export const IMAGE_API_PROTOCOL = 'http://iiif.io/api/image';
export const COMPLIANCE_LEVEL = 'level2';
export const COMPLIANCE_PROFILE_URI = `http://iiif.io/api/image/3/${COMPLIANCE_LEVEL}.json`;
/** The media type of `info.json` when the client does not ask for plain JSON (section 5.1). */
export const INFO_MEDIA_TYPE = `application/ld+json;profile="${IMAGE_API_CONTEXT}"`;

/** Level 2 requires `default`, and `color` and `gray` where applicable; every quality served beyond `default` is listed. */
export const EXTRA_QUALITIES = QUALITIES.filter((quality) => quality !== 'default');
/** Level 2 requires `jpg` and `png`; the others produced are extra. */
export const EXTRA_FORMATS = Object.keys(OUTPUT_FORMATS).filter((format) => format !== 'jpg' && format !== 'png');
/** Features beyond level 2 (which already has the regions, sizes, rotation by 90s, base URI redirect, CORS and JSON-LD). */
export const EXTRA_FEATURES = ['mirroring', 'sizeUpscaling', 'canonicalLinkHeader', 'profileLinkHeader'] as const;
