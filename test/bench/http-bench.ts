/** Requests/second and latency of the service against the static baseline serving the same bytes. */
import autocannon from 'autocannon';
import type { BenchTarget } from './bench-server.ts';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function load(
  url: string,
  options: { connections: number; seconds: number; headers?: { [name: string]: string }; requests?: { path: string; headers?: { [name: string]: string } }[] },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
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
  service: LoadResult;
  baseline: LoadResult;
  ratio: number;
}

export async function benchRoutes(
  serviceUrl: string,
  baselineUrl: string,
  targets: readonly BenchTarget[],
  options: { connections: number; seconds: number },
): Promise<RouteFigure[]> {
  const figures: RouteFigure[] = [];
  for (const target of targets) {
    // Warm both once so the figures are of warm servers.
    await load(`${serviceUrl}${target.path}`, { connections: 4, seconds: 1, headers: target.headers });
    const service = await load(`${serviceUrl}${target.path}`, { ...options, headers: target.headers });
    const baseline = await load(`${baselineUrl}${target.path}`, { ...options, headers: target.headers });
    figures.push({ route: target.name, service, baseline, ratio: Math.round((service.rps / Math.max(baseline.rps, 1)) * 100) / 100 });
  }
  return figures;
}
