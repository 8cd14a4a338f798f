/**
 * Content-coding for the API's text responses (XML, JSON, HTML, JavaScript, CSS, plain text):
 * Brotli or gzip, as the client's Accept-Encoding prefers (Hono's own `compress` middleware offers
 * gzip and deflate only). Applied to every route of the app; images, already compressed, are the
 * image function's and never pass here.
 *
 * For a client that accepts a coding, every compressible response carries a weak ETag (the encoded
 * representation is not byte-identical to the strong one), on 200, HEAD and 304 alike, so the
 * validator a cache holds is the one it gets back; If-None-Match matches it by weak comparison
 * (`matchesEtag`). HEAD answers the headers GET would (`Content-Encoding`, no `Content-Length`)
 * without encoding anything. Bodies under the threshold, `no-transform` responses and responses
 * that already carry a `Content-Encoding` pass through as they are. Every response says
 * `Vary: Accept-Encoding`.
 *
 * Bodies that are pure functions of their strong ETag (renderings) are encoded once per coding and
 * base URL and kept (`EncodedBodies`); the others (OAI-PMH answers, each with its own
 * `responseDate`) are encoded per response. Qualities: docs/adr/0017-compression-and-the-miss-path.md.
 */
import { promisify } from 'node:util';
// Static: the AWS SDK loads node:zlib at start anyway (its CRC32 checksums), so a lazy import would save nothing.
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { WeightedLru } from '../core/cache/weighted-lru.ts';
import { addReplyHeaders } from './reply.ts';
import { forwardedHost } from './request-urls.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type ContentCoding = 'br' | 'gzip';

/** Brotli quality for responses encoded per request (ADR 0017: 11 costs tens of ms a page; 5 is within a few % of its bytes). */
export const BROTLI_QUALITY = 5;
export const GZIP_LEVEL = 6;
/** Smaller bodies are sent as they are: a coding saves less than its own framing and a round of zlib. */
export const COMPRESSION_THRESHOLD = 1024;

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

export async function encodeBody(
  body: Uint8Array,
  coding: ContentCoding,
  options: { brotliQuality?: number; gzipLevel?: number } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const encoded =
    coding === 'br'
      ? await brotli(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: options.brotliQuality ?? BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
        })
      : await gzipAsync(body, { level: options.gzipLevel ?? GZIP_LEVEL });
  // A copy: zlib's output may be a view of a pooled buffer, which a kept body must not pin.
  return new Uint8Array(encoded);
}

/** True for a media type worth compressing (text, XML, JSON and their `+xml`/`+json` kinds, JavaScript). */
export function isCompressible(contentType: string | null): boolean {
  return contentType !== null && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(contentType);
}

const weakEtag = (etag: string) => (etag.startsWith('W/') ? etag : `W/${etag}`);

/**
 * Encoded bodies of representations named by a strong ETag, per coding and request URL (whose
 * base URL the body's links name), bounded by their bytes. An ETag names one body (ADR 0006), so a
 * kept encoding is never that of another body.
 */
export class EncodedBodies {
  private readonly bodies: WeightedLru<Uint8Array<ArrayBuffer>>;

  constructor(maxBytes = 8 * 1024 * 1024) {
    this.bodies = new WeightedLru(maxBytes, (bytes) => bytes.byteLength);
  }

  async encode(key: string, body: Uint8Array, coding: ContentCoding): Promise<Uint8Array<ArrayBuffer>> {
    const hit = this.bodies.get(key);
    if (hit) return hit;
    const encoded = await encodeBody(body, coding);
    this.bodies.set(key, encoded, 2);
    return encoded;
  }
}

function cacheKey(c: Context, coding: ContentCoding, etag: string | null): string | undefined {
  if (!etag || etag.startsWith('W/')) return undefined;
  return `${coding} ${forwardedHost(c) ?? ''} ${c.req.url} ${etag}`;
}

export function compressResponses(options: { threshold?: number; encoded?: EncodedBodies } = {}): MiddlewareHandler {
  const threshold = options.threshold ?? COMPRESSION_THRESHOLD;
  const encodedBodies = options.encoded ?? new EncodedBodies();
  return async (c, next) => {
    // Set before the handler runs, so a response left uncompressed is never rebuilt just for this.
    addReplyHeaders(c, { Vary: 'Accept-Encoding' });
    const coding = chooseContentCoding(c.req.header('Accept-Encoding'));
    await next();
    if (!coding) return;
    const res = c.res;
    if (res.headers.has('Content-Encoding')) return;
    const etag = res.headers.get('ETag');
    if (res.status === 304) {
      // The validator the 200 carried for this client.
      if (etag) res.headers.set('ETag', weakEtag(etag));
      return;
    }
    if (res.status !== 200 || !res.body || !isCompressible(res.headers.get('Content-Type'))) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return;
    const raw = new Uint8Array(await res.arrayBuffer());
    let body: Uint8Array<ArrayBuffer> | null = raw;
    const encode = raw.byteLength >= threshold;
    if (encode && c.req.method !== 'HEAD') {
      const key = cacheKey(c, coding, etag);
      body = key ? await encodedBodies.encode(key, raw, coding) : await encodeBody(raw, coding);
    }
    c.res = new Response(c.req.method === 'HEAD' ? null : body, res);
    if (etag) c.res.headers.set('ETag', weakEtag(etag));
    if (!encode) return;
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', coding);
  };
}
