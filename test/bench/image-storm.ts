/**
 * Metadata latency under an image storm: metadata routes (several read DynamoDB on every request)
 * are loaded at a steady rate (so that latency, not the load generator, is what changes), once
 * alone and once while `renders` clients each ask, again and again, for a
 * full-size (25-megapixel) render of the large scan, and a probe asks for one small tile at a
 * time. Reported: metadata p50/p99 with and without the storm and their ratio, what the storm's
 * requests got (rendered, or 503 with Retry-After from the render queue), and the tile latency.
 */
import { rssMiB } from './bench-child.ts';
import type { BenchTarget } from './bench-server.ts';
import { type LoadResult, load } from './http-bench.ts';
import { percentile, round } from './stats.ts';

export interface StormFigure {
  seconds: number;
  connections: number;
  /** Metadata requests per second, across the connections. */
  rate: number;
  renders: number;
  request: string;
  alone: LoadResult;
  storm: LoadResult;
  ratio: { p50: number; p99: number };
  /** What the storm's clients got while the metadata load ran. */
  stormRequests: { rendered: number; busy503: number; other: number; renderP50Ms: number; renderP99Ms: number; retryAfterSeconds: number[] };
  /** One small tile at a time during the storm. */
  tile: { requests: number; p50Ms: number; p99Ms: number; maxMs: number; non200: number };
  rssMaxMiB: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full-size renders that differ, so that nothing on the way can answer one from another. */
const FULL_SIZE = ['full/max/0/default.jpg', 'full/max/!0/default.jpg', 'full/max/0/gray.jpg'];

export async function runImageStorm(
  serviceUrl: string,
  pid: number,
  metadata: readonly BenchTarget[],
  options: { image: string; renders: number; connections: number; rate: number; seconds: number; log: (line: string) => void },
): Promise<StormFigure> {
  const requests = metadata.map((t) => ({ path: t.path, headers: t.headers }));
  const base = `${serviceUrl}/iiif/image/3/${options.image}`;
  const metadataLoad = { connections: options.connections, seconds: options.seconds, overallRate: options.rate, requests };
  options.log(`storm: metadata routes alone, ${options.seconds} s at ${options.rate} req/s...`);
  await load(serviceUrl, { ...metadataLoad, seconds: 2 });
  const alone = await load(serviceUrl, metadataLoad);

  options.log(`storm: the same load while ${options.renders} clients ask for full-size renders...`);
  const stop = new AbortController();
  const outcome = { rendered: 0, busy503: 0, other: 0, renderMs: [] as number[], retryAfter: new Set<number>() };
  let measuring = false;
  const storm = Array.from({ length: options.renders }, async (_, i) => {
    while (!stop.signal.aborted) {
      const started = performance.now();
      try {
        const res = await fetch(`${base}/${FULL_SIZE[i % FULL_SIZE.length]}`, { signal: stop.signal });
        await res.arrayBuffer();
        if (measuring) {
          if (res.status === 200) {
            outcome.rendered++;
            outcome.renderMs.push(performance.now() - started);
          } else if (res.status === 503) {
            outcome.busy503++;
            outcome.retryAfter.add(Number(res.headers.get('retry-after')));
          } else outcome.other++;
        }
        // More insistent than Retry-After asks: a storm, not a polite client.
        if (res.status === 503) await sleep(250);
      } catch {
        if (!stop.signal.aborted) outcome.other++;
      }
    }
  });
  let rssMax = await rssMiB(pid);
  const sampler = setInterval(() => {
    rssMiB(pid).then(
      (v) => (rssMax = Math.max(rssMax, v)),
      () => {},
    );
  }, 1_000);
  // Let the storm fill the server before measuring.
  await sleep(3_000);
  measuring = true;
  const tileMs: number[] = [];
  let tileNon200 = 0;
  let probing = true;
  const probe = (async () => {
    for (let i = 0; probing; i++) {
      const started = performance.now();
      const res = await fetch(`${base}/${(i % 11) * 512},${(i % 15) * 512},512,512/512,/0/default.jpg`);
      await res.arrayBuffer();
      if (res.status === 200) tileMs.push(performance.now() - started);
      else tileNon200++;
      await sleep(100);
    }
  })();
  const during = await load(serviceUrl, metadataLoad);
  measuring = false;
  probing = false;
  await probe;
  stop.abort();
  await Promise.all(storm);
  clearInterval(sampler);

  return {
    seconds: options.seconds,
    connections: options.connections,
    rate: options.rate,
    renders: options.renders,
    request: `${options.image}/${FULL_SIZE[0]}`,
    alone,
    storm: during,
    ratio: { p50: round(during.p50 / Math.max(alone.p50, 0.5)), p99: round(during.p99 / Math.max(alone.p99, 0.5)) },
    stormRequests: {
      rendered: outcome.rendered,
      busy503: outcome.busy503,
      other: outcome.other,
      renderP50Ms: Math.round(percentile(outcome.renderMs, 50)),
      renderP99Ms: Math.round(percentile(outcome.renderMs, 99)),
      retryAfterSeconds: [...outcome.retryAfter].sort((a, b) => a - b),
    },
    tile: {
      requests: tileMs.length + tileNon200,
      p50Ms: round(percentile(tileMs, 50), 1),
      p99Ms: round(percentile(tileMs, 99), 1),
      maxMs: round(Math.max(...tileMs), 1),
      non200: tileNon200,
    },
    rssMaxMiB: rssMax,
  };
}

export function formatStorm(f: StormFigure): string {
  const s = f.stormRequests;
  return [
    `Metadata under an image storm: metadata routes at ${f.rate} req/s (${f.connections} connections) for ${f.seconds} s, alone and while ${f.renders} clients ask for full-size renders (${f.request}, 25 MP out) again and again`,
    `  metadata alone:      p50 ${f.alone.p50} ms, p99 ${f.alone.p99} ms, ${f.alone.rps} req/s, ${f.alone.errors + f.alone.non2xx} errors/non-2xx`,
    `  metadata in storm:   p50 ${f.storm.p50} ms, p99 ${f.storm.p99} ms, ${f.storm.rps} req/s, ${f.storm.errors + f.storm.non2xx} errors/non-2xx`,
    `  ratio storm/alone:   p50 ${f.ratio.p50}x, p99 ${f.ratio.p99}x`,
    `  storm requests:      ${s.rendered} rendered (p50 ${s.renderP50Ms} ms, p99 ${s.renderP99Ms} ms), ${s.busy503} answered 503 (Retry-After ${s.retryAfterSeconds.join('/') || '-'} s), ${s.other} failed otherwise`,
    `  512 px tile, one at a time during the storm: ${f.tile.requests} requests, p50 ${f.tile.p50Ms} ms, p99 ${f.tile.p99Ms} ms, max ${f.tile.maxMs} ms, ${f.tile.non200} not 200`,
    `  server RSS max during the storm: ${f.rssMaxMiB} MiB`,
  ].join('\n');
}
