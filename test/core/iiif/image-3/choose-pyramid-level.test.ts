import { describe, expect, it } from 'vitest';
import { choosePyramidLevel } from '../../../../functions/core/iiif/image-3/choose-pyramid-level.ts';

/** The pages libvips writes for a 6000x8000 scan with 512-pixel tiles. */
const SCAN = { width: 6000, height: 8000 };
const LEVELS = [
  { width: 6000, height: 8000 },
  { width: 3000, height: 4000 },
  { width: 1500, height: 2000 },
  { width: 750, height: 1000 },
  { width: 375, height: 500 },
];

describe('choosePyramidLevel', () => {
  it.each([
    ['a full-resolution tile', { x: 2048, y: 3072, width: 512, height: 512 }, { width: 512, height: 512 }, 0, { x: 2048, y: 3072, width: 512, height: 512 }],
    ['a tile at scale factor 2', { x: 1024, y: 1024, width: 1024, height: 1024 }, { width: 512, height: 512 }, 1, { x: 512, y: 512, width: 512, height: 512 }],
    ['a tile at scale factor 16', { x: 0, y: 0, width: 6000, height: 8000 }, { width: 375, height: 500 }, 4, { x: 0, y: 0, width: 375, height: 500 }],
    ['a 1024-pixel-wide full image', { x: 0, y: 0, width: 6000, height: 8000 }, { width: 1024, height: 1365 }, 2, { x: 0, y: 0, width: 1500, height: 2000 }],
    ['a 1500-pixel-wide full image', { x: 0, y: 0, width: 6000, height: 8000 }, { width: 1500, height: 2000 }, 2, { x: 0, y: 0, width: 1500, height: 2000 }],
    ['a 1501-pixel-wide full image', { x: 0, y: 0, width: 6000, height: 8000 }, { width: 1501, height: 2001 }, 2, { x: 0, y: 0, width: 1500, height: 2000 }],
    ['a 1600-pixel-wide full image', { x: 0, y: 0, width: 6000, height: 8000 }, { width: 1600, height: 2133 }, 1, { x: 0, y: 0, width: 3000, height: 4000 }],
    ['an upscaled region', { x: 0, y: 0, width: 100, height: 100 }, { width: 400, height: 400 }, 0, { x: 0, y: 0, width: 100, height: 100 }],
  ])('reads %s from page %#', (_what, region, output, page, pageRegion) => {
    expect(choosePyramidLevel(LEVELS, SCAN, region, output)).toEqual({ page, region: pageRegion });
  });

  it('never decodes the full-resolution page for a downscaled request', () => {
    for (let width = 1; width <= 3000; width += 37) {
      const output = { width, height: Math.round((width * 8000) / 6000) };
      expect(choosePyramidLevel(LEVELS, SCAN, { x: 0, y: 0, ...SCAN }, output).page).toBeGreaterThan(0);
    }
  });

  it('takes the pixels from a page with at least as many as the output needs', () => {
    for (let width = 1; width <= 6000; width += 53) {
      const output = { width, height: Math.round((width * 8000) / 6000) };
      const { region } = choosePyramidLevel(LEVELS, SCAN, { x: 0, y: 0, ...SCAN }, output);
      expect(region.width).toBeGreaterThanOrEqual(output.width * 0.99);
    }
  });

  it('keeps a region at the edge of an odd-sized image inside the page', () => {
    const levels = [
      { width: 1001, height: 1001 },
      { width: 501, height: 501 },
    ];
    const read = choosePyramidLevel(levels, { width: 1001, height: 1001 }, { x: 999, y: 999, width: 2, height: 2 }, { width: 1, height: 1 });
    expect(read.page).toBe(1);
    expect(read.region.x + read.region.width).toBeLessThanOrEqual(501);
    expect(read.region.width).toBeGreaterThanOrEqual(1);
  });

  it('reads page 0 of an image without a pyramid', () => {
    expect(choosePyramidLevel([SCAN], SCAN, { x: 0, y: 0, ...SCAN }, { width: 10, height: 13 }).page).toBe(0);
  });
});
