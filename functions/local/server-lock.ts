/**
 * `{dataDir}/server.json` tells other processes (the ingest CLI) that a local server holds the
 * emulators' on-disk store, where it listens and the token of its write route.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ServerLock {
  url: string;
  token: string;
  pid: number;
}

const lockPath = (dataDir: string) => join(dataDir, 'server.json');

export async function writeServerLock(dataDir: string, lock: ServerLock): Promise<void> {
  await writeFile(lockPath(dataDir), `${JSON.stringify(lock, null, 2)}\n`, { mode: 0o600 });
}

export async function removeServerLock(dataDir: string): Promise<void> {
  await rm(lockPath(dataDir), { force: true });
}

/** The running server's lock, or undefined when none is running (a stale file is ignored). */
export async function findRunningServer(dataDir: string): Promise<ServerLock | undefined> {
  let lock: ServerLock;
  try {
    lock = JSON.parse(await readFile(lockPath(dataDir), 'utf8')) as ServerLock;
  } catch {
    return undefined;
  }
  try {
    process.kill(lock.pid, 0);
  } catch {
    return undefined;
  }
  try {
    const res = await fetch(`${lock.url}/health`, { signal: AbortSignal.timeout(2_000) });
    return res.ok ? lock : undefined;
  } catch {
    return undefined;
  }
}
