/**
 * The region parameter (Image API 3.0 section 4.1): `full`, `square`, `x,y,w,h` in pixels or
 * `pct:x,y,w,h` in percent of the full image, and its resolution to pixels of a given image.
 */
import { type Dimensions, malformed, type Outcome, ok, parseDecimal, parsePixels, quoted, type Rect } from './request-outcome.ts';

export type RegionParameter =
  | { kind: 'full' }
  | { kind: 'square' }
  | { kind: 'pixels'; x: number; y: number; width: number; height: number }
  | { kind: 'percent'; x: number; y: number; width: number; height: number };

export function parseRegion(raw: string): Outcome<RegionParameter> {
  if (raw === 'full' || raw === 'square') return ok({ kind: raw });
  const percent = raw.startsWith('pct:');
  const parts = (percent ? raw.slice(4) : raw).split(',');
  const numbers = parts.map(percent ? parseDecimal : parsePixels);
  const [x, y, width, height] = numbers;
  if (parts.length !== 4 || x === undefined || y === undefined || width === undefined || height === undefined) {
    return malformed(`region ${quoted(raw)} is not "full", "square", "x,y,w,h" in whole pixels or "pct:x,y,w,h" in percent (section 4.1 of the Image API 3.0)`);
  }
  if (width === 0 || height === 0) return malformed(`region ${quoted(raw)} has zero width or height`);
  return ok({ kind: percent ? 'percent' : 'pixels', x, y, width, height });
}

/**
 * The region in pixels of an image of this size: cropped at the image's edges, a failure when
 * it lies wholly outside the image. `square` is centred on the longer side.
 */
export function resolveRegion(region: RegionParameter, image: Dimensions): Outcome<Rect> {
  const { width: W, height: H } = image;
  switch (region.kind) {
    case 'full':
      return ok({ x: 0, y: 0, width: W, height: H });
    case 'square': {
      const side = Math.min(W, H);
      return ok({ x: Math.floor((W - side) / 2), y: Math.floor((H - side) / 2), width: side, height: side });
    }
    case 'pixels':
      return clip(region, image);
    case 'percent': {
      // Edges are rounded, not lengths, so that adjacent percent regions tile without gaps.
      const x = Math.round((region.x * W) / 100);
      const y = Math.round((region.y * H) / 100);
      const right = Math.round(((region.x + region.width) * W) / 100);
      const bottom = Math.round(((region.y + region.height) * H) / 100);
      return clip({ x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) }, image);
    }
  }
}

function clip(rect: Rect, image: Dimensions): Outcome<Rect> {
  if (rect.x >= image.width || rect.y >= image.height) {
    return malformed(`the region lies outside the image, which is ${image.width}x${image.height} pixels`);
  }
  return ok({ x: rect.x, y: rect.y, width: Math.min(rect.width, image.width - rect.x), height: Math.min(rect.height, image.height - rect.y) });
}
