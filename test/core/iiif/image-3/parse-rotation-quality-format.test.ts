import { parseRotationParameter } from '@iiif/parser/image-3';
import { describe, expect, it } from 'vitest';
import { parseFormat } from '../../../../functions/core/iiif/image-3/parse-format.ts';
import { parseImageRequest } from '../../../../functions/core/iiif/image-3/parse-image-request.ts';
import { parseQuality } from '../../../../functions/core/iiif/image-3/parse-quality.ts';
import { canonicalRotation, parseRotation } from '../../../../functions/core/iiif/image-3/parse-rotation.ts';

describe('parseRotation', () => {
  it.each([
    ['0', false, 0],
    ['90', false, 90],
    ['180', false, 180],
    ['270', false, 270],
    ['360', false, 0],
    ['90.0', false, 90],
    ['!0', true, 0],
    ['!90', true, 90],
    ['!180', true, 180],
    ['!270', true, 270],
  ] as const)('reads %s as mirror=%s, %i degrees', (raw, mirror, degrees) => {
    expect(parseRotation(raw)).toEqual({ ok: true, value: { mirror, degrees } });
    const theirs = parseRotationParameter(raw);
    expect([Boolean(theirs.mirror), theirs.angle % 360]).toEqual([mirror, degrees]);
  });

  it.each(['22.5', '45', '!45', '359.9', '0.5'])('answers %s, a valid angle this service does not rotate by, with 501', (raw) => {
    expect(parseRotation(raw)).toMatchObject({ ok: false, status: 501 });
  });

  it.each(['361', '720', '-90', '+90', '!!90', '90!', 'ninety', '', '1e2'])('refuses %j with 400', (raw) => {
    expect(parseRotation(raw)).toMatchObject({ ok: false, status: 400 });
  });

  it.each([
    [{ mirror: false, degrees: 0 }, '0'],
    [{ mirror: true, degrees: 270 }, '!270'],
  ] as const)('writes %j canonically as %s', (rotation, canonical) => {
    expect(canonicalRotation(rotation)).toBe(canonical);
  });
});

describe('parseQuality', () => {
  it.each(['default', 'color', 'gray', 'bitonal'])('reads %s', (raw) => {
    expect(parseQuality(raw)).toEqual({ ok: true, value: raw });
  });

  it.each(['grey', 'Default', 'sepia', '', 'native'])('refuses %j with 400', (raw) => {
    expect(parseQuality(raw)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('parseFormat', () => {
  it.each(['jpg', 'png', 'webp'])('reads %s', (raw) => {
    expect(parseFormat(raw)).toEqual({ ok: true, value: raw });
  });

  it.each(['tif', 'gif', 'jp2', 'pdf'])('answers %s, a format the specification names that is not produced here, with 501', (raw) => {
    expect(parseFormat(raw)).toMatchObject({ ok: false, status: 501 });
  });

  it.each(['jpeg', 'JPG', 'bmp', '', 'toString', '__proto__'])('refuses %j with 400', (raw) => {
    expect(parseFormat(raw)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('parseImageRequest', () => {
  it('reads all five parameters', () => {
    expect(parseImageRequest({ region: 'pct:10,10,80,80', size: '^!300,200', rotation: '!90', file: 'gray.webp' })).toEqual({
      ok: true,
      value: {
        region: { kind: 'percent', x: 10, y: 10, width: 80, height: 80 },
        size: { upscale: true, kind: 'confined', width: 300, height: 200 },
        rotation: { mirror: true, degrees: 90 },
        quality: 'gray',
        format: 'webp',
      },
    });
  });

  it('reports the first bad parameter in URI order', () => {
    expect(parseImageRequest({ region: '0,0,0,0', size: 'huge', rotation: '22.5', file: 'sepia.tif' })).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining('region'),
    });
  });

  it('refuses a last segment without a format', () => {
    expect(parseImageRequest({ region: 'full', size: 'max', rotation: '0', file: 'default' })).toMatchObject({ ok: false, status: 400 });
  });
});
