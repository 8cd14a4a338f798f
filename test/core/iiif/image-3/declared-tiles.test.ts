import { describe, expect, it } from 'vitest';
import { declaredTiles, isDeclaredTile } from '../../../../functions/core/iiif/image-3/declared-tiles.ts';
import { DEFAULT_IMAGE_LIMITS } from '../../../../functions/core/iiif/image-3/image-limits.ts';
import { parseImageRequest } from '../../../../functions/core/iiif/image-3/parse-image-request.ts';
import { planImageRequest } from '../../../../functions/core/iiif/image-3/plan-image-request.ts';
import { SCAN_PYRAMID } from '../../../support/scan-pyramid.ts';

const IMAGE = SCAN_PYRAMID;

function plan(path: string) {
  const [region = '', size = '', rotation = '', file = ''] = path.split('/');
  const request = parseImageRequest({ region, size, rotation, file });
  const planned = request.ok ? planImageRequest(request.value, IMAGE, DEFAULT_IMAGE_LIMITS) : request;
  if (!planned.ok) throw new Error(planned.message);
  return planned.value;
}

describe('declared tiles', () => {
  it('are the grid of each scale factor, cut at the edges: 192 + 48 + 12 + 4 + 1 for 6000x8000', () => {
    const tiles = declaredTiles(IMAGE);
    expect(tiles).toHaveLength(257);
    expect(tiles[11]?.path).toBe('5632,0,368,512/368,512/0/default.jpg');
    expect(tiles.at(-1)?.path).toBe('0,0,6000,8000/375,500/0/default.jpg');
    expect(tiles.find((t) => t.region.x === 4096 && t.region.y === 4096 && t.region.width === 1904)?.size).toEqual({ width: 476, height: 512 });
  });

  it('each match as a declared tile once planned, whatever spelling the request uses', () => {
    for (const tile of declaredTiles(IMAGE)) expect(isDeclaredTile(IMAGE, plan(tile.path)), tile.path).toBe(true);
    expect(isDeclaredTile(IMAGE, plan('full/375,500/0/default.jpg'))).toBe(true);
    expect(isDeclaredTile(IMAGE, plan('0,0,512,512/max/0/color.jpg'))).toBe(true);
    expect(isDeclaredTile(IMAGE, plan('0,0,512,512/512,/0/default.jpg'))).toBe(true);
  });

  it('exclude everything else: off the grid, another size, rotated, mirrored, gray, bitonal, not JPEG', () => {
    for (const path of [
      '1,0,512,512/512,512/0/default.jpg',
      '0,0,512,511/512,511/0/default.jpg',
      '0,0,512,512/256,256/0/default.jpg',
      '0,0,1024,1024/256,256/0/default.jpg',
      '0,0,512,512/512,512/90/default.jpg',
      '0,0,512,512/512,512/!0/default.jpg',
      '0,0,512,512/512,512/0/gray.jpg',
      '0,0,512,512/512,512/0/bitonal.jpg',
      '0,0,512,512/512,512/0/default.png',
      '0,0,512,512/512,512/0/default.webp',
      'full/1024,/0/default.jpg',
    ])
      expect(isDeclaredTile(IMAGE, plan(path)), path).toBe(false);
  });
});
