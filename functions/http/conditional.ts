/** Cacheable responses: strong ETag, Cache-Control, and 304 for a matching If-None-Match. */
import type { Context } from 'hono';
import { reply } from './reply.ts';
import type { RepresentationCache } from './representation-cache.ts';

export const CACHE_METADATA = 'public, max-age=300, stale-while-revalidate=60';
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';

/** True when an If-None-Match header matches the strong ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === opaque;
  });
}

export interface Representation {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  /** Opaque part of the ETag; quoted here. */
  etag: string;
  cacheControl?: string;
  headers?: { [name: string]: string };
}

export function sendRepresentation(c: Context, rep: Representation): Response {
  const etag = `"${rep.etag}"`;
  const headers = Object.assign({ ETag: etag, 'Cache-Control': rep.cacheControl ?? CACHE_METADATA }, rep.headers);
  if (matchesEtag(c.req.header('If-None-Match'), etag)) return reply(c, null, 304, headers);
  return reply(c, rep.body, 200, Object.assign(headers, { 'Content-Type': rep.contentType }));
}

/**
 * What `sendCachedRepresentation` reads from the request's context: the container's cache and
 * the base URL the body's links name (an app's own `deps` variable holds at least these).
 */
export type CachingEnv = { Variables: { deps: { representations: RepresentationCache; urls: { base: string } } } };

/**
 * Like `sendRepresentation` for a body that is a pure function of its ETag (and the base URL):
 * a matching If-None-Match is answered before rendering, and a rendered body is kept in the
 * container's representation cache.
 */
export async function sendCachedRepresentation<E extends CachingEnv>(
  c: Context<E>,
  rep: Omit<Representation, 'body'> & {
    render: () => string | Promise<string>;
    /** Headers that depend on the representation only (computed once with its body, kept with it). */
    renderHeaders?: () => { [name: string]: string };
  },
): Promise<Response> {
  const { representations, urls } = c.get('deps');
  const headers = Object.assign({ ETag: `"${rep.etag}"`, 'Cache-Control': rep.cacheControl ?? CACHE_METADATA }, rep.headers);
  if (matchesEtag(c.req.header('If-None-Match'), `"${rep.etag}"`)) return reply(c, null, 304, headers);
  const rendered = await representations.getOrRender(`${urls.base} ${rep.etag}`, async () => ({
    body: await rep.render(),
    headers: rep.renderHeaders?.() ?? {},
  }));
  return reply(c, rendered.bytes, 200, Object.assign({}, rendered.headers, headers, { 'Content-Type': rep.contentType }));
}
