import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_LIMITS } from '../../../../functions/core/iiif/image-3/image-limits.ts';
import { parseImageRequest } from '../../../../functions/core/iiif/image-3/parse-image-request.ts';
import { planImageRequest } from '../../../../functions/core/iiif/image-3/plan-image-request.ts';
import { SCAN_PYRAMID } from '../../../support/scan-pyramid.ts';

const SCAN = SCAN_PYRAMID;

function plan(path: string) {
  const [region = '', size = '', rotation = '', file = ''] = path.split('/');
  const request = parseImageRequest({ region, size, rotation, file });
  if (!request.ok) throw new Error(request.message);
  return planImageRequest(request.value, SCAN, DEFAULT_IMAGE_LIMITS);
}

describe('planImageRequest', () => {
  it.each([
    ['full/max/0/default.jpg', 'full/max/0/default.jpg'],
    ['0,0,6000,8000/max/360/default.jpg', 'full/max/0/default.jpg'],
    ['full/3000,/0/default.jpg', 'full/3000,4000/0/default.jpg'],
    ['square/max/!90/gray.png', '0,1000,6000,6000/max/!90/gray.png'],
    ['pct:50,50,50,50/pct:50/0/color.webp', '3000,4000,3000,4000/1500,2000/0/color.webp'],
    ['5900,7900,512,512/max/0/default.jpg', '5900,7900,100,100/max/0/default.jpg'],
    ['0,0,100,100/^200,/0/default.jpg', '0,0,100,100/^200,200/0/default.jpg'],
  ])('writes %s canonically as %s', (path, canonical) => {
    expect(plan(path)).toMatchObject({ ok: true, value: { canonical } });
  });

  it('reads a 1024-pixel-wide full image from the 1500-pixel page', () => {
    expect(plan('full/1024,/0/default.jpg')).toMatchObject({
      ok: true,
      value: { size: { width: 1024, height: 1365 }, read: { page: 2, region: { x: 0, y: 0, width: 1500, height: 2000 } } },
    });
  });

  it('reads a full-resolution tile from page 0 without resampling', () => {
    expect(plan('2048,3072,512,512/512,/0/default.jpg')).toMatchObject({
      ok: true,
      value: { size: { width: 512, height: 512 }, read: { page: 0, region: { x: 2048, y: 3072, width: 512, height: 512 } } },
    });
  });

  it('keeps max within the default limits for a 48-megapixel scan', () => {
    const result = plan('full/max/0/default.jpg');
    expect(result.ok && result.value.size.width * result.value.size.height).toBeLessThanOrEqual(DEFAULT_IMAGE_LIMITS.maxArea);
  });

  it('refuses a region outside the image before choosing a page', () => {
    expect(plan('6000,0,10,10/max/0/default.jpg')).toMatchObject({ ok: false, status: 400 });
  });
});
