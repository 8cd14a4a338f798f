/**
 * Version negotiation on a record's manifest URL (docs/adr/0015-iiif-2-for-legacy-clients.md): a
 * client whose `Accept` profile prefers the other Presentation version is sent there with a 303,
 * so that every document is served at its own id; both answers vary on `Accept`.
 */
import type { Context } from 'hono';
import { PRESENTATION_2_CONTEXT } from '../../core/iiif/presentation-2/types.ts';
import { PRESENTATION_CONTEXT } from '../../core/iiif/presentation-3/types.ts';
import { CACHE_METADATA } from '../../http/conditional.ts';
import { reply } from '../../http/reply.ts';
import type { AppEnv } from '../app-env.ts';
import type { Responses } from '../openapi/operations.ts';
import { type PresentationVersion, preferredOtherVersion } from '../presentation-version.ts';

export function redirectToPreferredVersion(c: Context<AppEnv>, served: PresentationVersion, recordId: string): Response | undefined {
  const other = preferredOtherVersion(c.req.header('Accept'), served);
  if (other === undefined) return undefined;
  const { urls } = c.get('deps');
  const location = other === 2 ? urls.manifest2(recordId) : urls.manifest(recordId);
  return reply(c, null, 303, { Location: location, Vary: 'Accept', 'Cache-Control': CACHE_METADATA });
}

/** What both versions' manifest operations say of the negotiation. */
export const VERSION_NEGOTIATION = `An \`Accept\` header that prefers the other Presentation version's profile (\`application/ld+json;profile="${PRESENTATION_2_CONTEXT}"\` or \`...;profile="${PRESENTATION_CONTEXT}"\`) is answered with a 303 to that version's manifest; every answer varies on \`Accept\`.`;
export const VERSION_REDIRECT: Responses = { '303': { description: "The other Presentation version's manifest, which the Accept profile prefers" } };
