/**
 * The rotation parameter (Image API 3.0 section 4.3): `n` or `!n` (mirrored, then rotated)
 * for n from 0 to 360 degrees clockwise. This service rotates by multiples of 90 degrees
 * (`rotationBy90s`) and mirrors (`mirroring`); other angles within range are valid requests
 * it does not implement (501, section 7.3).
 */
import { malformed, notImplemented, type Outcome, ok, parseDecimal, quoted } from './request-outcome.ts';

export interface Rotation {
  /** Reflect on the vertical axis before rotating. */
  mirror: boolean;
  degrees: 0 | 90 | 180 | 270;
}

export function parseRotation(raw: string): Outcome<Rotation> {
  const mirror = raw.startsWith('!');
  const angle = parseDecimal(mirror ? raw.slice(1) : raw);
  if (angle === undefined) return malformed(`rotation ${quoted(raw)} is not a number of degrees from 0 to 360, optionally prefixed with ! (section 4.3)`);
  if (angle > 360) return malformed(`rotation ${quoted(raw)} is out of range: degrees run from 0 to 360`);
  const degrees = angle % 360;
  if (degrees !== 0 && degrees !== 90 && degrees !== 180 && degrees !== 270) {
    return notImplemented(`rotation ${quoted(raw)}: this service rotates by multiples of 90 degrees only`);
  }
  return ok({ mirror, degrees });
}

/** The rotation in canonical form (section 4.8): `!` when mirrored, then an integer. */
export const canonicalRotation = (rotation: Rotation) => `${rotation.mirror ? '!' : ''}${rotation.degrees}`;
