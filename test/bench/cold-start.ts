/**
 * Cold start of each Lambda bundle: its size (raw and gzip, about what Lambda's zip holds) and
 * the time for a fresh Node process to import it (and, for the API, answer one Function URL
 * request against a local DynamoDB), against a bare `node -e 0` run in turn with it, medians of several runs.
 * The API and the image function's info.json are also timed against their floor in the same series:
 * a bundle built the same way that holds only the SDK clients the function creates and does one
 * GetItem of the same item (`cold-floors/`).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { FUNCTION_BUNDLE, REQUIRE_SHIM, splitBundleOptions } from '../../infra/constructs/split-bundle.ts';
import { repoPath } from '../support/fixtures.ts';
import { median } from './stats.ts';

export interface ColdStartFigure {
  bundle: string;
  /** All the bundle's files. */
  rawKiB: number;
  gzipKiB: number;
  /** The entry and the chunks it imports statically: what a cold start reads. */
  startKiB: number;
  medianMs: number;
  bareNodeMs: number;
  ratio: number;
  measures: string;
  /** The floor bundle's median, timed in turn with this bundle and bare Node; and this bundle's ratio to it. */
  floor?: { name: string; medianMs: number; ratio: number };
}

// As infra/archive-stack.ts bundles them: the API code-split, the others one file each (NodejsFunction).
// `path`: the request answered after the import (none: the import alone). `floor`: the bundle it is held against.
const FLOORS = {
  'api-floor': { entry: 'test/bench/cold-floors/dynamodb-get-item.ts', split: true },
  'image-floor': { entry: 'test/bench/cold-floors/image-get-item.ts', split: false },
} as const;
const ENTRIES: { name: string; entry: string; path: string | undefined; split: boolean; floor?: keyof typeof FLOORS }[] = [
  { name: 'api', entry: 'functions/api/handler.ts', path: '/records/110020', split: true, floor: 'api-floor' },
  { name: 'image', entry: 'functions/image/handler.ts', path: '/iiif/image/3/110020-l37/info.json', split: false, floor: 'image-floor' },
  { name: 'image', entry: 'functions/image/handler.ts', path: '/iiif/image/3/110020-l37/full/256,/0/default.jpg', split: false },
  { name: 'ingest', entry: 'functions/ingest/handler.ts', path: undefined, split: false },
];

function bundleOptions(entry: string, outdir: string, split: boolean): BuildOptions {
  if (split) return { ...splitBundleOptions(entry, outdir), sourcemap: false, external: ['sharp'], logLevel: 'silent' };
  return {
    entryPoints: { index: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: FUNCTION_BUNDLE.target,
    mainFields: [...FUNCTION_BUNDLE.mainFields],
    minify: FUNCTION_BUNDLE.minify,
    // Installed beside the bundle in the asset, as node_modules/sharp here.
    external: ['sharp'],
    banner: { js: REQUIRE_SHIM },
    logLevel: 'silent',
  };
}

/** Bytes of the entry and of every chunk it imports statically, transitively. */
function startBytes(metafile: Metafile, outdir: string): number {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(Object.keys(metafile.outputs).find((path) => path.endsWith(`${outdir.split('/').pop()}/index.mjs`)) ?? '');
  return [...seen].reduce((total, path) => total + (metafile.outputs[path]?.bytes ?? 0), 0);
}

function timeOnce(args: string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`cold start run failed: ${result.stderr.toString().slice(0, 500)}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Medians of `runs` processes of each command, taking turns (bare Node first, then the others in
 * an order that rotates each round), so a drift in the machine's load favours none.
 */
function timeInTurn(commands: string[][], env: NodeJS.ProcessEnv, runs: number): number[] {
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < commands.length; k++) {
      const which = k === 0 ? 0 : 1 + ((k - 1 + i) % (commands.length - 1));
      times[which]?.push(timeOnce(commands[which] ?? [], env));
    }
  }
  return times.map((t) => Math.round(median(t)));
}

// Lambda's runtime provides the \`awslambda\` global that streaming handlers wrap themselves with;
// here the response stream is a sink that records the status the handler declares.
const RUNNER = `
import { Writable } from 'node:stream';
let streamed;
globalThis.awslambda ??= {
  streamifyResponse: (fn) => (event, context) => new Promise((resolve, reject) => {
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    sink.on('finish', () => resolve({ statusCode: streamed?.statusCode }));
    fn(event, sink, context).catch(reject);
  }),
  HttpResponseStream: { from: (stream, metadata) => { streamed = metadata; return stream; } },
};
const [bundle, path] = process.argv.slice(2);
const mod = await import(bundle);
if (path) {
  const [rawPath, rawQueryString = ''] = path.split('?');
  const event = { version: '2.0', rawPath, rawQueryString, headers: { host: 'bench.lambda-url.local', accept: 'application/json' },
    requestContext: { http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' }, domainName: 'bench.lambda-url.local', requestId: 'bench', routeKey: '$default', stage: '$default', timeEpoch: 0 },
    isBase64Encoded: false };
  const res = await mod.handler(event, {});
  if (res.statusCode !== 200) { console.error('status ' + res.statusCode); process.exit(1); }
}
`;

export async function runColdStartBench(env: { [name: string]: string }, runs = 11): Promise<ColdStartFigure[]> {
  // Inside the repository, so the bundles resolve `sharp` from node_modules as Lambda resolves it from the asset.
  const dir = repoPath('bench-results/cold-start');
  await mkdir(dir, { recursive: true });
  const runner = join(dir, 'runner.mjs');
  await writeFile(runner, RUNNER);
  const childEnv = { ...process.env, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NODE_NO_WARNINGS: '1' };
  const figures: ColdStartFigure[] = [];
  const built = new Map<string, { outdir: string; files: string[]; bytes: Buffer; startKiB: number }>();
  const bundled = async (name: string, entry: string, split: boolean) => {
    let bundle = built.get(name);
    if (!bundle) {
      const outdir = join(dir, name);
      await rm(outdir, { recursive: true, force: true });
      const { metafile } = await build({ ...bundleOptions(repoPath(entry), outdir, split), metafile: true });
      const files = (await readdir(outdir)).filter((file) => file.endsWith('.mjs'));
      const bytes = Buffer.concat(await Promise.all(files.map((file) => readFile(join(outdir, file)))));
      bundle = { outdir, files, bytes, startKiB: Math.round(startBytes(metafile, outdir) / 1024) };
      built.set(name, bundle);
    }
    return bundle;
  };
  for (const { name, entry, path, split, floor } of ENTRIES) {
    const bundle = await bundled(name, entry, split);
    const command = [runner, join(bundle.outdir, 'index.mjs'), ...(path ? [path] : [])];
    const floorBundle = floor ? await bundled(floor, FLOORS[floor].entry, FLOORS[floor].split) : undefined;
    // The floor's handler ignores the event; it is given the same one.
    const floorCommand = floorBundle ? [[runner, join(floorBundle.outdir, 'index.mjs'), ...(path ? [path] : [])]] : [];
    const [bareNodeMs = 0, medianMs = 0, floorMs] = timeInTurn([['-e', '0'], command, ...floorCommand], childEnv, runs);
    figures.push({
      bundle: split ? `${name} (split, ${bundle.files.length} files)` : name,
      rawKiB: Math.round(bundle.bytes.byteLength / 1024),
      gzipKiB: Math.round(gzipSync(bundle.bytes, { level: 9 }).byteLength / 1024),
      startKiB: bundle.startKiB,
      medianMs,
      bareNodeMs,
      ratio: Math.round((medianMs / bareNodeMs) * 100) / 100,
      measures: path ? `import + GET ${path.replace('/iiif/image/3/110020-l37', '…')}` : 'import',
      ...(floor && floorMs !== undefined ? { floor: { name: floor, medianMs: floorMs, ratio: Math.round((medianMs / floorMs) * 100) / 100 } } : {}),
    });
  }
  return figures;
}
