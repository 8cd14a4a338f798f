/**
 * `npm run bench`: starts the local stack on loopback, loads it, and prints every figure as a ratio
 * against a baseline measured in the same run; writes bench-results/bench-{time}.json.
 *
 * Environment: BENCH_SECONDS (per route and round, default 4), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 20),
 * BENCH_OAI_RECORDS (default 100000), BENCH_SOAK_SECONDS (default 600), BENCH_SOAK_CONNECTIONS (default 32),
 * BENCH_SOAK_WARMUP_SECONDS (default a tenth of the soak, 5-60), BENCH_SOAK_RECORDS (generated records, default 500),
 * BENCH_STORM_SECONDS (default 20), BENCH_STORM_RATE (metadata req/s, default 40), BENCH_STORM_CONNECTIONS (default 10),
 * BENCH_STORM_RENDERS (default 20),
 * BENCH_INGEST_RECORDS (exports per bulk-ingest run, default 10000),
 * BENCH_MISS_RECORDS (records the miss-path crawler walks, default 10000), BENCH_MISS_CONNECTIONS (default 8),
 * BENCH_PEER_ITERATIONS (default 60), BENCH_PEER_SECONDS (default 3),
 * BENCH_SKIP (comma list: routes,cold,image,peers,oai,miss,compression,soak,storm,ingest).
 *
 * The soak and the storm run against a second server, started fresh for them, that keeps its data
 * on disk as `npm start` does (the first keeps it in memory) and holds generated records and a
 * large scan (stack-population.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { LOCAL_SERVER_ENV } from '../../functions/local/local-stack.ts';
import { repoPath } from '../support/fixtures.ts';
import { startBenchChild } from './bench-child.ts';
import type { BenchTarget } from './bench-server.ts';
import { runColdStartBench } from './cold-start.ts';
import { formatCompression, runCompressionBench } from './compression-bench.ts';
import { benchRoutes } from './http-bench.ts';
import { runImageBench } from './image-bench.ts';
import { formatImagePeers, runImagePeersBench } from './image-peers.ts';
import { formatStorm, runImageStorm } from './image-storm.ts';
import { formatIngestBench, runIngestBench } from './ingest-bench.ts';
import { formatMissPath, runMissPathBench } from './miss-path-bench.ts';
import { runOaiHarvestBench } from './oai-harvest-bench.ts';
import { formatSoak, runSoak } from './soak.ts';
import { populate } from './stack-population.ts';

const env = process.env;
const seconds = Number(env.BENCH_SECONDS ?? 4);
const rounds = Number(env.BENCH_ROUNDS ?? 3);
const connections = Number(env.BENCH_CONNECTIONS ?? 20);
const skip = new Set((env.BENCH_SKIP ?? '').split(',').filter(Boolean));

const TARGETS: BenchTarget[] = [
  { name: 'IIIF manifest', path: '/iiif/3/110020/manifest', headers: {} },
  { name: 'IIIF 2.1 manifest', path: '/iiif/2/110020/manifest', headers: {} },
  { name: 'record JSON', path: '/records/110020.json', headers: {} },
  { name: 'landing page', path: '/records/110020', headers: { accept: 'text/html' } },
  { name: 'CSL-JSON', path: '/records/110020.csl.json', headers: {} },
  { name: 'Content Search 1.0', path: '/iiif/search/1/110020?q=Kim%20Il%20Sung', headers: {} },
  { name: 'search autocomplete', path: '/iiif/search/1/110020/autocomplete?q=ki', headers: {} },
  { name: 'OAI GetRecord', path: '/oai?verb=GetRecord&identifier=oai:bench.example.org:110020&metadataPrefix=oai_dc', headers: {} },
  // The app's cheapest route: what the HTTP stack itself costs per request (the ceiling of the others).
  { name: 'health (stack floor)', path: '/health', headers: {} },
];
/** Metadata routes loaded in the storm phase; collections, OAI lists and the sitemap read DynamoDB on every request. */
const STORM_METADATA = new Set([
  'record JSON',
  'landing page',
  'IIIF manifest',
  'collection top',
  'collection all, page 2',
  'OAI GetRecord',
  'OAI ListRecords marc21',
]);

const results: { [section: string]: unknown } = {
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  },
};

function table(rows: (string | number)[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

async function section<T>(name: string, run: () => Promise<T>, print: (value: T) => string): Promise<void> {
  if (skip.has(name)) return;
  process.stderr.write(`bench: ${name}...\n`);
  try {
    const value = await run();
    results[name] = value;
    console.log(`\n${print(value)}`);
  } catch (error) {
    results[name] = { error: String(error) };
    console.log(`\n${name}: failed: ${(error as Error).message}`);
  }
}

const child = await startBenchChild(TARGETS);
try {
  for (const [path, { status }] of Object.entries(child.statuses)) if (status !== 200) console.log(`warning: ${path} answered ${status}`);

  await section(
    'routes',
    () => benchRoutes(child.serviceUrl, child.baselineUrl, TARGETS, { connections, seconds, rounds }),
    (figures) =>
      `Metadata routes: ${connections} connections, ${rounds} rounds of ${seconds} s each, against node:http serving the same bytes; the median round (target >= 0.5x)\n${table(
        [
          ['route', 'req/s', 'baseline req/s', 'ratio', 'rounds', 'p50 ms', 'p99 ms', 'baseline p99 ms', 'errors'],
          ...figures.map((f) => [
            f.route,
            f.service.rps,
            f.baseline.rps,
            `${f.ratio}x`,
            f.roundRatios.join(' / '),
            f.service.p50,
            f.service.p99,
            f.baseline.p99,
            f.service.errors + f.service.non2xx,
          ]),
        ],
      )}`,
  );

  await section(
    'cold',
    // The bench server's emulators answer the bundles' one request (this process blocks while timing).
    () =>
      runColdStartBench({
        DYNAMODB_ENDPOINT: child.backends.dynamodbEndpoint,
        S3_ENDPOINT: child.backends.s3Endpoint,
        PUBLIC_BASE_URL: 'https://bench.example.org',
      }),
    (figures) =>
      `Cold start of the Lambda bundles (ESM, minified), median of 11 fresh processes, against bare \`node -e 0\` and the function's floor (its SDK clients and one GetItem, cold-floors/) run in turn with them (target against the floor <= 1.15x)\n${table(
        [
          ['bundle', 'raw KiB', 'gzip KiB', 'read at start KiB', 'measures', 'ms', 'node -e 0 ms', 'ratio', 'floor ms', 'vs floor'],
          ...figures.map((f) => [
            f.bundle,
            f.rawKiB,
            f.gzipKiB,
            f.startKiB,
            f.measures,
            f.medianMs,
            f.bareNodeMs,
            `${f.ratio}x`,
            f.floor?.medianMs ?? '',
            f.floor ? `${f.floor.ratio}x` : '',
          ]),
        ],
      )}`,
  );

  await section(
    'image',
    () => runImageBench({}),
    (f) =>
      `IIIF Image API on a ${f.scan.width}x${f.scan.height} scan (pyramid ${f.pyramid.pages.length} pages, ${f.pyramid.tileSize} px tiles), against sharp reading the same pyramid page directly (target <= ${f.targetRatio}x)\n${table(
        [
          ['case', 'page', 'service p50/p95 ms', 'direct p50/p95 ms', 'ratio p50', 'ratio p95', 'peak RSS growth MiB'],
          ...f.cases.map((c) => [
            c.case,
            c.page,
            `${c.service.medianMs} / ${c.service.p95Ms}`,
            `${c.direct.medianMs} / ${c.direct.p95Ms}`,
            `${c.ratio.median}x`,
            `${c.ratio.p95}x`,
            c.peakRssGrowthMiB.max,
          ]),
        ],
      )}\ninfo.json p50 ${f.infoJsonMedianMs} ms`,
  );

  // IIPImage on the same pyramid, each server in its own process (image-peers.ts).
  await section('peers', () => runImagePeersBench(), formatImagePeers);

  await section(
    'oai',
    () => runOaiHarvestBench({ records: Number(env.BENCH_OAI_RECORDS ?? 100_000) }),
    (f) =>
      `OAI-PMH: full ListRecords harvest through resumption tokens from dynalite (page cost near the end against the first page, target <= 1.2)\n${table([
        [
          'records',
          'pages',
          'load s',
          'harvest s',
          'records/s',
          'first page ms',
          'near-end page ms',
          'ratio',
          'read units/page first/near end/max',
          'exactly once',
        ],
        [
          f.records,
          f.pages,
          f.loadSeconds,
          f.harvestSeconds,
          f.recordsPerSecond,
          f.firstPagesMs,
          f.nearEndPagesMs,
          `${f.lastToFirstRatio}x`,
          `${f.readUnitsPerPage.first} / ${f.readUnitsPerPage.nearEnd} / ${f.readUnitsPerPage.max}`,
          f.harvestedExactlyOnce ? 'yes' : 'NO',
        ],
      ])}\nIIIF change feed: page cost at ${f.changeFeed.records} records against ${f.changeFeed.baselineRecords} (flat = 1)\n${table([
        ['page', 'ms large / small', 'ratio ms', 'read units large / small', 'ratio read units'],
        ...(['last', 'first', 'middle'] as const).map((p) => [
          p,
          `${f.changeFeed.large.ms[p]} / ${f.changeFeed.small.ms[p]}`,
          `${f.changeFeed.ratio.ms[p]}x`,
          `${f.changeFeed.large.readUnits[p]} / ${f.changeFeed.small.readUnits[p]}`,
          `${f.changeFeed.ratio.readUnits[p]}x`,
        ]),
      ])}`,
  );
} finally {
  await child.stop();
}

// Its own server process (the service and its floor on one emulator holding the walked records).
await section(
  'miss',
  () => runMissPathBench({ records: Number(env.BENCH_MISS_RECORDS ?? 10_000), connections: Number(env.BENCH_MISS_CONNECTIONS ?? 8) }),
  (figures) => formatMissPath(figures, table),
);

await section(
  'compression',
  () => runCompressionBench(),
  (figures) => formatCompression(figures, table),
);

if (!skip.has('soak') || !skip.has('storm')) {
  process.stderr.write('bench: starting a fresh server on disk for the soak and the storm...\n');
  // The same process settings as `npm start` (package.json), so that the figures are of what it runs.
  const stack = await startBenchChild([], { persistent: true, env: LOCAL_SERVER_ENV });
  try {
    const population = await populate(stack, { records: Number(env.BENCH_SOAK_RECORDS ?? 500), log: (line) => process.stderr.write(`bench: ${line}\n`) });
    results.population = { records: population.records, scan: population.scan, routeKinds: population.targets.map((t) => t.path) };

    await section(
      'soak',
      () =>
        runSoak(stack.serviceUrl, stack.baselineUrl, stack.pid, population.targets, {
          // Enough to keep the server busy on this mix (collections, OAI lists and the sitemap cost
          // 10-90 ms each) without queuing requests past the 3 s DynamoDB timeout.
          connections: Number(env.BENCH_SOAK_CONNECTIONS ?? 32),
          seconds: Number(env.BENCH_SOAK_SECONDS ?? 600),
          ...(env.BENCH_SOAK_WARMUP_SECONDS ? { warmupSeconds: Number(env.BENCH_SOAK_WARMUP_SECONDS) } : {}),
        }),
      formatSoak,
    );

    await section(
      'storm',
      () =>
        runImageStorm(
          stack.serviceUrl,
          stack.pid,
          population.targets.filter((t) => STORM_METADATA.has(t.name)),
          {
            image: population.largeImage,
            renders: Number(env.BENCH_STORM_RENDERS ?? 20),
            connections: Number(env.BENCH_STORM_CONNECTIONS ?? 10),
            rate: Number(env.BENCH_STORM_RATE ?? 40),
            seconds: Number(env.BENCH_STORM_SECONDS ?? 20),
            log: (line) => process.stderr.write(`bench: ${line}\n`),
          },
        ),
      formatStorm,
    );
  } catch (error) {
    results.population = { error: String(error) };
    console.log(`\nsoak and storm: failed: ${(error as Error).message}`);
  } finally {
    await stack.stop();
  }
}

// The ingest CLI opens its own on-disk local store (no server runs): after the servers, on an idle machine.
await section(
  'ingest',
  () => runIngestBench({ records: Number(env.BENCH_INGEST_RECORDS ?? 10_000), log: (line) => process.stderr.write(`bench: ${line}\n`) }),
  (figures) => formatIngestBench(figures, table),
);

await mkdir(repoPath('bench-results'), { recursive: true });
const file = repoPath(`bench-results/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nFigures written to ${file}`);
