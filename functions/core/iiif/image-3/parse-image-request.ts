/**
 * Reads the parameters of an image request (`{region}/{size}/{rotation}/{quality}.{format}`)
 * before anything is loaded: a malformed or unimplemented request is refused without a
 * storage read. Parameters are checked in the order they appear in the URI.
 */
import { type OutputFormat, parseFormat } from './parse-format.ts';
import { parseQuality, type Quality } from './parse-quality.ts';
import { parseRegion, type RegionParameter } from './parse-region.ts';
import { parseRotation, type Rotation } from './parse-rotation.ts';
import { parseSize, type SizeParameter } from './parse-size.ts';
import { malformed, type Outcome, ok, quoted } from './request-outcome.ts';

export interface ImageRequest {
  region: RegionParameter;
  size: SizeParameter;
  rotation: Rotation;
  quality: Quality;
  format: OutputFormat;
}

export interface ImageRequestPath {
  region: string;
  size: string;
  rotation: string;
  /** The last path segment, `{quality}.{format}`. */
  file: string;
}

/** A size parameter reader: the one thing the Image API versions spell differently. */
export type SizeParser = (raw: string) => Outcome<SizeParameter>;

/** Reads a request with the given size syntax; region, rotation, quality and format are read as 3.0 reads them. */
export function parseImageRequestWith(path: ImageRequestPath, readSize: SizeParser): Outcome<ImageRequest> {
  const region = parseRegion(path.region);
  if (!region.ok) return region;
  const size = readSize(path.size);
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

export function parseImageRequest(path: ImageRequestPath): Outcome<ImageRequest> {
  return parseImageRequestWith(path, parseSize);
}
