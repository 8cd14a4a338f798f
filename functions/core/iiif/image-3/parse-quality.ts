/** The quality parameter (Image API 3.0 section 4.4). Every quality the specification names is served. */
import { malformed, type Outcome, ok, quoted } from './request-outcome.ts';

export const QUALITIES = ['default', 'color', 'gray', 'bitonal'] as const;
export type Quality = (typeof QUALITIES)[number];

export function parseQuality(raw: string): Outcome<Quality> {
  const quality = QUALITIES.find((q) => q === raw);
  return quality ? ok(quality) : malformed(`quality ${quoted(raw)} is not one of ${QUALITIES.join(', ')} (section 4.4)`);
}
