/**
 * HTTP errors as one small hierarchy, rendered in one place as RFC 9457 problem JSON.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { BackendUnavailableError, EntryTooLargeError, InvalidCursorError, InvalidQueryError, NotFoundError } from '../core/errors.ts';
import { reply } from './reply.ts';

export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail: string,
    readonly extra: { [member: string]: unknown } = {},
    readonly headers: { [name: string]: string } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (detail: string, extra?: { [member: string]: unknown }) => new HttpProblem(400, 'Bad Request', detail, extra);
export const notFound = (detail: string) => new HttpProblem(404, 'Not Found', detail);
export const notAcceptable = (offered: readonly string[]) =>
  new HttpProblem(406, 'Not Acceptable', `This resource is offered as: ${offered.join(', ')}`, { offered });

/** Maps any error to a problem; unknown errors become an opaque 500 (logged, never shown). */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof HTTPException && error.status < 500) {
    const headers = Object.fromEntries(error.getResponse().headers.entries());
    delete headers['content-type'];
    return new HttpProblem(error.status, error.status === 401 ? 'Unauthorized' : 'Bad Request', error.message || `HTTP ${error.status}`, {}, headers);
  }
  if (error instanceof NotFoundError) return notFound(error.message);
  if (error instanceof InvalidCursorError || error instanceof InvalidQueryError) return badRequest(error.message);
  if (error instanceof EntryTooLargeError) return new HttpProblem(413, 'Content Too Large', error.message);
  if (error instanceof BackendUnavailableError) {
    return new HttpProblem(
      503,
      'Service Unavailable',
      'A storage backend is unavailable; retry shortly.',
      {},
      { 'Retry-After': String(error.retryAfterSeconds) },
    );
  }
  return new HttpProblem(500, 'Internal Server Error', 'The service failed to answer this request.');
}

export function renderProblem(c: Context, problem: HttpProblem): Response {
  const body = {
    type: 'about:blank',
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: new URL(c.req.url).pathname,
    ...problem.extra,
  };
  return reply(c, JSON.stringify(body), problem.status, { 'Content-Type': 'application/problem+json', ...problem.headers });
}
