/**
 * The answer to a request no route took: 405 with `Allow` when the path is served with other
 * methods, 204 with `Allow` to a plain OPTIONS (preflights are answered by `openCors` before
 * routing), and the one 404 "Nothing is served at" otherwise. Built from the app's own route
 * table, so it cannot disagree with what the routes serve.
 */
import type { Env, Hono, NotFoundHandler } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { HttpProblem, notFound, renderProblem } from './problem.ts';
import { reply } from './reply.ts';

/** What a path's routes serve, for `Allow`; HEAD and OPTIONS come with every GET route. */
function allowedMethods(methods: Iterable<string>): string[] {
  const allowed = new Set(methods);
  if (allowed.has('GET')) allowed.add('HEAD');
  allowed.add('OPTIONS');
  return [...allowed];
}

function methodRouter(routes: readonly { method: string; path: string }[]): TrieRouter<string[]> {
  const byPath = new Map<string, Set<string>>();
  // Middleware is registered for ALL methods and serves nothing itself.
  for (const { method, path } of routes) {
    if (method === 'ALL') continue;
    const methods = byPath.get(path) ?? new Set<string>();
    methods.add(method);
    byPath.set(path, methods);
  }
  const router = new TrieRouter<string[]>();
  for (const [path, methods] of byPath) router.add('ALL', path, allowedMethods(methods));
  return router;
}

export function answerUnrouted<E extends Env>(app: Hono<E>): NotFoundHandler<E> {
  let router: TrieRouter<string[]> | undefined;
  return (c) => {
    router ??= methodRouter(app.routes);
    const path = c.req.path;
    const allowed = [...new Set(router.match(c.req.method, path)[0].flatMap(([methods]) => methods))];
    if (allowed.length === 0) return renderProblem(c, notFound(`Nothing is served at ${path}.`));
    const allow = { Allow: allowed.join(', ') };
    if (c.req.method === 'OPTIONS') return reply(c, null, 204, allow);
    return renderProblem(c, new HttpProblem(405, 'Method Not Allowed', `${path} answers ${allowed.join(', ')}, not ${c.req.method}.`, {}, allow));
  };
}
