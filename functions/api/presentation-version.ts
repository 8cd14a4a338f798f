/**
 * Which IIIF Presentation version a client asks for with the `Accept` profile (Presentation 3.0
 * section 6, "Responses"; Presentation 2.1 section 5): `application/ld+json` with
 * `profile="http://iiif.io/api/presentation/{2,3}/context.json"`. A version is asked for only
 * when the header names its profile with a higher quality than the other's; a header that names
 * neither (`*\/*`, `application/json`, plain `application/ld+json`) leaves the URL's own version.
 */
import { PRESENTATION_2_CONTEXT } from '../core/iiif/presentation-2/types.ts';
import { PRESENTATION_CONTEXT } from '../core/iiif/presentation-3/types.ts';
import { parseAccept } from '../http/negotiate.ts';

export type PresentationVersion = 2 | 3;

const PROFILES: { [version in PresentationVersion]: string } = { 2: PRESENTATION_2_CONTEXT, 3: PRESENTATION_CONTEXT };

/** The quality the header gives a version's profile: the best of the `application/ld+json` ranges naming it (a profile list is space-separated). */
function profileQuality(ranges: ReturnType<typeof parseAccept>, version: PresentationVersion): number {
  let quality = 0;
  for (const range of ranges) {
    if (range.type !== 'application' || range.subtype !== 'ld+json') continue;
    const profiles = (range.params.get('profile') ?? '').split(/\s+/);
    if (profiles.includes(PROFILES[version])) quality = Math.max(quality, range.q);
  }
  return quality;
}

/** The other version, when the `Accept` header prefers its profile to this URL's; undefined to serve this URL's own. */
export function preferredOtherVersion(accept: string | undefined, served: PresentationVersion): PresentationVersion | undefined {
  if (!accept) return undefined;
  const ranges = parseAccept(accept);
  const other: PresentationVersion = served === 3 ? 2 : 3;
  return profileQuality(ranges, other) > profileQuality(ranges, served) ? other : undefined;
}
