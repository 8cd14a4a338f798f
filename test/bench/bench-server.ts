/**
 * Child process of the bench: the service on the local stack (in memory) and, in the same
 * process, a plain node:http server that serves the exact bytes the service answered for each
 * benchmarked path (the physical limit of this stack). Prints one JSON line with both URLs.
 */

import { mkdtemp } from 'node:fs/promises';
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

const targets = JSON.parse(process.argv[2] ?? '[]') as BenchTarget[];
const service = await startService(
  { PORT: '0', DATA_DIR: await mkdtemp(join(tmpdir(), 'archive-bench-')), OAI_REPOSITORY_IDENTIFIER: 'bench.example.org' },
  { inMemory: true, log: () => {} },
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
  }),
);
process.on('SIGTERM', async () => {
  baseline.close();
  await service.close();
  process.exit(0);
});
