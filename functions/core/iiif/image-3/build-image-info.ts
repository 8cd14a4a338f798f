/**
 * The image information document (`info.json`, Image API 3.0 section 5) of a leaf image,
 * from what ingest measured: no image is decoded to answer it.
 */
import type { LeafImage } from '../../../../schemas/record.ts';
import { type ImageLimits, withinLimits } from './image-limits.ts';
import { COMPLIANCE_LEVEL, EXTRA_FEATURES, EXTRA_FORMATS, EXTRA_QUALITIES, IMAGE_API_CONTEXT, IMAGE_API_PROTOCOL } from './service-profile.ts';

export interface ImageInfoInput {
  /** The service's base URI, `urls.imageService(image.id)`. */
  serviceId: string;
  image: Pick<LeafImage, 'width' | 'height' | 'levels' | 'tileSize'>;
  limits: ImageLimits;
  /** A rightsstatements.org or Creative Commons URI (section 5.6). */
  rights?: string;
  /** The manifest that shows this image (section 5.8). */
  partOf?: { id: string; type: 'Manifest'; label: { [language: string]: string[] } };
}

/** The scale factors of the tile grid info.json declares: one per pyramid page, 2^page (page 0 is full resolution). */
export const tileScaleFactors = (levels: readonly unknown[]): number[] => (levels.length > 0 ? levels : [undefined]).map((_, page) => 2 ** page);

export function buildImageInfo(input: ImageInfoInput) {
  const { image, limits } = input;
  const levels = image.levels.length > 0 ? image.levels : [{ width: image.width, height: image.height }];
  return {
    '@context': IMAGE_API_CONTEXT,
    id: input.serviceId,
    type: 'ImageService3',
    protocol: IMAGE_API_PROTOCOL,
    profile: COMPLIANCE_LEVEL,
    width: image.width,
    height: image.height,
    maxWidth: limits.maxWidth,
    maxHeight: limits.maxHeight,
    maxArea: limits.maxArea,
    // The pyramid's pages, smallest first: each is served without resampling another page.
    sizes: levels
      .filter((level) => withinLimits(level, limits))
      .map((level) => ({ width: level.width, height: level.height }))
      .reverse(),
    tiles: [{ width: image.tileSize, height: image.tileSize, scaleFactors: tileScaleFactors(levels) }],
    ...(input.rights ? { rights: input.rights } : {}),
    extraQualities: [...EXTRA_QUALITIES],
    extraFormats: [...EXTRA_FORMATS],
    extraFeatures: [...EXTRA_FEATURES],
    ...(input.partOf ? { partOf: [input.partOf] } : {}),
  };
}

export type ImageInfo = ReturnType<typeof buildImageInfo>;
