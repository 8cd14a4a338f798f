/**
 * The size limits an image service declares in `info.json` (`maxWidth`, `maxHeight`,
 * `maxArea`) and enforces before decoding anything: they bound the memory a request can use.
 */
export interface ImageLimits {
  maxWidth: number;
  maxHeight: number;
  maxArea: number;
}

/** 25 megapixels (75 MB of RGB) at most, 10,000 pixels on either side. */
export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxWidth: 10_000, maxHeight: 10_000, maxArea: 25_000_000 };

/** True when an output of these dimensions stays within the limits. */
export function withinLimits(size: { width: number; height: number }, limits: ImageLimits): boolean {
  return size.width <= limits.maxWidth && size.height <= limits.maxHeight && size.width * size.height <= limits.maxArea;
}
