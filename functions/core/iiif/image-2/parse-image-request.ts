/**
 * Reads an Image API 2.1 request (`{region}/{size}/{rotation}/{quality}.{format}`) into the same
 * request the 3.0 planner takes: region, rotation, quality and format have the same syntax in
 * both versions (2.1 sections 4.1, 4.3-4.5); only the size differs (`parseSize2`).
 */
import { type ImageRequest, type ImageRequestPath, parseImageRequestWith } from '../image-3/parse-image-request.ts';
import { malformed, type Outcome } from '../image-3/request-outcome.ts';
import { parseSize2 } from './parse-size.ts';

export function parseImageRequest2(path: ImageRequestPath): Outcome<ImageRequest> {
  const request = parseImageRequestWith(path, parseSize2);
  // The region syntax is the same in both versions; its message names the version asked for.
  return !request.ok && request.status === 400 ? malformed(request.message.replace('Image API 3.0', 'Image API 2.1')) : request;
}
