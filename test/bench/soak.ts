/**
 * A bounded soak on loopback: many connections across every route kind for BENCH_SOAK_SECONDS,
 * with the server's own resident set (it runs in a child process) sampled every second. The
 * memory target: the resident set at the end is at most 1.5x the resident set after warm-up.
 */
import { heapAfterGcMiB, rssMiB } from './bench-child.ts';
import type { BenchTarget } from './bench-server.ts';
import { load } from './http-bench.ts';
import { round } from './stats.ts';

/** End RSS over post-warm-up RSS may be at most this. */
export const SOAK_RSS_TARGET = 1.5;

export interface SoakFigure {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  routeKinds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssStartMiB: number;
  /** Resident memory once the warm-up is over: caches, pools and the heap have grown to their working size. */
  rssWarmMiB: number;
  rssEndMiB: number;
  rssMaxMiB: number;
  /** rssEndMiB / rssWarmMiB; at most SOAK_RSS_TARGET. */
  rssRatio: number;
  withinTarget: boolean;
  /** The resident set at the end of each minute (or each tenth of a shorter soak), MiB. */
  rssTrajectoryMiB: number[];
  /** V8 heap in use after a full GC: before the soak, after warm-up, and after it. */
  heapAfterGcMiB: { start: number; warm: number; end: number };
}

export async function runSoak(
  serviceUrl: string,
  baselineUrl: string,
  pid: number,
  targets: readonly BenchTarget[],
  options: { connections: number; seconds: number; warmupSeconds?: number },
): Promise<SoakFigure> {
  const warmupSeconds = options.warmupSeconds ?? Math.min(60, Math.max(5, Math.round(options.seconds / 10)));
  const rssStart = await rssMiB(pid);
  const heapStart = await heapAfterGcMiB(baselineUrl);
  const samples: { at: number; rss: number }[] = [];
  const started = performance.now();
  let heapWarm = heapStart;
  let rssWarm: number | undefined;
  const warmTimer = setTimeout(() => {
    rssMiB(pid).then(
      (v) => (rssWarm = v),
      () => {},
    );
    heapAfterGcMiB(baselineUrl).then(
      (v) => (heapWarm = v),
      () => {},
    );
  }, warmupSeconds * 1000);
  const timer = setInterval(() => {
    rssMiB(pid).then(
      (rss) => samples.push({ at: (performance.now() - started) / 1000, rss }),
      () => {},
    );
  }, 1_000);
  try {
    const result = await load(serviceUrl, {
      connections: options.connections,
      seconds: options.seconds,
      requests: targets.map((t) => ({ path: t.path, headers: t.headers })),
    });
    clearInterval(timer);
    const rssEnd = await rssMiB(pid);
    const heapEnd = await heapAfterGcMiB(baselineUrl);
    const warm = rssWarm ?? samples.find((s) => s.at >= warmupSeconds)?.rss ?? rssStart;
    const step = options.seconds >= 600 ? 60 : options.seconds / 10;
    const trajectory: number[] = [];
    for (let t = step; t < options.seconds; t += step) {
      const sample = samples.find((s) => s.at >= t);
      if (sample) trajectory.push(sample.rss);
    }
    trajectory.push(rssEnd);
    const rssRatio = round(rssEnd / warm);
    return {
      seconds: options.seconds,
      warmupSeconds,
      connections: options.connections,
      routeKinds: targets.length,
      requests: Math.round(result.rps * options.seconds),
      rps: result.rps,
      p50: result.p50,
      p99: result.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      rssStartMiB: rssStart,
      rssWarmMiB: warm,
      rssEndMiB: rssEnd,
      rssMaxMiB: Math.max(rssEnd, ...samples.map((s) => s.rss)),
      rssRatio,
      withinTarget: rssRatio <= SOAK_RSS_TARGET,
      rssTrajectoryMiB: trajectory,
      heapAfterGcMiB: { start: heapStart, warm: heapWarm, end: heapEnd },
    };
  } finally {
    clearInterval(timer);
    clearTimeout(warmTimer);
  }
}

/** The figures for people, with an honest verdict on the memory target. */
export function formatSoak(s: SoakFigure): string {
  return [
    `Soak: ${s.seconds} s at ${s.connections} connections across ${s.routeKinds} route kinds (records and renderings, manifests, collections with continuation pages, sitemap, every OAI-PMH verb, image info.json and tiles), loopback; server in its own process, on disk as \`npm start\` runs it`,
    `  ${s.requests} requests, ${s.rps} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, ${s.errors} errors, ${s.non2xx} non-2xx`,
    `  server RSS: ${s.rssStartMiB} MiB before, ${s.rssWarmMiB} MiB after the ${s.warmupSeconds} s warm-up, ${s.rssEndMiB} MiB at the end (max ${s.rssMaxMiB}); end/warm ${s.rssRatio}x (target <= ${SOAK_RSS_TARGET}x)`,
    `  RSS through the soak, MiB: ${s.rssTrajectoryMiB.join(' ')}`,
    `  V8 heap after GC: ${s.heapAfterGcMiB.start} / ${s.heapAfterGcMiB.warm} / ${s.heapAfterGcMiB.end} MiB (start / warm / end)`,
    s.withinTarget
      ? `  Memory target met: end RSS is ${s.rssRatio}x the post-warm-up RSS.`
      : `  Memory target NOT met: end RSS is ${s.rssRatio}x the post-warm-up RSS (target <= ${SOAK_RSS_TARGET}x).`,
  ].join('\n');
}
