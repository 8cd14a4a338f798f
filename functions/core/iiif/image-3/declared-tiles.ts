/**
 * The tiles an image's info.json declares (Image API 3.0 section 5.6): for each scale factor s
 * and tile size t, the regions `x,y,w,h` on the grid of step t*s across the full image, cut at
 * its right and bottom edges, each at size ceil(w/s),ceil(h/s). These are what viewers ask for;
 * ingest stores each one as the bytes the renderer makes for it (docs/adr/0016-stored-tiles.md),
 * and a request is answered from those bytes when it is exactly one of them.
 */
import { tileScaleFactors } from './build-image-info.ts';
import type { ImagePlan, PlannedImage } from './plan-image-request.ts';
import type { Rect } from './request-outcome.ts';

export interface TiledImage extends PlannedImage {
  tileSize: number;
}

export interface DeclaredTile {
  region: Rect;
  size: { width: number; height: number };
  /** The request path that asks for it, `x,y,w,h/w,h/0/default.jpg` (not necessarily canonical). */
  path: string;
}

/** Every declared tile of the image, scale factor by scale factor, row by row. */
export function declaredTiles(image: TiledImage): DeclaredTile[] {
  const tiles: DeclaredTile[] = [];
  for (const scale of tileScaleFactors(image.levels)) {
    const step = image.tileSize * scale;
    for (let y = 0; y < image.height; y += step) {
      for (let x = 0; x < image.width; x += step) {
        const region = { x, y, width: Math.min(step, image.width - x), height: Math.min(step, image.height - y) };
        const size = { width: Math.ceil(region.width / scale), height: Math.ceil(region.height / scale) };
        tiles.push({ region, size, path: `${x},${y},${region.width},${region.height}/${size.width},${size.height}/0/default.jpg` });
      }
    }
  }
  return tiles;
}

/** True when the plan asks for one declared tile exactly, unrotated, in colour, as JPEG. */
export function isDeclaredTile(image: TiledImage, plan: ImagePlan): boolean {
  const { request, region, size } = plan;
  if (request.format !== 'jpg' || (request.quality !== 'default' && request.quality !== 'color')) return false;
  if (request.rotation.degrees !== 0 || request.rotation.mirror) return false;
  return tileScaleFactors(image.levels).some((scale) => {
    const step = image.tileSize * scale;
    return (
      region.x % step === 0 &&
      region.y % step === 0 &&
      region.width === Math.min(step, image.width - region.x) &&
      region.height === Math.min(step, image.height - region.y) &&
      size.width === Math.ceil(region.width / scale) &&
      size.height === Math.ceil(region.height / scale)
    );
  });
}

/** The canonical path a declared tile is stored under: its quality is always `default` (`color` is the same pixels). */
export const storedTilePath = (plan: ImagePlan): string => plan.canonical.replace(/\/color\.jpg$/, '/default.jpg');
