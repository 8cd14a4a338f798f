/**
 * The write routes, mounted only where the process may write (the local server) and only with a
 * bearer token: POST /admin/ingest, /admin/withdraw/{id} and /admin/remove-scans/{id}. The ingest
 * CLI uses them when a server holds the store, so every answer carries what the CLI must print:
 * a rejection is 422 with every problem, and a failure is a problem naming its reason (the caller
 * is the operator, who holds the token).
 */
import { type Context, Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type * as z from 'zod/mini';
import { IngestRequestSchema, RemoveScansRequestSchema, WithdrawRequestSchema } from '../../../schemas/admin-request.ts';
import type { AdminOperations } from '../../core/ingest/admin-operations.ts';
import type { IngestInput } from '../../core/ingest/ingest-export.ts';
import { checkedRecordId } from '../../http/load-record.ts';
import { errorFields, log } from '../../http/log.ts';
import { badRequest, HttpProblem, notFound, toProblem } from '../../http/problem.ts';
import { readBodyWithin } from '../../http/read-body.ts';
import { replyJson } from '../../http/reply.ts';
import type { AppEnv } from '../app-env.ts';

/** The body as JSON, checked by `schema`; 413 over `maxBytes`, 400 naming every problem otherwise. */
async function jsonBody<T>(c: Context, schema: z.ZodMiniType<T>, what: string, maxBytes: number): Promise<T> {
  const body = await readBodyWithin(c, maxBytes);
  let json: unknown;
  try {
    json = body.byteLength === 0 ? {} : JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    throw badRequest('the body is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw badRequest(`the body is not ${what}`, { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  return parsed.data;
}

/** Runs an operation; a failure that is not already an answer becomes a 500 that says why. */
async function operate<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const problem = toProblem(error);
    if (problem.status < 500 || problem.status === 503) throw problem;
    log.error(`${what} failed`, errorFields(error));
    throw new HttpProblem(500, 'Internal Server Error', `${what} failed: ${(error as Error).message}`);
  }
}

export const MAX_INGEST_BODY_BYTES = 256 * 1024 * 1024;

export function adminRoutes(token: string, admin: AdminOperations) {
  return new Hono<AppEnv>()
    .use('/admin/*', bearerAuth({ token }))
    .post('/admin/withdraw/:id', async (c) => {
      const id = checkedRecordId(c.req.param('id'));
      const { reason } = await jsonBody(c, WithdrawRequestSchema, 'a withdrawal', 16 * 1024);
      const outcome = await operate(`withdrawing record ${id}`, () => admin.withdraw(id, reason));
      if (outcome.status === 'unknown') throw notFound(`No record "${outcome.id}".`);
      return replyJson(c, outcome, 200);
    })
    .post('/admin/remove-scans/:id', async (c) => {
      const id = checkedRecordId(c.req.param('id'));
      const { leaves } = await jsonBody(c, RemoveScansRequestSchema, 'a list of leaves', 16 * 1024);
      const outcome = await operate(`removing scans of record ${id}`, () => admin.removeScans(id, leaves));
      if (outcome.status === 'unknown') throw notFound(`No record "${outcome.id}".`);
      return replyJson(c, outcome, 200);
    })
    .post('/admin/ingest', async (c) => {
      const request = await jsonBody(c, IngestRequestSchema, 'an ingest request', MAX_INGEST_BODY_BYTES);
      const input: IngestInput = {
        fileName: request.fileName,
        exportBytes: Buffer.from(request.export, 'base64'),
        scans: new Map(Object.entries(request.scans ?? {}).map(([leaf, data]) => [leaf, Buffer.from(data, 'base64')])),
      };
      if (request.overlay !== undefined) input.overlayBytes = Buffer.from(request.overlay, 'base64');
      if (request.reinstate) input.reinstate = request.reinstate;
      if (request.profile) input.profile = request.profile;
      const outcome = await operate(`ingesting ${request.fileName}`, () => admin.ingest(input));
      const status = outcome.status === 'rejected' ? 422 : outcome.status === 'created' ? 201 : 200;
      return replyJson(c, outcome, status);
    });
}
