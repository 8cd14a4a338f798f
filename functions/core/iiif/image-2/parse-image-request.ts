/**
 * Reads an Image API 2.1 request (`{region}/{size}/{rotation}/{quality}.{format}`) into the same
 * request the 3.0 planner takes: region, rotation, quality and format have the same syntax in
 * both versions (2.1 sections 4.1, 4.3-4.5); only the size differs (`parseSize2`).
 */
import { parseFormat } from '../image-3/parse-format.ts';
import type { ImageRequest, ImageRequestPath } from '../image-3/parse-image-request.ts';
import { parseQuality } from '../image-3/parse-quality.ts';
import { parseRegion } from '../image-3/parse-region.ts';
import { parseRotation } from '../image-3/parse-rotation.ts';
import { malformed, type Outcome, ok, quoted } from '../image-3/request-outcome.ts';
import { parseSize2 } from './parse-size.ts';

export function parseImageRequest2(path: ImageRequestPath): Outcome<ImageRequest> {
  const region = parseRegion(path.region);
  if (!region.ok) return malformed(region.message.replace('Image API 3.0', 'Image API 2.1'));
  const size = parseSize2(path.size);
  if (!size.ok) return size;
  const rotation = parseRotation(path.rotation);
  if (!rotation.ok) return rotation;
  const dot = path.file.lastIndexOf('.');
  if (dot === -1) return malformed(`${quoted(path.file)} is not {quality}.{format}`);
  const quality = parseQuality(path.file.slice(0, dot));
  if (!quality.ok) return quality;
  const format = parseFormat(path.file.slice(dot + 1));
  if (!format.ok) return format;
  return ok({ region: region.value, size: size.value, rotation: rotation.value, quality: quality.value, format: format.value });
}
