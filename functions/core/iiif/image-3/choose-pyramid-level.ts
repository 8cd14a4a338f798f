/**
 * Picks the pyramid page to read for a request: the smallest page that still has at least as
 * many pixels across the region as the output needs, so a downscaled request never decodes
 * the full-resolution page and an output is never upscaled from a coarser page than necessary.
 */
import type { Dimensions, Rect } from './request-outcome.ts';

export interface PyramidRead {
  /** Index of the pyramid page (0 is full resolution). */
  page: number;
  /** The region in that page's pixels. */
  region: Rect;
}

/** Pages may round their sides; up to 1% short of the needed pixels still counts as enough. */
const TOLERANCE = 0.99;

/**
 * @param levels the pyramid's page sizes, largest (full resolution) first
 * @param full the full image's size
 * @param region the requested region, in full-resolution pixels
 * @param output the output size, before rotation
 */
export function choosePyramidLevel(levels: readonly Dimensions[], full: Dimensions, region: Rect, output: Dimensions): PyramidRead {
  for (let page = levels.length - 1; page > 0; page--) {
    const level = levels[page];
    if (!level) continue;
    const sx = level.width / full.width;
    const sy = level.height / full.height;
    if (region.width * sx >= output.width * TOLERANCE && region.height * sy >= output.height * TOLERANCE) {
      return { page, region: scaleRect(region, sx, sy, level) };
    }
  }
  return { page: 0, region };
}

/** The rectangle in a page's pixels, edges rounded, never empty, never beyond the page. */
function scaleRect(rect: Rect, sx: number, sy: number, page: Dimensions): Rect {
  const x = Math.min(page.width - 1, Math.round(rect.x * sx));
  const y = Math.min(page.height - 1, Math.round(rect.y * sy));
  const right = Math.min(page.width, Math.max(x + 1, Math.round((rect.x + rect.width) * sx)));
  const bottom = Math.min(page.height, Math.max(y + 1, Math.round((rect.y + rect.height) * sy)));
  return { x, y, width: right - x, height: bottom - y };
}
