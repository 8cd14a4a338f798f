/**
 * Cold start of each Lambda bundle: its size (raw and gzip, about what Lambda's zip holds) and
 * the time for a fresh Node process to import it (and, for the API, answer one Function URL
 * request against a local DynamoDB), against a bare `node -e 0`, median of several runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoPath } from '../support/fixtures.ts';

export interface ColdStartFigure {
  bundle: string;
  rawKiB: number;
  gzipKiB: number;
  medianMs: number;
  bareNodeMs: number;
  ratio: number;
  measures: string;
}

const ENTRIES = [
  { name: 'api', entry: 'functions/api/handler.ts', request: true },
  { name: 'image', entry: 'functions/image/handler.ts', request: false },
  { name: 'ingest', entry: 'functions/ingest/handler.ts', request: false },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeNode(args: string[], env: NodeJS.ProcessEnv, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`cold start run failed: ${result.stderr.toString().slice(0, 500)}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return Math.round(median(times));
}

// Lambda's runtime provides the \`awslambda\` global that streaming handlers wrap themselves with.
const RUNNER = `
globalThis.awslambda ??= { streamifyResponse: (fn) => fn, HttpResponseStream: { from: (stream) => stream } };
const [bundle, path] = process.argv.slice(2);
const mod = await import(bundle);
if (path) {
  const event = { version: '2.0', rawPath: path, rawQueryString: '', headers: { host: 'bench.lambda-url.local', accept: 'application/json' },
    requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' }, domainName: 'bench.lambda-url.local', requestId: 'bench', routeKey: '$default', stage: '$default', timeEpoch: 0 },
    isBase64Encoded: false };
  const res = await mod.handler(event, {});
  if (res.statusCode !== 200) { console.error('status ' + res.statusCode); process.exit(1); }
}
`;

export async function runColdStartBench(env: { [name: string]: string }, runs = 5): Promise<ColdStartFigure[]> {
  // Inside the repository, so the bundles resolve `sharp` from node_modules as Lambda resolves it from the asset.
  const dir = repoPath('bench-results/cold-start');
  await mkdir(dir, { recursive: true });
  const runner = join(dir, 'runner.mjs');
  await writeFile(runner, RUNNER);
  const childEnv = { ...process.env, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NODE_NO_WARNINGS: '1' };
  const bareNodeMs = timeNode(['-e', '0'], childEnv, runs);
  const figures: ColdStartFigure[] = [];
  for (const { name, entry, request } of ENTRIES) {
    const outfile = join(dir, `${name}.mjs`);
    await build({
      entryPoints: [repoPath(entry)],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      minify: true,
      // As the CDK stack bundles them (infra/constructs/service-function.ts): the ESM builds of
      // dependencies first, which tree-shake far better than their CommonJS builds.
      mainFields: ['module', 'main'],
      external: ['sharp'],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: 'silent',
    });
    const bytes = await readFile(outfile);
    const medianMs = timeNode([runner, outfile, ...(request ? ['/records/110020'] : [])], childEnv, runs);
    figures.push({
      bundle: name,
      rawKiB: Math.round(bytes.byteLength / 1024),
      gzipKiB: Math.round(gzipSync(bytes, { level: 9 }).byteLength / 1024),
      medianMs,
      bareNodeMs,
      ratio: Math.round((medianMs / bareNodeMs) * 100) / 100,
      measures: request ? 'import + one request' : 'import',
    });
  }
  return figures;
}
