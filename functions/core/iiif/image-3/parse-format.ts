/**
 * The format parameter (Image API 3.0 section 4.5). Formats the specification names but this
 * service does not produce are valid requests it does not implement (501, section 7.3);
 * anything else is malformed (400).
 */
import { malformed, notImplemented, type Outcome, ok, quoted } from './request-outcome.ts';

/** Formats served, with their media types: `jpg` and `png` (level 2) and `webp` (an extra format). */
export const OUTPUT_FORMATS = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
export type OutputFormat = keyof typeof OUTPUT_FORMATS;

/** Formats the specification defines that this service does not produce. */
const UNIMPLEMENTED_FORMATS = new Set(['tif', 'gif', 'jp2', 'pdf']);

export function parseFormat(raw: string): Outcome<OutputFormat> {
  if (Object.hasOwn(OUTPUT_FORMATS, raw)) return ok(raw as OutputFormat);
  if (UNIMPLEMENTED_FORMATS.has(raw)) return notImplemented(`format ${quoted(raw)} is not produced here; ask for ${Object.keys(OUTPUT_FORMATS).join(', ')}`);
  return malformed(`format ${quoted(raw)} is not an Image API format (section 4.5); this service produces ${Object.keys(OUTPUT_FORMATS).join(', ')}`);
}
