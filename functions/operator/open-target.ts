/**
 * Where the operator's writes go (the choices are cli.ts's): a running local server, through its
 * admin routes, or a store opened in this process, the emulators' or AWS's, with the write
 * operations composed over it in one place whichever store it is.
 */
import type { ArchiveProfile } from '../../schemas/archive-profile.ts';
import type { Config } from '../../schemas/config.ts';
import { createStores } from '../adapters/aws-clients.ts';
import { type AdminOperations, adminOperations } from '../core/ingest/admin-operations.ts';
import type { BlobStore, RecordStore } from '../core/ports.ts';
import { createIngestDeps } from '../imaging/ingest-deps.ts';
import { localStackStores, startLocalStack } from '../local/local-stack.ts';
import { findRunningServer } from '../local/server-lock.ts';
import { remoteAdmin } from './remote-admin.ts';

export type TargetName = 'local' | 'aws';

export interface Target {
  admin: AdminOperations;
  /** For the operator: `AWS (table ..., bucket ...)`, `the local store in .data`. */
  describe: string;
  close(): Promise<void>;
}

interface OpenedStores {
  stores: { records: RecordStore; blobs: BlobStore };
  describe: string;
  close(): Promise<void>;
}

async function openStores(target: TargetName, config: Config): Promise<OpenedStores> {
  if (target === 'aws')
    return { stores: createStores(config), describe: `AWS (table ${config.tableName}, bucket ${config.bucketName})`, close: async () => {} };
  const stack = await startLocalStack(config);
  return { stores: localStackStores(config, stack), describe: `the local store in ${config.dataDir}`, close: () => stack.close() };
}

/** `profile`: what the exports are read with, also by a running server, which gets it with every ingest (ADR 0003). */
export async function openTarget(target: TargetName, config: Config, profile: ArchiveProfile): Promise<Target> {
  if (target === 'local') {
    const server = await findRunningServer(config.dataDir);
    if (server) {
      return { admin: remoteAdmin(server.url, server.token, { profile }), describe: `the running local server at ${server.url}`, close: async () => {} };
    }
  }
  const { stores, describe, close } = await openStores(target, config);
  return { admin: adminOperations(createIngestDeps(stores, profile)), describe, close };
}
