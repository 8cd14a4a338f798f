/** IIIF Image API 3 resources for a leaf image: the full image painted on a canvas, and thumbnails. */
import type { LeafImage } from '../../../../schemas/record.ts';
import type { ServiceUrls } from '../../urls.ts';
import { DEFAULT_IMAGE_LIMITS, type ImageLimits } from '../image-3/image-limits.ts';
import { resolveSize } from '../image-3/parse-size.ts';
import { COMPLIANCE_LEVEL } from '../image-3/service-profile.ts';
import type { ImageResource, ImageService } from './types.ts';

/** Longest side a thumbnail aims for, in pixels. */
export const THUMBNAIL_SIZE = 200;

export function imageService(image: LeafImage, urls: ServiceUrls): ImageService {
  return { id: urls.imageService(image.id), type: 'ImageService3', profile: COMPLIANCE_LEVEL };
}

/**
 * The size the image service serves for `full/max`: the whole image, or for an image larger than
 * the service's limits (`maxArea` above all), the largest size within them.
 */
export function servedMaxSize(image: LeafImage, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): { width: number; height: number } {
  const size = resolveSize({ kind: 'max', upscale: false }, image, limits);
  return size.ok ? { width: size.value.width, height: size.value.height } : { width: image.width, height: image.height };
}

/**
 * The whole image as the body of a painting annotation: `full/max`, declared at exactly the
 * size that URL serves (the canvas keeps the image's full size; viewers scale the body to it).
 */
export function fullImage(image: LeafImage, urls: ServiceUrls, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): ImageResource {
  const service = imageService(image, urls);
  const { width, height } = servedMaxSize(image, limits);
  return { id: `${service.id}/full/max/0/default.jpg`, type: 'Image', format: 'image/jpeg', width, height, service: [service] };
}

/**
 * A small rendition: the smallest pyramid level whose longer side still reaches THUMBNAIL_SIZE
 * (a size the service lists and can answer from one pyramid page), else the image scaled down.
 */
export function thumbnailImage(image: LeafImage, urls: ServiceUrls): ImageResource {
  const longer = (size: { width: number; height: number }) => Math.max(size.width, size.height);
  const level = image.levels
    .filter((size) => size.width >= 1 && size.height >= 1 && size.width <= image.width && longer(size) >= THUMBNAIL_SIZE)
    .sort((a, b) => longer(a) - longer(b))[0];
  const scale = Math.min(1, THUMBNAIL_SIZE / longer(image));
  const size = level ?? { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
  const service = imageService(image, urls);
  return {
    id: `${service.id}/full/${size.width},${size.height}/0/default.jpg`,
    type: 'Image',
    format: 'image/jpeg',
    width: size.width,
    height: size.height,
    service: [service],
  };
}

/** The image a record is best shown by: its first real scan, else its first image. */
export function representativeImage(images: readonly LeafImage[]): LeafImage | undefined {
  return images.find((image) => !image.placeholder) ?? images[0];
}
