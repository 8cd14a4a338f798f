import { parseRegionParameter } from '@iiif/parser/image-3';
import { describe, expect, it } from 'vitest';
import { parseRegion, resolveRegion } from '../../../../functions/core/iiif/image-3/parse-region.ts';

const IMAGE = { width: 1200, height: 800 };

describe('parseRegion', () => {
  it.each(['full', 'square', '0,0,10,10', '125,15,120,140', 'pct:41.6,7.5,40,70', 'pct:0,0,100,100', 'pct:0.5,0.25,10,10'])(
    'reads %s as an independent IIIF parser does',
    (raw) => {
      const ours = parseRegion(raw);
      const theirs = parseRegionParameter(raw);
      expect(ours.ok).toBe(true);
      if (!ours.ok) return;
      if (ours.value.kind === 'full') expect(theirs.full).toBe(true);
      else if (ours.value.kind === 'square') expect(theirs.square).toBe(true);
      else {
        expect(Boolean(theirs.percent)).toBe(ours.value.kind === 'percent');
        expect([theirs.x, theirs.y, theirs.w, theirs.h]).toEqual([ours.value.x, ours.value.y, ours.value.width, ours.value.height]);
      }
    },
  );

  it.each([
    ['', 'empty'],
    ['Full', 'a keyword in the wrong case'],
    ['0,0,10', 'three numbers'],
    ['0,0,10,10,10', 'five numbers'],
    ['-1,0,10,10', 'a sign'],
    ['+1,0,10,10', 'a plus sign'],
    ['1.5,0,10,10', 'a fraction of a pixel'],
    ['1e3,0,10,10', 'an exponent'],
    ['pct:1e1,0,10,10', 'an exponent in percent'],
    ['pct:-1,0,10,10', 'a negative percentage'],
    ['pct:,0,10,10', 'an empty number'],
    ['0,0,0,10', 'zero width'],
    ['0,0,10,0', 'zero height'],
    ['pct:0,0,0,10', 'zero percent width'],
    ['99999999999999999999,0,1,1', 'a number beyond 2^53'],
  ])('refuses %j (%s) with 400', (raw) => {
    expect(parseRegion(raw)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('resolveRegion', () => {
  const resolve = (raw: string) => {
    const parsed = parseRegion(raw);
    if (!parsed.ok) throw new Error(parsed.message);
    return resolveRegion(parsed.value, IMAGE);
  };

  it.each([
    ['full', [0, 0, 1200, 800]],
    ['square', [200, 0, 800, 800]],
    ['10,20,30,40', [10, 20, 30, 40]],
    ['1100,700,200,200', [1100, 700, 100, 100]],
    ['1199,799,5,5', [1199, 799, 1, 1]],
    ['pct:50,50,50,50', [600, 400, 600, 400]],
    ['pct:41.6,7.5,66.6,100', [499, 60, 701, 740]],
    ['pct:0,0,0.01,0.01', [0, 0, 1, 1]],
  ])('%s is %j in pixels of a 1200x800 image', (raw, [x, y, width, height]) => {
    expect(resolve(raw)).toEqual({ ok: true, value: { x, y, width, height } });
  });

  it('centres a square region on a portrait image', () => {
    expect(resolveRegion({ kind: 'square' }, { width: 800, height: 1201 })).toEqual({ ok: true, value: { x: 0, y: 200, width: 800, height: 800 } });
  });

  it('tiles adjacent percent regions without gaps or overlaps', () => {
    const thirds = ['pct:0,0,33.3333,100', 'pct:33.3333,0,33.3333,100', 'pct:66.6666,0,33.3334,100'].map((raw) => {
      const region = resolve(raw);
      if (!region.ok) throw new Error(region.message);
      return region.value;
    });
    expect(thirds.map((r) => [r.x, r.x + r.width])).toEqual([
      [0, 400],
      [400, 800],
      [800, 1200],
    ]);
  });

  it.each(['1200,0,10,10', '0,800,10,10', 'pct:100,0,10,10', 'pct:0,100,10,10'])('refuses %s, which lies outside the image, with 400', (raw) => {
    expect(resolve(raw)).toMatchObject({ ok: false, status: 400 });
  });
});
