/**
 * The write routes, mounted only where the process may write (the local server) and only with a
 * bearer token: POST /admin/ingest and POST /admin/withdraw/{id}. The ingest CLI uses them when a
 * server holds the store.
 */
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import * as z from 'zod/mini';
import type { IngestInput } from '../../core/ingest/ingest-export.ts';
import type { AdminOperations, AppEnv } from '../app-env.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { readBodyWithin } from '../http/read-body.ts';
import { replyJson } from '../http/reply.ts';
import { checkedRecordId } from '../load-record.ts';

const BASE64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));

export const IngestRequestSchema = z.object({
  fileName: z.string().check(z.minLength(1), z.maxLength(255)),
  export: BASE64,
  overlay: z.optional(BASE64),
  scans: z.optional(z.record(z.string().check(z.regex(/^\d+(ob\.)?$/)), BASE64)),
});
export type IngestRequest = z.infer<typeof IngestRequestSchema>;

export const MAX_INGEST_BODY_BYTES = 256 * 1024 * 1024;

export function adminRoutes(token: string, admin: AdminOperations) {
  return new Hono<AppEnv>()
    .use('/admin/*', bearerAuth({ token }))
    .post('/admin/withdraw/:id', async (c) => {
      const outcome = await admin.withdraw(checkedRecordId(c.req.param('id')));
      if (outcome.status === 'unknown') throw notFound(`No record "${outcome.id}".`);
      return replyJson(c, outcome, 200);
    })
    .post('/admin/ingest', async (c) => {
      const body = await readBodyWithin(c, MAX_INGEST_BODY_BYTES);
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(body).toString('utf8'));
      } catch {
        throw badRequest('the body is not JSON');
      }
      const parsed = IngestRequestSchema.safeParse(json);
      if (!parsed.success)
        throw badRequest('the body is not an ingest request', { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      const request = parsed.data;
      const input: IngestInput = {
        fileName: request.fileName,
        exportBytes: Buffer.from(request.export, 'base64'),
        scans: new Map(Object.entries(request.scans ?? {}).map(([leaf, data]) => [leaf, Buffer.from(data, 'base64')])),
      };
      if (request.overlay !== undefined) input.overlayBytes = Buffer.from(request.overlay, 'base64');
      const outcome = await admin.ingest(input);
      const status = outcome.status === 'rejected' ? 422 : outcome.status === 'created' ? 201 : 200;
      return replyJson(c, outcome, status);
    });
}
