/**
 * The image service against IIPImage on the same pyramid, in the same run: IIPImage 1.x from
 * Debian's `iipimage-server` (`/usr/lib/iipimage-server/iipsrv.fcgi`) behind `lighttpd` with
 * mod_fastcgi, speaking IIIF Image 2.1 on equivalent URLs, reading the very tiled pyramidal
 * TIFF the service reads. Each server has its own process; requests alternate between them
 * (latency) and load rounds alternate (throughput), so that both see the same machine noise.
 *
 *   npx tsx test/bench/image-peers.ts        (BENCH_PEER_ITERATIONS default 60, BENCH_PEER_SECONDS default 3)
 *
 * When iipsrv or lighttpd is missing the bench installs them with apt-get if it runs as root,
 * and otherwise skips this peer, saying so loudly.
 *
 * Targets: the aligned tile (a stored tile) at >= 3x IIPImage's req/s; the unaligned tile
 * (a render) at <= 1.0x IIPImage's p50.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { percentile, round } from './stats.ts';

const IIPSRV = '/usr/lib/iipimage-server/iipsrv.fcgi';
const LIGHTTPD = '/usr/sbin/lighttpd';

interface Peer {
  name: string;
  /** The URL prefix below which `{region}/{size}/{rotation}/{quality}.{format}` and `info.json` go. */
  base: string;
  /** Process ids whose peak resident sets add up to the server's. */
  pids: () => Promise<number[]>;
}

export interface PeerCase {
  case: string;
  request: string;
  service: { p50: number; p95: number; rps?: number; bytes: number };
  peer: { p50: number; p95: number; rps?: number; bytes: number };
  /** service / peer: time ratios (lower is better) and the req/s ratio (higher is better). */
  ratio: { p50: number; p95: number; rps?: number };
}

export interface PeerFigures {
  peer: string;
  skipped?: string;
  image?: { width: number; height: number; tileSize: number; levels: number };
  ingestMs?: number;
  iterations?: number;
  connections?: number;
  cases: PeerCase[];
  peakRssMiB?: { service: number; peer: number };
  targets?: { alignedRps3x: boolean; unalignedP50: boolean };
}

/** A tile on the grid at full resolution (stored), and one off it (rendered), varied so that no single tile is all that is asked. */
const aligned = (i: number, size: string) => `${((i * 7) % 11) * 512},${((i * 5) % 15) * 512},512,512/${size}/0/default.jpg`;
const unaligned = (i: number, size: string) => `${((i * 7) % 11) * 512 + 100},${((i * 5) % 15) * 512 + 60},512,512/${size}/0/default.jpg`;

/** The service speaks 3.0 (`512,512`), IIPImage 2.1 (`512,`): the same pixels either way. */
const CASES = [
  { name: 'aligned 512 tile', service: (i: number) => aligned(i, '512,512'), peer: (i: number) => aligned(i, '512,'), load: true },
  { name: 'unaligned 512 tile', service: (i: number) => unaligned(i, '512,512'), peer: (i: number) => unaligned(i, '512,'), load: true },
  { name: '1024-wide full image', service: () => 'full/1024,/0/default.jpg', peer: () => 'full/1024,/0/default.jpg', load: false },
  { name: 'info.json', service: () => 'info.json', peer: () => 'info.json', load: false },
];

async function peakRssMiB(pids: number[]): Promise<number> {
  let kib = 0;
  for (const pid of pids) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    kib += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return round(kib / 1024, 1);
}

async function childrenOf(pid: number): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) found.push(Number(entry));
  }
  return found;
}

/** iipsrv and lighttpd, installed when missing and possible; the reason they are not, otherwise. */
function ensureIipImage(log: (line: string) => void): string | undefined {
  if (existsSync(IIPSRV) && existsSync(LIGHTTPD)) return undefined;
  if (process.getuid?.() === 0) {
    log('image peers: installing iipimage-server and lighttpd with apt-get...');
    try {
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'iipimage-server', 'lighttpd'], { stdio: 'ignore' });
    } catch (error) {
      return `apt-get install iipimage-server lighttpd failed: ${(error as Error).message}`;
    }
    if (existsSync(IIPSRV) && existsSync(LIGHTTPD)) return undefined;
  }
  return `${IIPSRV} or ${LIGHTTPD} is missing (apt-get install iipimage-server lighttpd)`;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered`);
}

export async function runImagePeersBench(options: { log?: (line: string) => void } = {}): Promise<PeerFigures> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const iterations = Number(process.env.BENCH_PEER_ITERATIONS ?? 60);
  const seconds = Number(process.env.BENCH_PEER_SECONDS ?? 3);
  const connections = 8;
  const missing = ensureIipImage(log);
  if (missing) {
    log(`\n!!! image peers: IIPImage SKIPPED: ${missing} !!!\n`);
    return { peer: 'IIPImage', skipped: missing, cases: [] };
  }
  const dir = await mkdtemp(join(tmpdir(), 'image-peers-'));
  const processes: ChildProcess[] = [];
  try {
    log('image peers: ingesting the synthetic scan in the service process...');
    const script = new URL('./image-peer-server.ts', import.meta.url).pathname;
    const service = spawn(process.execPath, ['--import', 'tsx', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    processes.push(service);
    const started = JSON.parse(await firstLine(service)) as { port: number; tiff: string; ingestMs: number; image: PeerFigures['image'] };

    const iipPort = 20000 + Math.floor(Math.random() * 20000);
    await writeFile(
      join(dir, 'lighttpd.conf'),
      [
        `server.document-root = "${dir}"`,
        `server.port = ${iipPort}`,
        'server.bind = "127.0.0.1"',
        'server.modules = ("mod_fastcgi")',
        `server.errorlog = "${dir}/lighttpd.log"`,
        `fastcgi.server = ("/iipsrv" => (("socket" => "${dir}/iipsrv.sock", "bin-path" => "${IIPSRV}", "check-local" => "disable", "min-procs" => 1, "max-procs" => 1,`,
        `  "bin-environment" => ("FILESYSTEM_PREFIX" => "${dir}/", "LOGFILE" => "${dir}/iipsrv.log", "VERBOSITY" => "0", "JPEG_QUALITY" => "85", "MAX_CVT" => "10000"))))`,
      ].join('\n'),
    );
    const lighttpd = spawn(LIGHTTPD, ['-D', '-f', join(dir, 'lighttpd.conf')], { stdio: 'ignore' });
    processes.push(lighttpd);
    const iip: Peer = {
      name: 'IIPImage',
      base: `http://127.0.0.1:${iipPort}/iipsrv?IIIF=scan.tif/`,
      pids: async () => [lighttpd.pid ?? 0, ...(await childrenOf(lighttpd.pid ?? 0))],
    };
    const ours: Peer = { name: 'service', base: `http://127.0.0.1:${started.port}/iiif/image/3/110020-l37/`, pids: async () => [service.pid ?? 0] };
    await waitFor(`${iip.base}info.json`);

    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const timed = (url: string) =>
      new Promise<{ ms: number; bytes: number }>((resolve, reject) => {
        const start = performance.now();
        get(url, { agent }, (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.byteLength;
          });
          res.on('end', () =>
            res.statusCode === 200 ? resolve({ ms: performance.now() - start, bytes }) : reject(new Error(`${url} answered ${res.statusCode}`)),
          );
          res.on('error', reject);
        }).on('error', reject);
      });
    const rps = async (peer: Peer, paths: string[]) => {
      const result = await autocannon({
        url: peer.base,
        connections,
        duration: seconds,
        requests: paths.map((path) => ({ method: 'GET' as const, path: new URL(peer.base + path).pathname + new URL(peer.base + path).search })),
      });
      if (result.non2xx + result.errors > 0) throw new Error(`${peer.name}: ${result.non2xx} non-2xx and ${result.errors} errors under load`);
      return result.requests.average;
    };

    const cases: PeerCase[] = [];
    for (const c of CASES) {
      log(`image peers: ${c.name}, ${iterations} requests each, interleaved...`);
      for (let i = 0; i < 5; i++) {
        await timed(ours.base + c.service(i));
        await timed(iip.base + c.peer(i));
      }
      const a: { ms: number; bytes: number }[] = [];
      const b: { ms: number; bytes: number }[] = [];
      for (let i = 0; i < iterations; i++) {
        if (i % 2) b.push(await timed(iip.base + c.peer(i)));
        a.push(await timed(ours.base + c.service(i)));
        if (!(i % 2)) b.push(await timed(iip.base + c.peer(i)));
      }
      const stats = (xs: { ms: number; bytes: number }[]) => ({
        p50: round(
          percentile(
            xs.map((x) => x.ms),
            50,
          ),
        ),
        p95: round(
          percentile(
            xs.map((x) => x.ms),
            95,
          ),
        ),
        bytes: Math.round(xs.reduce((n, x) => n + x.bytes, 0) / xs.length),
      });
      const service = stats(a) as PeerCase['service'];
      const peer = stats(b) as PeerCase['peer'];
      const ratio: PeerCase['ratio'] = { p50: round(service.p50 / peer.p50), p95: round(service.p95 / peer.p95) };
      if (c.load) {
        log(`image peers: ${c.name}, req/s at ${connections} connections, ${seconds} s rounds alternating...`);
        const paths = Array.from({ length: 40 }, (_, i) => i);
        const ourRounds: number[] = [];
        const peerRounds: number[] = [];
        for (let round = 0; round < 2; round++) {
          ourRounds.push(await rps(ours, paths.map(c.service)));
          peerRounds.push(await rps(iip, paths.map(c.peer)));
        }
        service.rps = Math.round(Math.max(...ourRounds));
        peer.rps = Math.round(Math.max(...peerRounds));
        ratio.rps = round(service.rps / peer.rps);
      }
      cases.push({ case: c.name, request: c.service(0), service, peer, ratio });
    }
    agent.destroy();
    const byName = (name: string) => cases.find((c) => c.case === name);
    return {
      peer: 'IIPImage',
      image: started.image,
      ingestMs: started.ingestMs,
      iterations,
      connections,
      cases,
      peakRssMiB: { service: await peakRssMiB(await ours.pids()), peer: await peakRssMiB(await iip.pids()) },
      targets: { alignedRps3x: (byName('aligned 512 tile')?.ratio.rps ?? 0) >= 3, unalignedP50: (byName('unaligned 512 tile')?.ratio.p50 ?? 99) <= 1 },
    };
  } finally {
    for (const child of processes) child.kill();
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatImagePeers(f: PeerFigures): string {
  if (f.skipped) return `!!! Image peers: ${f.peer} SKIPPED: ${f.skipped} !!!`;
  const rows = [
    ['case', 'service p50/p95 ms', `${f.peer} p50/p95 ms`, 'ratio p50', 'ratio p95', 'service req/s', `${f.peer} req/s`, 'req/s ratio', 'bytes service/peer'],
    ...f.cases.map((c) => [
      c.case,
      `${c.service.p50} / ${c.service.p95}`,
      `${c.peer.p50} / ${c.peer.p95}`,
      `${c.ratio.p50}x`,
      `${c.ratio.p95}x`,
      String(c.service.rps ?? '-'),
      String(c.peer.rps ?? '-'),
      c.ratio.rps === undefined ? '-' : `${c.ratio.rps}x`,
      `${c.service.bytes} / ${c.peer.bytes}`,
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return [
    `Image service against ${f.peer} (iipsrv behind lighttpd/FastCGI, IIIF 2.1) on the same ${f.image?.width}x${f.image?.height} pyramid (${f.image?.levels} pages, ${f.image?.tileSize} px tiles), interleaved; req/s at ${f.connections} connections; ingest with stored tiles ${f.ingestMs} ms`,
    ...rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')),
    `peak RSS: service ${f.peakRssMiB?.service} MiB (its process, the in-memory stores included), ${f.peer} ${f.peakRssMiB?.peer} MiB (lighttpd and iipsrv)`,
    `targets: aligned tile >= 3x ${f.peer} req/s: ${f.targets?.alignedRps3x ? 'met' : 'NOT met'}; unaligned tile <= 1.0x ${f.peer} p50: ${f.targets?.unalignedP50 ? 'met' : 'NOT met'}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runImagePeersBench().then(
    (figures) => console.log(formatImagePeers(figures)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
