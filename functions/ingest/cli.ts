/**
 * `npm run ingest -- <files or folders> [--images <dir>] [--target local|aws]`
 *
 * local (default): through the running local server when there is one (it holds the on-disk
 * store), otherwise on the emulators' store opened in this process. aws: straight to the
 * DynamoDB table and S3 bucket named by TABLE_NAME and BUCKET_NAME, with the usual AWS credentials.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../schemas/config.ts';
import { createStores } from '../adapters/aws-clients.ts';
import { type IngestInput, type IngestOutcome, ingestExport } from '../core/ingest/ingest-export.ts';
import { startLocalStack } from '../local/local-stack.ts';
import { findRunningServer } from '../local/server-lock.ts';
import { createIngestDeps } from './ingest-deps.ts';
import { formatOutcome } from './ingest-report.ts';
import { progressBar } from './progress.ts';
import { findExportFiles, loadArchiveProfile, readIngestInput } from './read-inputs.ts';
import { remoteIngest } from './remote-ingest.ts';

type Ingest = (input: IngestInput) => Promise<IngestOutcome>;

async function openTarget(target: string, profilePath: string): Promise<{ ingest: Ingest; describe: string; close(): Promise<void> }> {
  const config = loadConfig(process.env);
  if (target === 'aws') {
    const deps = createIngestDeps(createStores(config), await loadArchiveProfile(profilePath));
    return { ingest: (input) => ingestExport(input, deps), describe: `AWS (table ${config.tableName}, bucket ${config.bucketName})`, close: async () => {} };
  }
  const server = await findRunningServer(config.dataDir);
  if (server) return { ingest: remoteIngest(server.url, server.token), describe: `the running local server at ${server.url}`, close: async () => {} };
  const stack = await startLocalStack(config);
  const stores = createStores({ ...config, dynamodbEndpoint: stack.dynamodbEndpoint, s3Endpoint: stack.s3Endpoint });
  const deps = createIngestDeps(stores, await loadArchiveProfile(profilePath));
  return { ingest: (input) => ingestExport(input, deps), describe: `the local store in ${config.dataDir}`, close: () => stack.close() };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      images: { type: 'string' },
      target: { type: 'string', default: 'local' },
      profile: { type: 'string', default: 'data/archive.json' },
    },
  });
  if (positionals.length === 0 || (values.target !== 'local' && values.target !== 'aws')) {
    console.error('Usage: npm run ingest -- <export files or folders> [--images <dir>] [--target local|aws] [--profile data/archive.json]');
    return 2;
  }
  const files = await findExportFiles(positionals);
  const target = await openTarget(values.target, values.profile);
  console.log(`Ingesting ${files.length} export(s) into ${target.describe}`);
  const bar = progressBar(files.length);
  const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0, failed: 0 };
  try {
    for (const [index, file] of files.entries()) {
      bar.update(index, file);
      let line: string;
      try {
        const outcome = await target.ingest(await readIngestInput(file, values.images));
        counts[outcome.status]++;
        line = formatOutcome(file, outcome);
      } catch (error) {
        counts.failed++;
        line = `failed    ${file}: ${(error as Error).message}`;
      }
      bar.clear();
      console.log(line);
    }
  } finally {
    bar.clear();
    await target.close();
  }
  console.log(
    Object.entries(counts)
      .map(([status, n]) => `${n} ${status}`)
      .join(', '),
  );
  return counts.rejected + counts.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `ingest failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
