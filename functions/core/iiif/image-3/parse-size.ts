/**
 * The size parameter (Image API 3.0 section 4.2): `max`, `w,`, `,h`, `pct:n`, `w,h`, `!w,h`,
 * each optionally prefixed with `^` to allow upscaling, and its resolution to output pixels
 * for a region within the service's declared limits.
 */
import { type ImageLimits, withinLimits } from './image-limits.ts';
import { type Dimensions, malformed, type Outcome, ok, parseDecimal, parsePixels, quoted } from './request-outcome.ts';

export type SizeParameter = { upscale: boolean } & (
  | { kind: 'max' }
  | { kind: 'width'; width: number }
  | { kind: 'height'; height: number }
  | { kind: 'percent'; percent: number }
  | { kind: 'exact'; width: number; height: number }
  | { kind: 'confined'; width: number; height: number }
);

/** Output dimensions, before rotation, and the size in canonical form (section 4.8). */
export interface ResolvedSize extends Dimensions {
  canonical: string;
}

const SYNTAX = 'the Image API 3.0 size forms are max, w, ,h, pct:n, w,h and !w,h, each optionally prefixed with ^ (section 4.2)';

export function parseSize(raw: string): Outcome<SizeParameter> {
  const upscale = raw.startsWith('^');
  const body = upscale ? raw.slice(1) : raw;
  if (body === 'max') return ok({ upscale, kind: 'max' });
  if (body.startsWith('pct:')) {
    const percent = parseDecimal(body.slice(4));
    if (percent === undefined) return malformed(`size ${quoted(raw)}: ${SYNTAX}`);
    if (percent === 0) return malformed(`size ${quoted(raw)} asks for an image of zero pixels`);
    return ok({ upscale, kind: 'percent', percent });
  }
  const confined = body.startsWith('!');
  const parts = (confined ? body.slice(1) : body).split(',');
  if (parts.length !== 2) return malformed(`size ${quoted(raw)}: ${SYNTAX}`);
  const [rawWidth = '', rawHeight = ''] = parts;
  const width = rawWidth === '' ? undefined : parsePixels(rawWidth);
  const height = rawHeight === '' ? undefined : parsePixels(rawHeight);
  if ((rawWidth !== '' && width === undefined) || (rawHeight !== '' && height === undefined)) return malformed(`size ${quoted(raw)}: ${SYNTAX}`);
  if (width === 0 || height === 0) return malformed(`size ${quoted(raw)} asks for an image of zero pixels`);
  if (width !== undefined && height !== undefined) return ok({ upscale, kind: confined ? 'confined' : 'exact', width, height });
  if (confined) return malformed(`size ${quoted(raw)}: !w,h needs both a width and a height`);
  if (width !== undefined) return ok({ upscale, kind: 'width', width });
  if (height !== undefined) return ok({ upscale, kind: 'height', height });
  return malformed(`size ${quoted(raw)}: ${SYNTAX}`);
}

/** The largest scale of the region the limits allow; without upscaling, never above 1. */
function maxScale(region: Dimensions, limits: ImageLimits, upscale: boolean): number {
  const scale = Math.min(limits.maxWidth / region.width, limits.maxHeight / region.height, Math.sqrt(limits.maxArea / (region.width * region.height)));
  return upscale ? scale : Math.min(1, scale);
}

/** The region scaled by `scale`, rounded down so that it stays within whatever bound gave the scale. */
function scaledDown(region: Dimensions, scale: number): Dimensions {
  return { width: Math.max(1, Math.floor(region.width * scale + 1e-9)), height: Math.max(1, Math.floor(region.height * scale + 1e-9)) };
}

const same = (a: Dimensions, b: Dimensions) => a.width === b.width && a.height === b.height;

/**
 * Output dimensions for a region. Forms without `^` may not exceed the region (400); no form
 * may exceed the declared limits (400), except `max`, `^max` and `!w,h`, whose definitions
 * scale down to them. Sizes below one pixel are refused (400).
 */
export function resolveSize(size: SizeParameter, region: Dimensions, limits: ImageLimits): Outcome<ResolvedSize> {
  let out: Dimensions;
  switch (size.kind) {
    case 'max':
      out = scaledDown(region, maxScale(region, limits, size.upscale));
      break;
    case 'width':
      out = { width: size.width, height: Math.round((region.height * size.width) / region.width) };
      break;
    case 'height':
      out = { width: Math.round((region.width * size.height) / region.height), height: size.height };
      break;
    case 'percent':
      if (!size.upscale && size.percent > 100) return malformed(`pct:${size.percent} would enlarge the region; prefix the size with ^ to allow upscaling`);
      out = { width: Math.round((region.width * size.percent) / 100), height: Math.round((region.height * size.percent) / 100) };
      break;
    case 'exact':
      out = { width: size.width, height: size.height };
      break;
    case 'confined': {
      const fit = Math.min(size.width / region.width, size.height / region.height, maxScale(region, limits, size.upscale));
      out = {
        width: Math.min(size.width, Math.max(1, Math.round(region.width * fit))),
        height: Math.min(size.height, Math.max(1, Math.round(region.height * fit))),
      };
      if (!withinLimits(out, limits)) out = scaledDown(region, fit);
      break;
    }
  }
  if (out.width < 1 || out.height < 1) return malformed(`the requested size is below one pixel for a region of ${region.width}x${region.height}`);
  const upscaled = out.width > region.width || out.height > region.height;
  if (upscaled && !size.upscale) {
    return malformed(
      `${out.width}x${out.height} is larger than the ${region.width}x${region.height} region; prefix the size with ^ to allow upscaling (section 4.2)`,
    );
  }
  if (!withinLimits(out, limits)) {
    return malformed(
      `${out.width}x${out.height} exceeds this service's limits (maxWidth ${limits.maxWidth}, maxHeight ${limits.maxHeight}, maxArea ${limits.maxArea})`,
    );
  }
  return ok({ ...out, canonical: canonicalSize(out, region, limits, upscaled) });
}

function canonicalSize(out: Dimensions, region: Dimensions, limits: ImageLimits, upscaled: boolean): string {
  if (same(out, scaledDown(region, maxScale(region, limits, false)))) return 'max';
  if (upscaled && same(out, scaledDown(region, maxScale(region, limits, true)))) return '^max';
  return `${upscaled ? '^' : ''}${out.width},${out.height}`;
}
