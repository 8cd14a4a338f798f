/**
 * The image information document of Image API 2.1 (section 5), translated from the 3.0 one so
 * that both versions describe the same image the same way: the same sizes, tiles and limits; the
 * limits and abilities in the profile's description (section 5.3), the rights as `license`.
 */
import { buildImageInfo, type ImageInfoInput } from '../image-3/build-image-info.ts';
import { IMAGE_API_PROTOCOL } from '../image-3/service-profile.ts';
import { FORMATS_2, IMAGE_2_COMPLIANCE_PROFILE, IMAGE_2_CONTEXT, QUALITIES_2, SUPPORTS_2 } from './service-profile.ts';

export function buildImageInfo2(input: Omit<ImageInfoInput, 'partOf'>) {
  const info = buildImageInfo(input);
  return {
    '@context': IMAGE_2_CONTEXT,
    '@id': info.id,
    protocol: IMAGE_API_PROTOCOL,
    width: info.width,
    height: info.height,
    sizes: info.sizes,
    tiles: info.tiles,
    profile: [
      IMAGE_2_COMPLIANCE_PROFILE,
      { formats: FORMATS_2, qualities: QUALITIES_2, supports: SUPPORTS_2, maxWidth: info.maxWidth, maxHeight: info.maxHeight, maxArea: info.maxArea },
    ] as const,
    ...(info.rights ? { license: info.rights } : {}),
  };
}

export type ImageInfo2 = ReturnType<typeof buildImageInfo2>;
