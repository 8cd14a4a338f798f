/** AWS Lambda entrypoint of the ingest: objects landing in the bucket's `inbox/` prefix are ingested. */
import archiveProfile from '../../data/archive.json' with { type: 'json' };
import { ArchiveProfileSchema } from '../../schemas/archive-profile.ts';
import { loadConfig } from '../../schemas/config.ts';
import { type BackendTimeouts, createS3Client, createStores } from '../adapters/aws-clients.ts';
import { S3Inbox } from '../adapters/s3-inbox.ts';
import { ingestExport } from '../core/ingest/ingest-export.ts';
import { createIngestDeps } from '../imaging/ingest-deps.ts';
import { createInboxIngest } from './ingest-from-inbox.ts';

/** A batch job, not a request path: pyramid uploads of large scans may take far longer than an API read. */
const INGEST_TIMEOUTS: BackendTimeouts = { connectionTimeoutMs: 2_000, requestTimeoutMs: 60_000 };

const config = loadConfig(process.env);
const deps = createIngestDeps(createStores(config, INGEST_TIMEOUTS), ArchiveProfileSchema.parse(archiveProfile));

export const handler = createInboxIngest({
  inbox: new S3Inbox(createS3Client(config, INGEST_TIMEOUTS), config.bucketName),
  ingest: (input) => ingestExport(input, deps),
  log: (level, entry) => console[level](entry),
});
