/**
 * The miss path: a crawler walking N distinct records once each (landing page, record JSON, IIIF
 * manifest, MODS, OAI-PMH GetRecord), so that every request misses every cache of the service,
 * against its floor: one GetItem of the same item from the same emulator plus static bytes of
 * the same size (miss-path-server.ts). Then full ListRecords harvests (oai_dc, marc21) through
 * resumption tokens against raw Query pages of the same index.
 *
 * The walk goes route by route over a slice of the records, so by the time a record is asked for
 * again (another rendering) the record cache (500 entries, 30 s) has long evicted it. The records
 * are split into `rounds` slices; in each round the service and the floor walk the same slice, in
 * alternating order. Each format is harvested once by the service (a second harvest would find
 * its OAI-PMH elements cached), between two harvests of the floor.
 *
 *   npx tsx test/bench/miss-path-bench.ts [records]      (default 10,000; BENCH_MISS_RECORDS also works)
 */
import { spawn } from 'node:child_process';
import { Agent, get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { HARVEST_FORMATS, MISS_ROUTES, walkedId } from './miss-path-routes.ts';
import { median, percentile, round } from './stats.ts';

export interface MissPathOptions {
  records?: number;
  /** Concurrent connections of the crawler (default 8). */
  connections?: number;
  rounds?: number;
  textLength?: number;
}

interface WalkResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  bytes: number;
  failures: number;
}

export interface MissPathFigures {
  records: number;
  connections: number;
  /** Bytes the floor writes for each kind: the service's median answer on sample records. */
  sizes: { [kind: string]: number };
  walk: {
    service: WalkResult;
    floor: WalkResult;
    ratio: number;
    roundRatios: number[];
    /** GetItems the service sent over the whole walk, against its requests: one each when every request missed the record cache. */
    serviceGetItems: number;
    serviceRequests: number;
  };
  harvests: {
    format: string;
    pages: number;
    records: number;
    serviceSeconds: number;
    floorSeconds: number;
    pageMs: { service: number; floor: number };
    ratio: number;
  }[];
}

async function startMissPathServer(records: number, textLength: number) {
  const script = new URL('./miss-path-server.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify({ records, textLength })], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`miss-path server exited with ${code}`)));
  });
  const info = JSON.parse(first) as { serviceUrl: string; floorUrl: string; sizes: { [kind: string]: number } };
  return {
    ...info,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** One GET, body read whole: status, bytes, milliseconds. */
function fetchOnce(agent: Agent, base: string, path: string, headers: { [name: string]: string }): Promise<{ status: number; body: Buffer; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ms: performance.now() - started }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Every route over every id, route by route, with `connections` requests in flight. */
async function walk(base: string, ids: readonly string[], connections: number): Promise<WalkResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const urls = MISS_ROUTES.flatMap((route) => ids.map((id) => ({ path: route.path(id), headers: route.headers })));
  const latencies: number[] = [];
  let bytes = 0;
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let i = next++; i < urls.length; i = next++) {
        const url = urls[i];
        if (!url) break;
        const res = await fetchOnce(agent, base, url.path, url.headers);
        if (res.status !== 200) failures++;
        latencies.push(res.ms);
        bytes += res.body.byteLength;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requests: urls.length,
    seconds: round(seconds, 2),
    rps: Math.round(urls.length / seconds),
    p50Ms: round(percentile(latencies, 50), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    bytes,
    failures,
  };
}

/** A whole ListRecords harvest, one request at a time as harvesters go: pages, records, seconds. */
async function harvest(base: string, prefix: string): Promise<{ pages: number; records: number; seconds: number; pageMs: number[] }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let path = `/oai?verb=ListRecords&metadataPrefix=${prefix}`;
  const pageMs: number[] = [];
  let records = 0;
  const started = performance.now();
  for (;;) {
    const res = await fetchOnce(agent, base, path, {});
    const xml = res.body.toString('utf8');
    if (res.status !== 200 || xml.includes('<error ')) throw new Error(`harvest of ${base} failed: ${xml.slice(0, 300)}`);
    pageMs.push(res.ms);
    records += xml.match(/<header>/g)?.length ?? 0;
    const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
    if (!token) break;
    path = `/oai?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
  }
  agent.destroy();
  return { pages: pageMs.length, records, seconds: (performance.now() - started) / 1000, pageMs };
}

export async function runMissPathBench(options: MissPathOptions = {}): Promise<MissPathFigures> {
  const records = options.records ?? 10_000;
  const connections = options.connections ?? 8;
  const rounds = options.rounds ?? 4;
  const server = await startMissPathServer(records, options.textLength ?? 2_000);
  try {
    const ids = Array.from({ length: records }, (_, i) => walkedId(i));
    const slice = Math.ceil(records / rounds);
    const perRound: { service: WalkResult; floor: WalkResult; ratio: number }[] = [];
    const serviceReads = async () =>
      JSON.parse((await fetchOnce(new Agent(), server.floorUrl, '/__service-reads', {})).body.toString()) as { GetItemCommand: number; QueryCommand: number };
    const readsBefore = await serviceReads();
    for (let r = 0; r < rounds; r++) {
      const slot = ids.slice(r * slice, (r + 1) * slice);
      if (slot.length === 0) break;
      let service: WalkResult;
      let floor: WalkResult;
      if (r % 2 === 0) {
        service = await walk(server.serviceUrl, slot, connections);
        floor = await walk(server.floorUrl, slot, connections);
      } else {
        floor = await walk(server.floorUrl, slot, connections);
        service = await walk(server.serviceUrl, slot, connections);
      }
      if (service.failures > 0) throw new Error(`the service failed ${service.failures} of ${service.requests} requests`);
      perRound.push({ service, floor, ratio: round(service.rps / floor.rps) });
    }
    const readsAfter = await serviceReads();
    const ratio = percentile(
      perRound.map((p) => p.ratio),
      50,
    );
    const middle = perRound.find((p) => p.ratio === ratio) ?? perRound[0];
    if (!middle) throw new Error('no rounds were run');

    const harvests: MissPathFigures['harvests'] = [];
    for (const format of HARVEST_FORMATS) {
      const before = await harvest(server.floorUrl, format);
      const service = await harvest(server.serviceUrl, format);
      const after = await harvest(server.floorUrl, format);
      const floorSeconds = (before.seconds + after.seconds) / 2;
      harvests.push({
        format,
        pages: service.pages,
        records: service.records,
        serviceSeconds: round(service.seconds, 2),
        floorSeconds: round(floorSeconds, 2),
        pageMs: { service: round(median(service.pageMs), 1), floor: round(median([...before.pageMs, ...after.pageMs]), 1) },
        ratio: round(floorSeconds / service.seconds),
      });
    }
    return {
      records,
      connections,
      sizes: server.sizes,
      walk: {
        service: middle.service,
        floor: middle.floor,
        ratio,
        roundRatios: perRound.map((p) => p.ratio),
        serviceGetItems: readsAfter.GetItemCommand - readsBefore.GetItemCommand,
        serviceRequests: perRound.reduce((n, p) => n + p.service.requests, 0),
      },
      harvests,
    };
  } finally {
    await server.stop();
  }
}

export function formatMissPath(f: MissPathFigures, table: (rows: (string | number)[][]) => string): string {
  return `Miss path: a crawler walking ${f.records} distinct records once each (${MISS_ROUTES.map((r) => r.name).join(', ')}), ${f.connections} connections, every request a cache miss, against node:http doing one GetItem of the same item and writing the same number of bytes; the median of ${f.walk.roundRatios.length} rounds (target >= 0.5x)\n${table(
    [
      ['', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'MB'],
      ['service', f.walk.service.requests, f.walk.service.rps, f.walk.service.p50Ms, f.walk.service.p99Ms, round(f.walk.service.bytes / 1e6, 1)],
      ['floor', f.walk.floor.requests, f.walk.floor.rps, f.walk.floor.p50Ms, f.walk.floor.p99Ms, round(f.walk.floor.bytes / 1e6, 1)],
    ],
  )}\nratio ${f.walk.ratio}x (rounds ${f.walk.roundRatios.join(' / ')}); the service sent ${f.walk.serviceGetItems} GetItems for ${f.walk.serviceRequests} requests\n\nFull ListRecords harvests through resumption tokens against raw Query pages of the same index with the same bytes (target >= 0.5x)\n${table(
    [
      ['format', 'pages', 'records', 'service s', 'floor s', 'page p50 ms service / floor', 'ratio'],
      ...f.harvests.map((h) => [h.format, h.pages, h.records, h.serviceSeconds, h.floorSeconds, `${h.pageMs.service} / ${h.pageMs.floor}`, `${h.ratio}x`]),
    ],
  )}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const records = Number(process.argv[2] ?? process.env.BENCH_MISS_RECORDS ?? 10_000);
  const figures = await runMissPathBench({ records });
  console.log(JSON.stringify(figures, null, 2));
}
