import { describe, expect, it } from 'vitest';
import { buildImageInfo } from '../../../../functions/core/iiif/image-3/build-image-info.ts';
import { SCAN_PYRAMID } from '../../../support/scan-pyramid.ts';

const IMAGE = SCAN_PYRAMID;
const LIMITS = { maxWidth: 10_000, maxHeight: 10_000, maxArea: 25_000_000 };

describe('buildImageInfo', () => {
  it('lists the pyramid pages within the limits as sizes, smallest first', () => {
    const info = buildImageInfo({ serviceId: 'https://x.example/iiif/image/3/1-l1', image: IMAGE, limits: LIMITS });
    expect(info.sizes).toEqual([
      { width: 375, height: 500 },
      { width: 750, height: 1000 },
      { width: 1500, height: 2000 },
      { width: 3000, height: 4000 },
    ]);
  });

  it('offers tiles at one scale factor per pyramid page', () => {
    const info = buildImageInfo({ serviceId: 'https://x.example/iiif/image/3/1-l1', image: IMAGE, limits: LIMITS });
    expect(info.tiles).toEqual([{ width: 512, height: 512, scaleFactors: [1, 2, 4, 8, 16] }]);
  });

  it('declares maxWidth and maxArea, as upscaling requires', () => {
    const info = buildImageInfo({ serviceId: 'https://x.example/iiif/image/3/1-l1', image: IMAGE, limits: LIMITS });
    expect(info.extraFeatures).toContain('sizeUpscaling');
    expect(info).toMatchObject({ maxWidth: 10_000, maxHeight: 10_000, maxArea: 25_000_000 });
  });

  it('puts @context first and leaves out rights and partOf when not given', () => {
    const info = buildImageInfo({ serviceId: 'https://x.example/iiif/image/3/1-l1', image: IMAGE, limits: LIMITS });
    expect(Object.keys(info)[0]).toBe('@context');
    expect(info).not.toHaveProperty('rights');
    expect(info).not.toHaveProperty('partOf');
  });
});
