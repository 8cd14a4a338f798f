/**
 * The bodies of the local server's write routes (`functions/api/routes/admin.ts`), as the ingest
 * CLI sends them through a running server (`functions/operator/remote-admin.ts`): one definition
 * for the side that checks them and the side that writes them. Bytes travel as base64.
 */
import * as z from 'zod/mini';
import { ArchiveProfileSchema } from './archive-profile.ts';

const BASE64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));

export const IngestRequestSchema = z.object({
  fileName: z.string().check(z.minLength(1), z.maxLength(255)),
  export: BASE64,
  overlay: z.optional(BASE64),
  scans: z.optional(z.record(z.string().check(z.regex(/^\d+(ob\.)?$/)), BASE64)),
  reinstate: z.optional(z.object({ reason: z.string().check(z.minLength(1), z.maxLength(2000)) })),
  /** The archive profile the CLI read (`--profile`, else its `data/archive.json`); without it, the server reads its own for this ingest. */
  profile: z.optional(ArchiveProfileSchema),
});
export type IngestRequest = z.infer<typeof IngestRequestSchema>;

export const WithdrawRequestSchema = z.object({ reason: z.optional(z.string().check(z.maxLength(2000))) });
export const RemoveScansRequestSchema = z.object({ leaves: z.array(z.string().check(z.regex(/^\d+(ob\.?)?$/))).check(z.minLength(1)) });
