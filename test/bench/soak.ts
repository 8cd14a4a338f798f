/** A bounded soak on loopback: many connections across every route kind, with memory sampled. */
import { heapAfterGcMiB, rssMiB } from './bench-child.ts';
import type { BenchTarget } from './bench-server.ts';
import { load } from './http-bench.ts';

export interface SoakFigure {
  seconds: number;
  connections: number;
  requests: number;
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssStartMiB: number;
  /** Resident memory a quarter of the way in, once caches and pools are warm. */
  rssWarmMiB: number;
  rssEndMiB: number;
  rssMaxMiB: number;
  /** Growth from warm to end: flat memory keeps this near zero. */
  growthAfterWarmMiB: number;
  /** V8 heap in use after a full GC: before the soak, a quarter in, and after it. */
  heapAfterGcMiB: { start: number; warm: number; end: number };
}

export async function runSoak(
  serviceUrl: string,
  baselineUrl: string,
  pid: number,
  targets: readonly BenchTarget[],
  options: { connections: number; seconds: number },
): Promise<SoakFigure> {
  const samples: number[] = [await rssMiB(pid)];
  const heapStart = await heapAfterGcMiB(baselineUrl);
  let heapWarm = heapStart;
  const warmTimer = setTimeout(
    () => {
      heapAfterGcMiB(baselineUrl).then(
        (v) => (heapWarm = v),
        () => {},
      );
    },
    (options.seconds * 1000) / 4,
  );
  const timer = setInterval(() => {
    rssMiB(pid).then(
      (v) => samples.push(v),
      () => {},
    );
  }, 1_000);
  try {
    const result = await load(serviceUrl, { ...options, requests: targets.map((t) => ({ path: t.path, headers: t.headers })) });
    samples.push(await rssMiB(pid));
    const heapEnd = await heapAfterGcMiB(baselineUrl);
    return {
      ...options,
      requests: result.rps * options.seconds,
      rps: result.rps,
      p99: result.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      rssStartMiB: samples[0] ?? 0,
      rssWarmMiB: samples[Math.floor(samples.length / 4)] ?? 0,
      rssEndMiB: samples[samples.length - 1] ?? 0,
      rssMaxMiB: Math.max(...samples),
      growthAfterWarmMiB: Math.round(((samples[samples.length - 1] ?? 0) - (samples[Math.floor(samples.length / 4)] ?? 0)) * 10) / 10,
      heapAfterGcMiB: { start: heapStart, warm: heapWarm, end: heapEnd },
    };
  } finally {
    clearInterval(timer);
    clearTimeout(warmTimer);
  }
}
