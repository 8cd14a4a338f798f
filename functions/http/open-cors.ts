/**
 * CORS open to every origin, for read-only public data (IIIF requires `*`). Unlike Hono's `cors`
 * middleware, which edits the finished response's headers (turning @hono/node-server's light
 * response into a full one: it cut the request rate by more than half), this one adds its headers
 * before the handler runs, and `reply` builds them into whatever response answers.
 */
import type { MiddlewareHandler } from 'hono';
import { addReplyHeaders, reply } from './reply.ts';

export function openCors(options: { methods: readonly string[]; exposeHeaders: readonly string[]; maxAgeSeconds?: number }): MiddlewareHandler {
  const everyResponse = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': options.exposeHeaders.join(', '),
  };
  const preflight = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': options.methods.join(', '),
    'Access-Control-Max-Age': String(options.maxAgeSeconds ?? 86_400),
  };
  return async (c, next) => {
    const preflightMethod = c.req.header('Access-Control-Request-Method');
    if (c.req.method === 'OPTIONS' && preflightMethod !== undefined) {
      const requested = c.req.header('Access-Control-Request-Headers');
      return reply(c, null, 204, requested ? { ...preflight, 'Access-Control-Allow-Headers': requested } : preflight);
    }
    addReplyHeaders(c, everyResponse);
    await next();
  };
}
