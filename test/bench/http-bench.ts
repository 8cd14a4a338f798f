/** Requests/second and latency of the service against the static baseline serving the same bytes. */
import autocannon from 'autocannon';
import type { BenchTarget } from './bench-server.ts';
import { percentile } from './stats.ts';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function load(
  url: string,
  options: {
    connections: number;
    seconds: number;
    headers?: { [name: string]: string };
    requests?: { path: string; headers?: { [name: string]: string } }[];
    /** Requests per second across all connections (open loop); as fast as answered when unset. */
    overallRate?: number;
  },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    headers: options.headers,
    requests: options.requests?.map((r) => ({ method: 'GET' as const, path: r.path, headers: r.headers })),
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export interface RouteFigure {
  route: string;
  /** The round whose ratio was the median. */
  service: LoadResult;
  baseline: LoadResult;
  /** Median over the rounds of service req/s over baseline req/s. */
  ratio: number;
  /** Every round's ratio, in order. */
  roundRatios: number[];
}

/**
 * Each route is loaded in rounds, service and baseline back to back, in alternating order so a
 * drift in the machine's load favours neither; the median round's figures are reported.
 */
export async function benchRoutes(
  serviceUrl: string,
  baselineUrl: string,
  targets: readonly BenchTarget[],
  options: { connections: number; seconds: number; rounds: number },
): Promise<RouteFigure[]> {
  const figures: RouteFigure[] = [];
  for (const target of targets) {
    // Warm both once so the figures are of warm servers.
    await load(`${serviceUrl}${target.path}`, { connections: 4, seconds: 1, headers: target.headers });
    await load(`${baselineUrl}${target.path}`, { connections: 4, seconds: 1, headers: target.headers });
    const rounds: { service: LoadResult; baseline: LoadResult; ratio: number }[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const run = (url: string) => load(`${url}${target.path}`, { ...options, headers: target.headers });
      let service: LoadResult;
      let baseline: LoadResult;
      if (round % 2 === 0) {
        service = await run(serviceUrl);
        baseline = await run(baselineUrl);
      } else {
        baseline = await run(baselineUrl);
        service = await run(serviceUrl);
      }
      rounds.push({ service, baseline, ratio: Math.round((service.rps / Math.max(baseline.rps, 1)) * 100) / 100 });
    }
    // A percentile is one of the rounds' own ratios, so the round it came from can be reported.
    const ratio = percentile(
      rounds.map((r) => r.ratio),
      50,
    );
    const middle = rounds.find((r) => r.ratio === ratio) ?? rounds[0];
    if (!middle) throw new Error('no rounds were run');
    figures.push({ route: target.name, service: middle.service, baseline: middle.baseline, ratio, roundRatios: rounds.map((r) => r.ratio) });
  }
  return figures;
}
