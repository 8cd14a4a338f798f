/**
 * Outcomes of reading and planning an Image API request. Failures are values with the status
 * the Image API 3.0 gives them (section 7.3): 400 for a request that is malformed or out of
 * range, 501 for a valid request naming something this service does not implement.
 */

export interface RequestFailure {
  ok: false;
  status: 400 | 501;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | RequestFailure;

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const malformed = (message: string): RequestFailure => ({ ok: false, status: 400, message });
export const notImplemented = (message: string): RequestFailure => ({ ok: false, status: 501, message });

/** A rectangle in pixels of some image. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Dimensions {
  width: number;
  height: number;
}

/** Echoes a parameter in a message without letting a long or odd value through whole. */
export const quoted = (raw: string) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A non-negative decimal as Image API 3.0 section 4.7 writes it (digits and "."), or undefined. */
export function parseDecimal(raw: string): number | undefined {
  if (!DECIMAL.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** A non-negative integer in pixels, or undefined (no signs, no decimals, nothing beyond 2^53). */
export function parsePixels(raw: string): number | undefined {
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : undefined;
}
