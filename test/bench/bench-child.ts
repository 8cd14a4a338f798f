/** Starts `bench-server.ts` in a child process and waits for its address line. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { BenchServerOptions, BenchTarget } from './bench-server.ts';

export interface BenchChild {
  serviceUrl: string;
  baselineUrl: string;
  backends: { dynamodbEndpoint: string; s3Endpoint: string };
  statuses: { [path: string]: { status: number; bytes: number } };
  pid: number;
  /** Bearer token of the server's admin routes (POST /admin/ingest). */
  token: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startBenchChild(
  targets: readonly BenchTarget[],
  options: { persistent?: boolean; env?: { [name: string]: string } } = {},
): Promise<BenchChild> {
  const serverOptions: BenchServerOptions = { targets: [...targets], persistent: options.persistent ?? false };
  const script = new URL('./bench-server.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, JSON.stringify(serverOptions)], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const info = JSON.parse(first) as Omit<BenchChild, 'process' | 'stop'>;
  return {
    ...info,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Heap in use (MiB) of the bench server after a full garbage collection. */
export async function heapAfterGcMiB(baselineUrl: string): Promise<number> {
  const usage = (await (await fetch(`${baselineUrl}/__heap`)).json()) as { heapUsed: number };
  return Math.round((usage.heapUsed / 2 ** 20) * 10) / 10;
}

/** Resident memory of a process in MiB (Linux). */
export async function rssMiB(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}
