/**
 * Every response of the apps is built here, its headers one plain object.
 *
 * Not with `c.header()` or `c.body()`: as soon as a response has two headers, or a middleware set
 * one, Hono copies them into a WHATWG `Headers`, whose every `set` validates, lower-cases and
 * re-sorts, and @hono/node-server then turns it back into an object for `writeHead`. On a cached
 * rendering that was a third of the cost of the request. A plain object goes untouched through
 * @hono/node-server's light Response to `writeHead`, and through hono/aws-lambda.
 *
 * Middleware adds the headers every response of a request carries (open CORS, `Vary:
 * Accept-Encoding`) with `addReplyHeaders`; `reply` puts a response's own headers over them,
 * joining the `Vary` lists. Header names are written in their canonical case throughout.
 */
import type { Context } from 'hono';

export type HeaderRecord = { readonly [name: string]: string };

declare module 'hono' {
  interface ContextVariableMap {
    /** Headers every response of this request carries; see `addReplyHeaders`. */
    replyHeaders: HeaderRecord;
  }
}

/**
 * `over` on top of `under`; both `Vary` lists kept. (`Object.assign`, not spread: on these
 * hyphenated names V8's spread was fifteen times slower, measurably so per request.)
 */
export function mergeHeaders(under: HeaderRecord, over: HeaderRecord): HeaderRecord {
  const merged: { [name: string]: string } = Object.assign({}, under, over);
  if (under.Vary !== undefined && over.Vary !== undefined && under.Vary !== over.Vary) merged.Vary = `${under.Vary}, ${over.Vary}`;
  return merged;
}

/** Headers for every response of this request, whichever handler answers it. */
export function addReplyHeaders(c: Context, headers: HeaderRecord): void {
  const current = c.get('replyHeaders');
  c.set('replyHeaders', current === undefined ? headers : mergeHeaders(current, headers));
}

export function reply(c: Context, body: string | Uint8Array<ArrayBuffer> | null, status: number, headers: HeaderRecord = {}): Response {
  const shared = c.get('replyHeaders');
  return new Response(body, { status, headers: shared === undefined ? headers : mergeHeaders(shared, headers) });
}

export function replyJson(c: Context, value: unknown, status: number, headers: HeaderRecord = {}): Response {
  return reply(c, JSON.stringify(value), status, { 'Content-Type': 'application/json', ...headers });
}
