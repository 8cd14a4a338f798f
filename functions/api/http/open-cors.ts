/**
 * CORS open to every origin, for read-only public data (IIIF requires `*`). Unlike Hono's `cors`
 * middleware, which edits the finished response's headers (turning @hono/node-server's light
 * response into a full one: it cut the request rate by more than half), this one sets its headers
 * on the context before the handler runs, so every response built through the context carries them.
 */
import type { MiddlewareHandler } from 'hono';

export function openCors(options: { methods: readonly string[]; exposeHeaders: readonly string[]; maxAgeSeconds?: number }): MiddlewareHandler {
  const allowMethods = options.methods.join(', ');
  const exposeHeaders = options.exposeHeaders.join(', ');
  const maxAge = String(options.maxAgeSeconds ?? 86_400);
  return async (c, next) => {
    const preflightMethod = c.req.header('Access-Control-Request-Method');
    if (c.req.method === 'OPTIONS' && preflightMethod !== undefined) {
      const headers: { [name: string]: string } = {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': allowMethods,
        'Access-Control-Max-Age': maxAge,
      };
      const requested = c.req.header('Access-Control-Request-Headers');
      if (requested) headers['Access-Control-Allow-Headers'] = requested;
      return c.body(null, 204, headers);
    }
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Expose-Headers', exposeHeaders);
    await next();
  };
}
