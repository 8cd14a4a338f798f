/**
 * Child process of the bench: the service on the local stack and, in the same process, a plain
 * node:http server that serves the exact bytes the service answered for each benchmarked path
 * (the physical limit of this stack). Prints one JSON line with both URLs.
 *
 * argv[2] is JSON `{ targets, persistent }`: with `persistent` the emulators keep their data on
 * disk under a fresh temporary DATA_DIR, as `npm start` runs them (LevelDB through classic-level);
 * otherwise in memory.
 */

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from '../../functions/local/start-service.ts';

export interface BenchTarget {
  name: string;
  path: string;
  headers: { [name: string]: string };
}

export interface BenchServerOptions {
  targets: BenchTarget[];
  persistent?: boolean;
}

const { targets, persistent = false } = JSON.parse(process.argv[2] ?? '{"targets":[]}') as BenchServerOptions;
const token = randomBytes(24).toString('base64url');
const dataDir = await mkdtemp(join(tmpdir(), 'archive-bench-'));
const service = await startService(
  { PORT: '0', DATA_DIR: dataDir, OAI_REPOSITORY_IDENTIFIER: 'bench.example.org', INGEST_API_TOKEN: token },
  { inMemory: !persistent, log: () => {} },
);

const NODE_WRITES = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
const captured = new Map<string, { status: number; headers: { [name: string]: string }; body: Buffer }>();
for (const target of targets) {
  const res = await fetch(`${service.url}${target.path}`, { headers: target.headers });
  // Every header the service sent, but those node:http writes itself.
  const headers: { [name: string]: string } = {};
  for (const [name, value] of res.headers) if (!NODE_WRITES.has(name)) headers[name] = value;
  captured.set(target.path, { status: res.status, headers, body: Buffer.from(await res.arrayBuffer()) });
}

const baseline = createServer((req, res) => {
  if (req.url === '/__heap') {
    // After a full collection, what the process really retains (the bench runs it with --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(process.memoryUsage()));
    return;
  }
  const hit = captured.get(req.url ?? '');
  if (!hit) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(hit.status, { ...hit.headers, 'content-length': hit.body.byteLength });
  res.end(hit.body);
});
await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', () => resolve()));

const statuses = Object.fromEntries([...captured].map(([path, hit]) => [path, { status: hit.status, bytes: hit.body.byteLength }]));
console.log(
  JSON.stringify({
    serviceUrl: service.url,
    backends: service.backends,
    baselineUrl: `http://127.0.0.1:${(baseline.address() as AddressInfo).port}`,
    statuses,
    pid: process.pid,
    token,
    dataDir,
  }),
);
process.on('SIGTERM', async () => {
  baseline.close();
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
});
