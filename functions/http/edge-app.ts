/**
 * The skeleton both HTTP apps (the metadata API, the image service) are built on: the origin
 * guard, open CORS, the answer to an unrouted request and the error handler, so the two answer
 * what no route of theirs answers the same way. The app adds its middleware and routes after.
 */
import { type Env, Hono } from 'hono';
import type { BlankEnv } from 'hono/types';
import { errorFields, log } from './log.ts';
import { openCors } from './open-cors.ts';
import { type HttpProblem, renderProblem, toProblem } from './problem.ts';
import { answerUnrouted } from './unrouted.ts';
import { verifyOrigin } from './verify-origin.ts';

/** A request that ended in an error, as the error handler gives it to the app's logging. */
export interface RequestFailure {
  error: unknown;
  /** The answer sent for it. */
  problem: HttpProblem;
  path: string;
}

export interface EdgeAppOptions {
  /** The secret the CDN adds to every origin request; without one (the local server) every request is served. */
  originSecret?: string;
  /** The headers a script of another origin may read (`Access-Control-Expose-Headers`). */
  exposeHeaders: readonly string[];
  /**
   * The paths the guard and CORS cover (Hono patterns), every path by default: the image app,
   * mounted beside the API in the local server, covers only its own, so no request passes twice.
   */
  paths?: readonly string[];
  /** Logs a failed request; `logServerErrors` by default. */
  logFailure?: (failure: RequestFailure) => void;
}

/** Every 5xx: a 503 (a backend unavailable) as a warning without a stack, any other as an error with one. */
export function logServerErrors({ error, problem, path }: RequestFailure): void {
  if (problem.status === 503) log.warn('backend unavailable', { path, error: String(error) });
  else if (problem.status >= 500) log.error('request failed', { path, ...errorFields(error) });
}

/** A Hono app with the edge's guard, CORS, unrouted answer and error handler; routes go on it after. */
export function createEdgeApp<E extends Env = BlankEnv>(options: EdgeAppOptions): Hono<E> {
  const app = new Hono<E>();
  const logFailure = options.logFailure ?? logServerErrors;
  // Read-only data: a script of another origin may read it, not write.
  const cors = openCors({ methods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: options.exposeHeaders });
  const guard = options.originSecret ? verifyOrigin(options.originSecret) : undefined;
  for (const path of options.paths ?? ['*']) {
    if (guard) app.use(path, guard);
    app.use(path, cors);
  }
  app.notFound(answerUnrouted(app));
  app.onError((error, c) => {
    const problem = toProblem(error);
    logFailure({ error, problem, path: new URL(c.req.url).pathname });
    return renderProblem(c, problem);
  });
  return app;
}
