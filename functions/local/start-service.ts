/**
 * The local service: embedded DynamoDB and S3 emulators, the store seeded from `data/records`
 * on first start, and the app on `@hono/node-server`. `npm start` and the end-to-end tests use it.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { type Config, loadConfig } from '../../schemas/config.ts';
import { loadArchiveProfile } from '../adapters/ingest-files.ts';
import { adminOperations } from '../core/ingest/admin-operations.ts';
import { systemClock } from '../core/ports.ts';
import { CachedRecordStore } from '../core/records/cached-record-store.ts';
import { createIngestDeps } from '../imaging/ingest-deps.ts';
import { composeLocalApp } from './compose-app.ts';
import { localStackStores, startLocalStack } from './local-stack.ts';
import { readingProfilePerIngest } from './profile-per-ingest.ts';
import { seedIfEmpty } from './seed.ts';
import { findRunningServer, removeServerLock, writeServerLock } from './server-lock.ts';

export interface StartOptions {
  /** Keep the emulators' data in memory (tests); by default it lives under DATA_DIR. */
  inMemory?: boolean;
  /** Exports ingested on first start. */
  seedDir?: string;
  /** The server's archive profile (default `data/archive.json`): read at start for the seed, then for every ingest that brings none. */
  archiveProfilePath?: string;
  host?: string;
  log?: (line: string) => void;
}

export interface RunningService {
  url: string;
  config: Config;
  /** Endpoints of the embedded DynamoDB and S3 emulators. */
  backends: { dynamodbEndpoint: string; s3Endpoint: string };
  close(): Promise<void>;
}

export async function startService(env: { [name: string]: string | undefined }, options: StartOptions = {}): Promise<RunningService> {
  const log = options.log ?? ((line: string) => console.log(line));
  const requested = loadConfig(env);
  const running = await findRunningServer(requested.dataDir);
  if (running) throw new Error(`A local server (pid ${running.pid}) already serves ${running.url} from ${requested.dataDir}; stop it first, or use it.`);

  let app: Hono | undefined;
  const server = createAdaptorServer({
    fetch: (request: Request) => (app ? app.fetch(request) : new Response('starting', { status: 503, headers: { 'Retry-After': '1' } })),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requested.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const token = env.INGEST_API_TOKEN ?? randomBytes(24).toString('base64url');
  const config = loadConfig({ ...env, PORT: String(port), INGEST_API_TOKEN: token });

  const stack = await startLocalStack(config, { inMemory: options.inMemory ?? false });
  const backends = localStackStores(config, stack);
  // One cache for reads and writes, so a record ingested through this server is served at once.
  const stores = { records: new CachedRecordStore(backends.records, systemClock), blobs: backends.blobs };
  const profilePath = options.archiveProfilePath ?? 'data/archive.json';
  const ingestDeps = createIngestDeps(stores, await loadArchiveProfile(profilePath));
  await seedIfEmpty(ingestDeps, options.seedDir ?? 'data/records', log);

  const admin = readingProfilePerIngest(adminOperations(ingestDeps), profilePath);
  app = composeLocalApp({ config, ...stores, clock: systemClock, admin });
  const url = `http://127.0.0.1:${port}`;
  await writeServerLock(config.dataDir, { url, token, pid: process.pid });

  return {
    url,
    config,
    backends: { dynamodbEndpoint: stack.dynamodbEndpoint, s3Endpoint: stack.s3Endpoint },
    async close() {
      await removeServerLock(config.dataDir);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stack.close();
    },
  };
}
