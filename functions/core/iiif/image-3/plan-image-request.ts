/**
 * Turns a parsed image request into what to do for one image: the region in full-resolution
 * pixels, the output size, the pyramid page to read and the part of it, and the request's
 * canonical form. Every check against the image's size and the declared limits happens here,
 * before any pixel is decoded.
 */
import { choosePyramidLevel, type PyramidRead } from './choose-pyramid-level.ts';
import type { ImageLimits } from './image-limits.ts';
import type { ImageRequest } from './parse-image-request.ts';
import { resolveRegion } from './parse-region.ts';
import { canonicalRotation } from './parse-rotation.ts';
import { resolveSize } from './parse-size.ts';
import { type Dimensions, type Outcome, ok, type Rect } from './request-outcome.ts';

export interface PlannedImage extends Dimensions {
  /** Sizes of the pyramid's pages, largest (the full image) first. */
  levels: readonly Dimensions[];
}

export interface ImagePlan {
  request: ImageRequest;
  /** The region in full-resolution pixels, cropped to the image. */
  region: Rect;
  /** The output size before rotation. */
  size: Dimensions;
  read: PyramidRead;
  /** `{region}/{size}/{rotation}/{quality}.{format}` in canonical form (section 4.8). */
  canonical: string;
}

export function planImageRequest(request: ImageRequest, image: PlannedImage, limits: ImageLimits): Outcome<ImagePlan> {
  const region = resolveRegion(request.region, image);
  if (!region.ok) return region;
  const size = resolveSize(request.size, region.value, limits);
  if (!size.ok) return size;
  const isFull = region.value.x === 0 && region.value.y === 0 && region.value.width === image.width && region.value.height === image.height;
  const { x, y, width, height } = region.value;
  const canonicalRegion = isFull ? 'full' : `${x},${y},${width},${height}`;
  const output = { width: size.value.width, height: size.value.height };
  const levels = image.levels.length > 0 ? image.levels : [{ width: image.width, height: image.height }];
  return ok({
    request,
    region: region.value,
    size: output,
    read: choosePyramidLevel(levels, image, region.value, output),
    canonical: `${canonicalRegion}/${size.value.canonical}/${canonicalRotation(request.rotation)}/${request.quality}.${request.format}`,
  });
}
