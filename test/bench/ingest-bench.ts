/**
 * Bulk ingest benchmark: the ingest CLI (`npm run ingest`, no server running, so it opens the
 * on-disk local store itself as an archivist's batch does) on generated exports, each citing two
 * leaves: once without scans (a placeholder is made for each leaf), once with a scan for each
 * leaf, then the first folder again (every export unchanged: what re-running a killed batch
 * costs). Against it, raw `PutItem` of the very items the ingest wrote, one at a time as the CLI
 * writes them, into a fresh table of the same emulator: the floor of any ingest on this stack.
 *
 * The CLI's progress lines (stderr) are passed through; per-file times come from the moments its
 * report lines (stdout) arrive.
 *
 *   npx tsx test/bench/ingest-bench.ts [records]     (default 10,000; BENCH_INGEST_RECORDS also works)
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { type AttributeValue, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import sharp from 'sharp';
import { createDynamoDbClient, createStores } from '../../functions/adapters/aws-clients.ts';
import { findExportFiles, loadArchiveProfile, readIngestInput } from '../../functions/adapters/ingest-files.ts';
import { ensureTable } from '../../functions/adapters/provision.ts';
import { type IngestDeps, ingestExport } from '../../functions/core/ingest/ingest-export.ts';
import { createIngestDeps } from '../../functions/imaging/ingest-deps.ts';
import { startLocalStack } from '../../functions/local/local-stack.ts';
import { buildExport } from '../support/export-builder.ts';
import { repoPath, testConfig } from '../support/fixtures.ts';
import { median, percentile, round } from './stats.ts';

export interface IngestBenchOptions {
  /** Exports per run (default 10,000). */
  records?: number;
  /** Size of the synthetic scans (default 1000x1400, the placeholders' own size in the issue's report). */
  scan?: { width: number; height: number };
  log?: (line: string) => void;
}

export interface IngestRunFigures {
  run: string;
  files: number;
  exitCode: number | null;
  /** From the CLI's start to its first report line's header (opening the store). */
  startSeconds: number;
  /** From the header line to the last report line: the batch itself. */
  seconds: number;
  recordsPerSecond: number;
  msPerFile: { p50: number; p95: number; max: number };
  outcomes: { [status: string]: number };
  progressLines: number;
  lastProgress: string;
}

/** Where an ingest's time goes, ms per record: measured in this process over a sample, with the same code the CLI runs. */
export interface IngestBreakdown {
  run: string;
  sample: number;
  totalMs: number;
  /** Leaf images: decoding the scan or drawing the placeholder, and the tiled pyramid (sharp). */
  deriveMs: number;
  s3PutMs: number;
  /** GetItem of the existing record and the conditional PutItem (set registrations included). */
  dynamoDbMs: number;
  /** Reading the files, parsing the export, building and fingerprinting the record. */
  restMs: number;
}

export interface IngestBenchFigures {
  records: number;
  breakdown: IngestBreakdown[];
  leavesPerRecord: number;
  scan: { width: number; height: number; kiB: number };
  runs: IngestRunFigures[];
  raw: { items: number; seconds: number; recordsPerSecond: number; msPerItem: { p50: number; p95: number } };
  /** Each run's records/s over raw PutItem's. */
  ratios: { [run: string]: number };
}

const REPOSITORIES = ['APRF', 'RGANI', 'RGASPI', 'AVPRF'];
const BODY = 'Товарищу Филиппову. The text of a generated translation, as long as a short telegram. '.repeat(25);

/** Writes `count` exports (ids from `firstId`), each citing leaves 1-2; with `scans`, a scan per leaf (links to two files). */
async function writeExports(dir: string, firstId: number, count: number, scans?: { dir: string; files: [string, string] }): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const id = String(firstId + i);
    const source = `${REPOSITORIES[i % REPOSITORIES.length]}, f. ${3 + (i % 7)}, op. ${1 + (i % 3)}, d. ${100 + (i % 500)}, ll. 1-2.`;
    const text = buildExport({
      date: `${1945 + (i % 45)}`,
      title: `Memorandum ${id} on a conversation`,
      body: `${id}. ${BODY}`,
      fields: { 'Record ID': id, Source: source },
    });
    await writeFile(join(dir, `${id}.txt`), text);
    if (!scans) continue;
    await mkdir(join(scans.dir, id), { recursive: true });
    await symlink(scans.files[0], join(scans.dir, id, '1.jpg'));
    await symlink(scans.files[1], join(scans.dir, id, '2.jpg'));
  }
}

/** A grey page with grain and lines of "ink", so that JPEG has something to encode. */
async function syntheticScan(size: { width: number; height: number }, seed: number): Promise<Buffer> {
  const { width, height } = size;
  const raw = Buffer.alloc(width * height * 3);
  let state = seed >>> 0;
  for (let y = 0; y < height; y++) {
    const inLine = y > 150 && y < height - 150 && y % 40 < 14;
    for (let x = 0; x < width; x++) {
      state = (state * 1103515245 + 12345) >>> 0;
      const grain = (state >>> 24) % 20;
      const ink = inLine && x > 100 && x < width - 100 && ((x >> 3) * 7 + (y >> 2)) % 11 < 6;
      const base = ink ? 50 : 220;
      const i = (y * width + x) * 3;
      raw[i] = base + grain;
      raw[i + 1] = base + grain - 5;
      raw[i + 2] = base + grain - 15;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Runs the ingest CLI on `args` with DATA_DIR `dataDir`; times its report lines. */
function runCli(run: string, args: string[], dataDir: string, files: number, log: (line: string) => void): Promise<IngestRunFigures> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', repoPath('functions/operator/cli.ts'), ...args], {
      cwd: repoPath('.'),
      env: { ...process.env, DATA_DIR: dataDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let header: number | undefined;
    const reportTimes: number[] = [];
    const outcomes: { [status: string]: number } = {};
    const progress: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const now = performance.now();
      if (line.startsWith('Ingesting ')) header = now;
      const status = /^(created|updated|unchanged|rejected|withdrawn|failed)\s/.exec(line)?.[1];
      if (!status) return;
      reportTimes.push(now);
      outcomes[status] = (outcomes[status] ?? 0) + 1;
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (line.startsWith('progress: ')) {
        progress.push(line);
        log(`ingest ${run}: ${line.slice('progress: '.length)}`);
      } else if (line.trim()) log(`ingest ${run} (stderr): ${line}`);
    });
    child.once('error', reject);
    child.once('close', (exitCode) => {
      const begin = header ?? started;
      const end = reportTimes[reportTimes.length - 1] ?? begin;
      const perFile = reportTimes.map((t, i) => t - (i === 0 ? begin : (reportTimes[i - 1] ?? begin)));
      const seconds = (end - begin) / 1000;
      resolve({
        run,
        files,
        exitCode,
        startSeconds: round((begin - started) / 1000, 1),
        seconds: round(seconds, 1),
        recordsPerSecond: round(reportTimes.length / seconds, 1),
        msPerFile: { p50: round(median(perFile), 1), p95: round(percentile(perFile, 95), 1), max: round(Math.max(...perFile), 1) },
        outcomes,
        progressLines: progress.length,
        lastProgress: progress[progress.length - 1] ?? '',
      });
    });
  });
}

/** Raw PutItem, one at a time, of every record item the ingest wrote, into a fresh table of the same (on-disk) emulator. */
async function rawPutItems(dataDir: string): Promise<IngestBenchFigures['raw']> {
  const config = testConfig({ DATA_DIR: dataDir });
  const stack = await startLocalStack(config);
  try {
    const client = createDynamoDbClient({ region: config.region, dynamodbEndpoint: stack.dynamodbEndpoint });
    const items: { [name: string]: AttributeValue }[] = [];
    let start: { [name: string]: AttributeValue } | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: config.tableName, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []).filter((item) => item.entity?.S === 'record'));
      start = page.LastEvaluatedKey;
    } while (start);
    const table = 'raw-put-baseline';
    await ensureTable(client, table);
    const times: number[] = [];
    const begin = performance.now();
    for (const item of items) {
      const t0 = performance.now();
      await client.send(new PutItemCommand({ TableName: table, Item: item }));
      times.push(performance.now() - t0);
    }
    const seconds = (performance.now() - begin) / 1000;
    return {
      items: items.length,
      seconds: round(seconds, 1),
      recordsPerSecond: round(items.length / seconds, 1),
      msPerItem: { p50: round(median(times)), p95: round(percentile(times, 95)) },
    };
  } finally {
    await stack.close();
  }
}

/** `target` with the time spent in `methods` added to `meter[bucket]`. */
function timed<T extends object>(target: T, methods: readonly string[], meter: { [bucket: string]: number }, bucket: string): T {
  return new Proxy(target, {
    get(object, name, receiver) {
      const value = Reflect.get(object, name, receiver) as unknown;
      if (typeof value !== 'function' || !methods.includes(String(name))) return typeof value === 'function' ? value.bind(object) : value;
      return async (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
        } finally {
          meter[bucket] = (meter[bucket] ?? 0) + performance.now() - t0;
        }
      };
    },
  });
}

/** Ingests the first `sample` exports of `dir` in this process, as the CLI does, into a fresh on-disk store, timing each part. */
async function breakdownOf(run: string, dir: string, imagesDir: string | undefined, sample: number, root: string): Promise<IngestBreakdown> {
  const config = testConfig({ DATA_DIR: await mkdtemp(join(root, 'breakdown-')) });
  const stack = await startLocalStack(config);
  try {
    const stores = createStores({ ...config, dynamodbEndpoint: stack.dynamodbEndpoint, s3Endpoint: stack.s3Endpoint });
    const deps = createIngestDeps(stores, await loadArchiveProfile(repoPath('data/archive.json')));
    const meter: { [bucket: string]: number } = {};
    const measured: IngestDeps = {
      ...deps,
      records: timed(deps.records, ['get', 'put'], meter, 'dynamodb'),
      blobs: timed(deps.blobs, ['put'], meter, 's3'),
      ...(deps.images ? { images: timed(deps.images, ['derive'], meter, 'derive') } : {}),
    };
    const files = (await findExportFiles([dir])).slice(0, sample);
    const t0 = performance.now();
    for (const file of files) {
      const outcome = await ingestExport(await readIngestInput(file, imagesDir), measured);
      if (outcome.status === 'rejected') throw new Error(`${file} rejected: ${JSON.stringify(outcome.problems)}`);
    }
    const per = (ms: number) => round(ms / files.length, 1);
    const total = performance.now() - t0;
    const parts = { derive: meter.derive ?? 0, s3: meter.s3 ?? 0, dynamodb: meter.dynamodb ?? 0 };
    return {
      run,
      sample: files.length,
      totalMs: per(total),
      deriveMs: per(parts.derive),
      s3PutMs: per(parts.s3),
      dynamoDbMs: per(parts.dynamodb),
      restMs: per(total - parts.derive - parts.s3 - parts.dynamodb),
    };
  } finally {
    await stack.close();
  }
}

export async function runIngestBench(options: IngestBenchOptions = {}): Promise<IngestBenchFigures> {
  const count = options.records ?? 10_000;
  const size = options.scan ?? { width: 1000, height: 1400 };
  const log = options.log ?? (() => {});
  const root = await mkdtemp(join(tmpdir(), 'archive-ingest-bench-'));
  try {
    const dataDir = join(root, 'data');
    const plain = join(root, 'exports');
    const scanned = join(root, 'exports-scanned');
    const scansDir = join(root, 'scans');
    const scanFiles: [string, string] = [join(root, 'scan-1.jpg'), join(root, 'scan-2.jpg')];
    const scans = [await syntheticScan(size, 1), await syntheticScan(size, 2)];
    await writeFile(scanFiles[0], scans[0] ?? Buffer.alloc(0));
    await writeFile(scanFiles[1], scans[1] ?? Buffer.alloc(0));
    log(`ingest: writing ${count} exports, and ${count} more with two ${size.width}x${size.height} scans each...`);
    await writeExports(plain, 500_000, count);
    await writeExports(scanned, 600_000, count, { dir: scansDir, files: scanFiles });

    const runs = [
      await runCli('without scans', [plain], dataDir, count, log),
      await runCli('with scans', [scanned, '--images', scansDir], dataDir, count, log),
      await runCli('re-run, unchanged', [plain], dataDir, count, log),
    ];
    log('ingest: raw PutItem of the same items into a fresh table of the same emulator...');
    const raw = await rawPutItems(dataDir);
    const sample = Math.min(200, count);
    log(`ingest: where the time goes, over ${sample} exports of each kind in this process...`);
    const breakdown = [await breakdownOf('without scans', plain, undefined, sample, root), await breakdownOf('with scans', scanned, scansDir, sample, root)];
    return {
      records: count,
      breakdown,
      leavesPerRecord: 2,
      scan: { ...size, kiB: Math.round((scans[0]?.byteLength ?? 0) / 1024) },
      runs,
      raw,
      ratios: Object.fromEntries(runs.map((r) => [r.run, round(r.recordsPerSecond / raw.recordsPerSecond, 3)])),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The table the bench prints. */
export function formatIngestBench(f: IngestBenchFigures, table: (rows: (string | number)[][]) => string): string {
  return `Bulk ingest: the ingest CLI on ${f.records} exports per run (${f.leavesPerRecord} leaves each; scans ${f.scan.width}x${f.scan.height}, ${f.scan.kiB} KiB), on-disk local store, against raw PutItem of the same ${f.raw.items} items on the same emulator: ${f.raw.recordsPerSecond} records/s (p50 ${f.raw.msPerItem.p50} ms)\n${table(
    [
      ['run', 'records/s', 'ratio to raw PutItem', 'batch s', 'start s', 'ms/file p50 / p95 / max', 'outcomes', 'exit', 'progress lines'],
      ...f.runs.map((r) => [
        r.run,
        r.recordsPerSecond,
        `${f.ratios[r.run]}x`,
        r.seconds,
        r.startSeconds,
        `${r.msPerFile.p50} / ${r.msPerFile.p95} / ${r.msPerFile.max}`,
        Object.entries(r.outcomes)
          .map(([status, n]) => `${n} ${status}`)
          .join(', '),
        r.exitCode ?? 'killed',
        r.progressLines,
      ]),
    ],
  )}\nWhere the time goes (ms per record, in this process, ${f.breakdown[0]?.sample ?? 0} exports of each kind)\n${table([
    ['run', 'total', 'leaf images (sharp)', 'S3 PutObject', 'DynamoDB Get/PutItem', 'files, parse, build'],
    ...f.breakdown.map((b) => [b.run, b.totalMs, b.deriveMs, b.s3PutMs, b.dynamoDbMs, b.restMs]),
  ])}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const records = Number(process.argv[2] ?? process.env.BENCH_INGEST_RECORDS ?? 10_000);
  const figures = await runIngestBench({ records, log: (line) => process.stderr.write(`bench: ${line}\n`) });
  console.log(JSON.stringify(figures, null, 2));
}
