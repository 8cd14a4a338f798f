/**
 * What the Image API 2.1 service declares about itself, in the names Image API 2.1 defines
 * (sections 5.3 and 6 and the compliance document), derived from the 3.0 service's declaration:
 * one engine, so both versions claim the same abilities.
 */
import { COMPLIANCE_LEVEL, EXTRA_FEATURES, EXTRA_FORMATS, EXTRA_QUALITIES } from '../image-3/service-profile.ts';

export const IMAGE_2_CONTEXT = 'http://iiif.io/api/image/2/context.json';
export const IMAGE_2_COMPLIANCE_PROFILE = `http://iiif.io/api/image/2/${COMPLIANCE_LEVEL}.json`;

/** The 3.0 extra features under their 2.1 names; `regionSquare` is level 2 in 3.0 and an extra feature in 2.1. */
const FEATURE_NAMES_2: { [feature in (typeof EXTRA_FEATURES)[number]]: string } = {
  mirroring: 'mirroring',
  sizeUpscaling: 'sizeAboveFull',
  canonicalLinkHeader: 'canonicalLinkHeader',
  profileLinkHeader: 'profileLinkHeader',
};
export const SUPPORTS_2 = ['regionSquare', ...EXTRA_FEATURES.map((feature) => FEATURE_NAMES_2[feature])];
/** Level 2 requires jpg and png; the others produced are listed. */
export const FORMATS_2 = [...EXTRA_FORMATS];
/** `default` is implied; the others served are listed. */
export const QUALITIES_2 = [...EXTRA_QUALITIES];
