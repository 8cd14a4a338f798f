import { parseSizeParameter } from '@iiif/parser/image-3';
import { describe, expect, it } from 'vitest';
import type { ImageLimits } from '../../../../functions/core/iiif/image-3/image-limits.ts';
import { parseSize, resolveSize } from '../../../../functions/core/iiif/image-3/parse-size.ts';

const LIMITS: ImageLimits = { maxWidth: 2400, maxHeight: 2400, maxArea: 4_000_000 };
const REGION = { width: 1200, height: 800 };

function resolve(raw: string, region = REGION, limits = LIMITS) {
  const parsed = parseSize(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  return resolveSize(parsed.value, region, limits);
}

describe('parseSize', () => {
  it.each(['max', '^max', '150,', '^360,', ',150', '^,240', 'pct:50', '^pct:120', '225,100', '^360,360', '!225,100', '^!360,360'])(
    'reads %s as an independent IIIF parser does',
    (raw) => {
      const ours = parseSize(raw);
      const theirs = parseSizeParameter(raw);
      expect(ours.ok).toBe(true);
      if (!ours.ok) return;
      expect(ours.value.upscale).toBe(theirs.upscaled);
      expect(ours.value.kind === 'max').toBe(theirs.max);
      expect(ours.value.kind === 'confined').toBe(theirs.confined);
      if ('width' in ours.value) expect(ours.value.width).toBe(theirs.width);
      if ('height' in ours.value) expect(ours.value.height).toBe(theirs.height);
      if (ours.value.kind === 'percent') expect(ours.value.percent).toBe(theirs.percentScale);
    },
  );

  it.each([
    ['', 'empty'],
    ['full', 'the version 2 keyword'],
    [',', 'no number'],
    ['^', 'a caret alone'],
    ['^^max', 'two carets'],
    ['!^10,10', 'a caret after the !'],
    ['!10,', 'a confined size without a height'],
    ['!,10', 'a confined size without a width'],
    ['10,10,10', 'three numbers'],
    ['-10,', 'a sign'],
    ['10.5,', 'a fraction of a pixel'],
    ['0,', 'zero width'],
    [',0', 'zero height'],
    ['0,10', 'zero in w,h'],
    ['pct:0', 'zero percent'],
    ['pct:', 'no percentage'],
    ['pct:-5', 'a negative percentage'],
    ['max,', 'max with a comma'],
  ])('refuses %j (%s) with 400', (raw) => {
    expect(parseSize(raw)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('resolveSize', () => {
  it.each([
    ['max', 1200, 800, 'max'],
    ['^max', 2400, 1600, '^max'],
    ['600,', 600, 400, '600,400'],
    [',200', 300, 200, '300,200'],
    ['pct:25', 300, 200, '300,200'],
    ['pct:100', 1200, 800, 'max'],
    ['1200,', 1200, 800, 'max'],
    ['300,300', 300, 300, '300,300'],
    ['!225,100', 150, 100, '150,100'],
    ['!2000,2000', 1200, 800, 'max'],
    ['^!2000,2000', 2000, 1333, '^2000,1333'],
    ['^1800,', 1800, 1200, '^1800,1200'],
    ['^pct:150', 1800, 1200, '^1800,1200'],
    ['^600,', 600, 400, '600,400'],
    ['^max', 2400, 1600, '^max'],
  ])('%s of a 1200x800 region is %ix%i, canonically %s', (raw, width, height, canonical) => {
    expect(resolve(raw)).toEqual({ ok: true, value: { width, height, canonical } });
  });

  it('keeps max within maxWidth, maxHeight and maxArea', () => {
    const limits = { maxWidth: 1000, maxHeight: 1000, maxArea: 500_000 };
    const size = resolve('max', REGION, limits);
    expect(size).toEqual({ ok: true, value: { width: 866, height: 577, canonical: 'max' } });
  });

  it('keeps !w,h within the limits instead of refusing it', () => {
    expect(resolve('^!5000,5000')).toEqual({ ok: true, value: { width: 2400, height: 1600, canonical: '^max' } });
  });

  it.each([
    ['1201,', 'a width above the region without ^'],
    [',801', 'a height above the region without ^'],
    ['1300,800', 'w,h above the region without ^'],
    ['1200,801', 'one side of w,h above the region without ^'],
    ['pct:101', 'a percentage above 100 without ^'],
    ['^2401,', 'a width beyond maxWidth'],
    ['^,2401', 'a height beyond maxHeight'],
    ['^2100,2000', 'an area beyond maxArea'],
    ['^pct:300', 'a percentage beyond the limits'],
  ])('refuses %s (%s) with 400', (raw) => {
    expect(resolve(raw)).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses a size that rounds to zero pixels', () => {
    expect(resolve('1,', { width: 1000, height: 1 })).toMatchObject({ ok: false, status: 400 });
  });
});
