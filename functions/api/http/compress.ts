/**
 * Content-coding for text responses: Brotli or gzip, as the client's Accept-Encoding prefers
 * (Hono's own `compress` middleware offers gzip and deflate only). The encoded representation
 * gets a weak ETag, as it is no longer byte-identical to the strong one; If-None-Match still
 * matches it (weak comparison). HEAD, 304 and small bodies pass through untouched. Every response
 * of the routes it guards says `Vary: Accept-Encoding`.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { addReplyHeaders } from './reply.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type ContentCoding = 'br' | 'gzip';

/** The coding to use for an Accept-Encoding header: the highest q wins, Brotli on ties; undefined for identity. */
export function chooseContentCoding(acceptEncoding: string | undefined): ContentCoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (coding: ContentCoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).reduce<ContentCoding | undefined>(
    (chosen, coding) => (weight(coding) > (chosen ? weight(chosen) : 0) ? coding : chosen),
    undefined,
  );
  return best && weight(best) > 0 ? best : undefined;
}

export async function encodeBody(body: Uint8Array, coding: ContentCoding): Promise<Uint8Array<ArrayBuffer>> {
  const encoded =
    coding === 'br'
      ? await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
      : await gzipAsync(body, { level: 6 });
  return new Uint8Array(encoded);
}

export function compressResponses(options: { threshold?: number } = {}): MiddlewareHandler {
  const threshold = options.threshold ?? 1024;
  return async (c, next) => {
    // Set before the handler runs, so a response left uncompressed is never rebuilt just for this.
    addReplyHeaders(c, { Vary: 'Accept-Encoding' });
    const coding = chooseContentCoding(c.req.header('Accept-Encoding'));
    await next();
    if (!coding) return;
    const res = c.res;
    if (c.req.method === 'HEAD' || res.status !== 200 || !res.body || res.headers.has('Content-Encoding')) return;
    if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get('Content-Type') ?? '')) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return;
    const raw = await res.arrayBuffer();
    if (raw.byteLength < threshold) {
      c.res = new Response(raw, res);
      return;
    }
    c.res = new Response(await encodeBody(new Uint8Array(raw), coding), res);
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', coding);
    const etag = c.res.headers.get('ETag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}
