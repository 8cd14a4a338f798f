/** A bounded soak on loopback: many connections across every route kind, with memory sampled. */
import { rssMiB } from './bench-child.ts';
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
  rssEndMiB: number;
  rssMaxMiB: number;
}

export async function runSoak(
  serviceUrl: string,
  pid: number,
  targets: readonly BenchTarget[],
  options: { connections: number; seconds: number },
): Promise<SoakFigure> {
  const samples: number[] = [await rssMiB(pid)];
  const timer = setInterval(() => {
    rssMiB(pid).then(
      (v) => samples.push(v),
      () => {},
    );
  }, 1_000);
  try {
    const result = await load(serviceUrl, { ...options, requests: targets.map((t) => ({ path: t.path, headers: t.headers })) });
    samples.push(await rssMiB(pid));
    return {
      ...options,
      requests: result.rps * options.seconds,
      rps: result.rps,
      p99: result.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      rssStartMiB: samples[0] ?? 0,
      rssEndMiB: samples[samples.length - 1] ?? 0,
      rssMaxMiB: Math.max(...samples),
    };
  } finally {
    clearInterval(timer);
  }
}
