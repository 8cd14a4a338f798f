/** AWS Lambda entrypoint of the ingest: objects landing in the bucket's `inbox/` prefix are ingested. */
import archiveProfile from '../../data/archive.json' with { type: 'json' };
import { ArchiveProfileSchema } from '../../schemas/archive-profile.ts';
import { loadConfig } from '../../schemas/config.ts';
import { createS3Client, createStores } from '../adapters/aws-clients.ts';
import { S3Inbox } from '../adapters/s3-inbox.ts';
import { ingestExport } from '../core/ingest/ingest-export.ts';
import { createIngestDeps } from './ingest-deps.ts';
import { createInboxIngest } from './ingest-from-inbox.ts';

const config = loadConfig(process.env);
const deps = createIngestDeps(createStores(config), ArchiveProfileSchema.parse(archiveProfile));

export const handler = createInboxIngest({
  inbox: new S3Inbox(createS3Client(config), config.bucketName),
  ingest: (input) => ingestExport(input, deps),
  log: (level, entry) => console[level](entry),
});
