/**
 * Image API benchmark: a synthetic 6000x8000 scan is ingested (pyramid made by the real
 * deriver), served by the image app over loopback HTTP, and timed against sharp reading the
 * same pixels from the same pyramid page directly, in the same run, interleaved request by
 * request so that both see the same machine noise.
 *
 *   npx tsx test/bench/image-bench.ts        (BENCH_IMAGE_ITERATIONS, default 60)
 *
 * Figures: median and p95 latency of a 512x512 full-resolution tile and of a 1024-pixel-wide
 * full image, each as a ratio against direct sharp (target: at most 1.3x), and the peak growth
 * of the process's resident memory during a request.
 */
import { readFile } from 'node:fs/promises';
import { Agent, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import sharp from 'sharp';
import { loadArchiveProfile } from '../../functions/adapters/ingest-files.ts';
import { pyramidKey } from '../../functions/core/bucket-layout.ts';
import { DEFAULT_IMAGE_LIMITS } from '../../functions/core/iiif/image-3/image-limits.ts';
import { parseImageRequest } from '../../functions/core/iiif/image-3/parse-image-request.ts';
import { planImageRequest } from '../../functions/core/iiif/image-3/plan-image-request.ts';
import { ingestExport } from '../../functions/core/ingest/ingest-export.ts';
import { isTombstone, systemClock } from '../../functions/core/ports.ts';
import { CachedRecordStore } from '../../functions/core/records/cached-record-store.ts';
import { createImageApp } from '../../functions/image/app.ts';
import { SharpLeafImageDeriver } from '../../functions/imaging/leaf-image-deriver.ts';
import { JPEG_OUTPUT } from '../../functions/imaging/render-image.ts';
import { loadConfig } from '../../schemas/config.ts';
import { ARCHIVE_PROFILE, EXPORT_110020 } from '../support/fixtures.ts';
import { MemoryBlobStore, MemoryRecordStore } from '../support/memory-stores.ts';
import { percentile, round } from './stats.ts';

export interface ImageBenchOptions {
  /** Timed requests per case (default 60, or BENCH_IMAGE_ITERATIONS). */
  iterations?: number;
  /** Untimed requests per case first (default 5). */
  warmup?: number;
  /** Progress lines; stderr by default. */
  log?: (line: string) => void;
}

export interface Latency {
  medianMs: number;
  p95Ms: number;
}

export interface CaseFigures {
  case: string;
  /** An example request path below the image service. */
  request: string;
  /** The pyramid page both paths read. */
  page: number;
  service: Latency;
  direct: Latency;
  ratio: { median: number; p95: number };
  /** Peak growth of the resident set during one request, over the run. */
  peakRssGrowthMiB: { median: number; max: number };
  bytes: number;
}

export interface ImageBenchFigures {
  scan: { width: number; height: number; jpegMiB: number };
  pyramid: { MiB: number; pages: { width: number; height: number }[]; tileSize: number };
  iterations: number;
  targetRatio: number;
  cases: CaseFigures[];
  /** Median latency of info.json over the same HTTP path: the part of each request that is not image work. */
  infoJsonMedianMs: number;
  withinTarget: boolean;
}

const TARGET_RATIO = 1.3;
export const SCAN = { width: 6000, height: 8000 };

/** A page-like synthetic scan: paper tone with grain, and lines of dark "text" strokes. Deterministic. */
export async function syntheticScan(): Promise<Buffer> {
  const { width, height } = SCAN;
  const raw = Buffer.alloc(width * height * 3);
  let seed = 0x2545f491;
  for (let y = 0; y < height; y++) {
    const inLine = y > 600 && y < height - 600 && y % 120 < 48;
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const grain = (seed >>> 24) % 24;
      const ink = inLine && x > 500 && x < width - 500 && ((x >> 5) * 7 + (y >> 4)) % 11 < 6;
      const base = ink ? 40 : 225 - ((x + y) >> 9);
      const i = (y * width + x) * 3;
      raw[i] = base + grain;
      raw[i + 1] = base + grain - 6;
      raw[i + 2] = base + grain - 20;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

const MiB = 1024 * 1024;

/** Runs `work` while sampling the resident set every millisecond; returns its duration and the peak growth. */
async function measured(work: () => Promise<number>): Promise<{ ms: number; rssGrowth: number; bytes: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 1);
  const start = performance.now();
  try {
    const bytes = await work();
    const ms = performance.now() - start;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ms, rssGrowth: peak - before, bytes };
  } finally {
    clearInterval(sampler);
  }
}

export async function runImageBench(options: ImageBenchOptions = {}): Promise<ImageBenchFigures> {
  const iterations = options.iterations ?? Number(process.env.BENCH_IMAGE_ITERATIONS ?? 60);
  const warmup = options.warmup ?? 5;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  log(`image bench: generating a ${SCAN.width}x${SCAN.height} synthetic scan...`);
  const scan = await syntheticScan();
  log('image bench: ingesting it (pyramid made by the deriver)...');
  const records = new MemoryRecordStore();
  const blobs = new MemoryBlobStore();
  const outcome = await ingestExport(
    { fileName: '110020.txt', exportBytes: await readFile(EXPORT_110020), scans: new Map([['37', new Uint8Array(scan)]]) },
    { records, blobs, clock: systemClock, profile: await loadArchiveProfile(ARCHIVE_PROFILE), images: new SharpLeafImageDeriver() },
  );
  if (outcome.status === 'rejected') throw new Error(`ingest rejected: ${JSON.stringify(outcome.problems)}`);
  const record = await records.get('110020');
  const image = record && !isTombstone(record) ? record.images.find((i) => i.id === '110020-l37') : undefined;
  if (!record || !image) throw new Error('the bench record has no image 110020-l37');
  const pyramid = await blobs.get(pyramidKey('110020', image.leaf, image.sha256));

  // Composed as the image function's handler and the local server compose it: records read through the short-lived cache.
  const app = createImageApp({
    config: loadConfig({ PUBLIC_BASE_URL: 'https://bench.example.org' }),
    records: new CachedRecordStore(records, systemClock),
    blobs,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/iiif/image/3/110020-l37`;

  const tileAt = (i: number) => `${((i * 7) % 11) * 512},${((i * 5) % 15) * 512},512,512/512,512/0/default.jpg`;
  const cases = [
    { name: '512x512 tile at full resolution', request: tileAt },
    { name: '1024-pixel-wide full image', request: () => 'full/1024,/0/default.jpg' },
  ];

  /** The same pixels read by sharp straight from the pyramid page the plan names, encoded alike. */
  const direct = (path: string) => {
    const [region = '', size = '', rotation = '', file = ''] = path.split('/');
    const request = parseImageRequest({ region, size, rotation, file });
    const plan = request.ok ? planImageRequest(request.value, image, DEFAULT_IMAGE_LIMITS) : request;
    if (!plan.ok) throw new Error(plan.message);
    const { read, size: out } = plan.value;
    return {
      page: read.page,
      run: async () => {
        let pipeline = sharp(pyramid, { page: read.page }).extract({
          left: read.region.x,
          top: read.region.y,
          width: read.region.width,
          height: read.region.height,
        });
        if (read.region.width !== out.width || read.region.height !== out.height) pipeline = pipeline.resize(out.width, out.height, { fit: 'fill' });
        return (await pipeline.jpeg(JPEG_OUTPUT).toBuffer()).byteLength;
      },
    };
  };
  // A lean keep-alive client, so that the figures are the service's and not a heavy client's.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const viaService = (path: string) => () =>
    new Promise<number>((resolve, reject) => {
      get(`${base}/${path}`, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          if (res.statusCode === 200) resolve(body.byteLength);
          else reject(new Error(`${path} answered ${res.statusCode}: ${body.toString('utf8')}`));
        });
        res.on('error', reject);
      }).on('error', reject);
    });

  const figures: CaseFigures[] = [];
  let infoJsonMedianMs = Number.NaN;
  try {
    for (const c of cases) {
      log(`image bench: ${c.name}, ${warmup} warm-up and ${iterations} timed requests each way...`);
      for (let i = 0; i < warmup; i++) {
        await viaService(c.request(i))();
        await direct(c.request(i)).run();
      }
      const service: number[] = [];
      const straight: number[] = [];
      const growth: number[] = [];
      let bytes = 0;
      for (let i = 0; i < iterations; i++) {
        const path = c.request(i);
        // Alternate which goes first, so that neither gains from caches the other just warmed.
        const d0 = i % 2 === 1 ? await measured(direct(path).run) : undefined;
        const s = await measured(viaService(path));
        const d = d0 ?? (await measured(direct(path).run));
        service.push(s.ms);
        straight.push(d.ms);
        growth.push(s.rssGrowth / MiB);
        bytes = s.bytes;
      }
      const serviceLatency = { medianMs: round(percentile(service, 50)), p95Ms: round(percentile(service, 95)) };
      const directLatency = { medianMs: round(percentile(straight, 50)), p95Ms: round(percentile(straight, 95)) };
      figures.push({
        case: c.name,
        request: c.request(0),
        page: direct(c.request(0)).page,
        service: serviceLatency,
        direct: directLatency,
        ratio: { median: round(serviceLatency.medianMs / directLatency.medianMs), p95: round(serviceLatency.p95Ms / directLatency.p95Ms) },
        peakRssGrowthMiB: { median: round(percentile(growth, 50), 1), max: round(Math.max(...growth), 1) },
        bytes,
      });
    }
    const info: number[] = [];
    for (let i = 0; i < iterations + warmup; i++) {
      const { ms } = await measured(viaService('info.json'));
      if (i >= warmup) info.push(ms);
    }
    infoJsonMedianMs = round(percentile(info, 50));
  } finally {
    agent.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  return {
    scan: { ...SCAN, jpegMiB: round(scan.byteLength / MiB, 1) },
    pyramid: { MiB: round(pyramid.byteLength / MiB, 1), pages: image.levels, tileSize: image.tileSize },
    iterations,
    targetRatio: TARGET_RATIO,
    cases: figures,
    infoJsonMedianMs,
    withinTarget: figures.every((f) => f.ratio.median <= TARGET_RATIO),
  };
}

/** The figures as a table for people. */
export function formatImageBench(figures: ImageBenchFigures): string {
  const rows = [
    ['request', 'page', 'service p50 ms', 'p95 ms', 'direct sharp p50 ms', 'p95 ms', 'ratio p50', 'ratio p95', 'peak RSS growth/request MiB (p50, max)'],
    ...figures.cases.map((f) => [
      f.case,
      String(f.page),
      String(f.service.medianMs),
      String(f.service.p95Ms),
      String(f.direct.medianMs),
      String(f.direct.p95Ms),
      `${f.ratio.median}x`,
      `${f.ratio.p95}x`,
      `${f.peakRssGrowthMiB.median}, ${f.peakRssGrowthMiB.max}`,
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return [
    `IIIF Image API on a synthetic ${figures.scan.width}x${figures.scan.height} scan (JPEG ${figures.scan.jpegMiB} MiB; pyramid ${figures.pyramid.MiB} MiB, ${figures.pyramid.pages.length} pages, ${figures.pyramid.tileSize}px tiles)`,
    `${figures.iterations} timed requests per case through HTTP on loopback, interleaved with sharp reading the same page directly; target ratio <= ${figures.targetRatio}x`,
    ...rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')),
    `info.json over the same HTTP path (no image work): ${figures.infoJsonMedianMs} ms median; the pyramid itself stays in the container's cache (${figures.pyramid.MiB} MiB).`,
    figures.withinTarget ? 'All median ratios are within the target.' : 'Some median ratios are above the target.',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runImageBench().then(
    (figures) => console.log(formatImageBench(figures)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
