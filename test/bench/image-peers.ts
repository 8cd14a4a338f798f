/**
 * The image service against IIPImage and iiif-processor on the same pyramid, in the same run: IIPImage 1.x from
 * Debian's `iipimage-server` (`/usr/lib/iipimage-server/iipsrv.fcgi`) behind `lighttpd` with
 * mod_fastcgi, speaking IIIF Image 2.1 on equivalent URLs, reading the very tiled pyramidal
 * TIFF the service reads, and iiif-processor (iiif-processor-server.ts) reading it as a stream.
 * Each server has its own process; requests alternate between them
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
import { percentile, round } from './stats.ts';

const IIPSRV = '/usr/lib/iipimage-server/iipsrv.fcgi';
const LIGHTTPD = '/usr/sbin/lighttpd';

interface Peer {
  name: string;
  /** The Image API version of its URLs. */
  version: 'v2' | 'v3';
  /** The URL prefix below which `{region}/{size}/{rotation}/{quality}.{format}` and `info.json` go. */
  base: string;
  /** Process ids whose peak resident sets add up to the server's. */
  pids: () => Promise<number[]>;
}

export interface ServerFigures {
  p50: number;
  p95: number;
  rps?: number;
  bytes: number;
}

export interface PeerCase {
  case: string;
  request: string;
  service: ServerFigures;
  peers: { [peer: string]: ServerFigures };
  /** service / peer: time ratios (lower is better) and the req/s ratio (higher is better). */
  ratios: { [peer: string]: { p50: number; p95: number; rps?: number } };
}

export interface PeerFigures {
  peers: string[];
  /** Peers that could not run, and why. */
  skipped: { [peer: string]: string };
  image?: { width: number; height: number; tileSize: number; levels: number };
  ingestMs?: number;
  iterations?: number;
  connections?: number;
  cases: PeerCase[];
  peakRssMiB?: { [server: string]: number };
  /** Against IIPImage, when it ran. */
  targets?: { alignedRps3x: boolean; unalignedP50: boolean };
}

/** A tile on the grid at full resolution (stored), and one off it (rendered), varied so that no single tile is all that is asked. */
const aligned = (i: number, size: string) => `${((i * 7) % 11) * 512},${((i * 5) % 15) * 512},512,512/${size}/0/default.jpg`;
const unaligned = (i: number, size: string) => `${((i * 7) % 11) * 512 + 100},${((i * 5) % 15) * 512 + 60},512,512/${size}/0/default.jpg`;

/** The service and iiif-processor speak 3.0 (`512,512`), IIPImage 2.1 (`512,`): the same pixels either way. */
const CASES = [
  { name: 'aligned 512 tile', v3: (i: number) => aligned(i, '512,512'), v2: (i: number) => aligned(i, '512,'), load: true },
  { name: 'unaligned 512 tile', v3: (i: number) => unaligned(i, '512,512'), v2: (i: number) => unaligned(i, '512,'), load: true },
  { name: '1024-wide full image', v3: () => 'full/1024,/0/default.jpg', v2: () => 'full/1024,/0/default.jpg', load: false },
  { name: 'info.json', v3: () => 'info.json', v2: () => 'info.json', load: false },
];

async function peakRssMiB_(pids: number[]): Promise<number> {
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
  const skipped: PeerFigures['skipped'] = {};
  const missing = ensureIipImage(log);
  if (missing) {
    log(`\n!!! image peers: IIPImage SKIPPED: ${missing} !!!\n`);
    skipped.IIPImage = missing;
  }
  const dir = await mkdtemp(join(tmpdir(), 'image-peers-'));
  const processes: ChildProcess[] = [];
  try {
    log('image peers: ingesting the synthetic scan in the service process...');
    const tsx = (script: string, args: string[]) => {
      const child = spawn(process.execPath, ['--import', 'tsx', new URL(script, import.meta.url).pathname, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
      processes.push(child);
      return child;
    };
    const service = tsx('./image-peer-server.ts', [dir]);
    const started = JSON.parse(await firstLine(service)) as {
      port: number;
      tiff: string;
      ingestMs: number;
      image: PeerFigures['image'];
      levels: { width: number; height: number }[];
    };
    const ours: Peer = {
      name: 'service',
      version: 'v3',
      base: `http://127.0.0.1:${started.port}/iiif/image/3/110020-l37/`,
      pids: async () => [service.pid ?? 0],
    };
    const peers: Peer[] = [];

    if (!missing) {
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
      peers.push({
        name: 'IIPImage',
        version: 'v2',
        base: `http://127.0.0.1:${iipPort}/iipsrv?IIIF=scan.tif/`,
        pids: async () => [lighttpd.pid ?? 0, ...(await childrenOf(lighttpd.pid ?? 0))],
      });
    }
    const processor = tsx('./iiif-processor-server.ts', [started.tiff, JSON.stringify(started.levels)]);
    const { port: processorPort } = JSON.parse(await firstLine(processor)) as { port: number };
    peers.push({ name: 'iiif-processor', version: 'v3', base: `http://127.0.0.1:${processorPort}/iiif/3/scan/`, pids: async () => [processor.pid ?? 0] });
    for (const peer of peers) await waitFor(`${peer.base}info.json`);

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
    /**
     * Requests per second with `connections` keep-alive clients, each asking for the next path as
     * soon as the last answer ends. Not autocannon: its client inspects every body byte, which caps
     * it near 450-800 req/s on 70-160 KB JPEG bodies here (against 8,000 on bodies of one repeated byte).
     */
    const rps = async (peer: Peer, paths: string[]) => {
      const deadline = performance.now() + seconds * 1000;
      let done = 0;
      const client = async (offset: number) => {
        const own = new Agent({ keepAlive: true, maxSockets: 1 });
        try {
          for (let i = offset; performance.now() < deadline; i += connections) {
            await new Promise<void>((resolve, reject) => {
              get(peer.base + paths[i % paths.length], { agent: own }, (res) => {
                res.on('data', () => {});
                res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${peer.name} answered ${res.statusCode} under load`))));
                res.on('error', reject);
              }).on('error', reject);
            });
            done++;
          }
        } finally {
          own.destroy();
        }
      };
      const start = performance.now();
      await Promise.all(Array.from({ length: connections }, (_, k) => client(k)));
      return done / ((performance.now() - start) / 1000);
    };
    const stats = (xs: { ms: number; bytes: number }[]): ServerFigures => ({
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

    const all = [ours, ...peers];
    const cases: PeerCase[] = [];
    for (const c of CASES) {
      log(`image peers: ${c.name}, ${iterations} requests to each server, interleaved...`);
      const path = (server: Peer, i: number) => server.base + c[server.version](i);
      for (let i = 0; i < 5; i++) for (const server of all) await timed(path(server, i));
      const samples = new Map<Peer, { ms: number; bytes: number }[]>(all.map((server) => [server, []]));
      for (let i = 0; i < iterations; i++) {
        // Rotate the order, so that no server always follows the same other one.
        const order = all.map((_, k) => all[(k + i) % all.length] as Peer);
        for (const server of order) samples.get(server)?.push(await timed(path(server, i)));
      }
      const figures = new Map(all.map((server) => [server, stats(samples.get(server) ?? [])]));
      if (c.load) {
        log(`image peers: ${c.name}, req/s at ${connections} connections, ${seconds} s rounds alternating...`);
        const indexes = Array.from({ length: 40 }, (_, i) => i);
        const best = new Map<Peer, number>();
        for (let round = 0; round < 2; round++)
          for (const server of all)
            best.set(
              server,
              Math.max(
                best.get(server) ?? 0,
                await rps(
                  server,
                  indexes.map((i) => c[server.version](i)),
                ),
              ),
            );
        for (const server of all) {
          const f = figures.get(server);
          if (f) f.rps = Math.round(best.get(server) ?? 0);
        }
      }
      const mine = figures.get(ours) as ServerFigures;
      const theirs = Object.fromEntries(peers.map((peer) => [peer.name, figures.get(peer) as ServerFigures]));
      const ratios = Object.fromEntries(
        peers.map((peer) => {
          const f = figures.get(peer) as ServerFigures;
          return [peer.name, { p50: round(mine.p50 / f.p50), p95: round(mine.p95 / f.p95), ...(mine.rps && f.rps ? { rps: round(mine.rps / f.rps) } : {}) }];
        }),
      );
      cases.push({ case: c.name, request: c.v3(0), service: mine, peers: theirs, ratios });
    }
    agent.destroy();
    const peakRssMiB: { [server: string]: number } = {};
    for (const server of all) peakRssMiB[server.name] = await peakRssMiB_(await server.pids());
    const against = (name: string) => cases.find((c) => c.case === name)?.ratios.IIPImage;
    return {
      peers: peers.map((peer) => peer.name),
      skipped,
      image: started.image,
      ingestMs: started.ingestMs,
      iterations,
      connections,
      cases,
      peakRssMiB,
      ...(missing
        ? {}
        : { targets: { alignedRps3x: (against('aligned 512 tile')?.rps ?? 0) >= 3, unalignedP50: (against('unaligned 512 tile')?.p50 ?? 99) <= 1 } }),
    };
  } finally {
    for (const child of processes) child.kill();
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatImagePeers(f: PeerFigures): string {
  const loud = Object.entries(f.skipped).map(([peer, why]) => `!!! Image peers: ${peer} SKIPPED: ${why} !!!`);
  const header = ['case', 'service p50/p95 ms', 'req/s', 'bytes'];
  for (const peer of f.peers) header.push(`${peer} p50/p95 ms`, 'req/s', 'bytes', 'ratio p50 / p95 / req/s');
  const rows = [
    header,
    ...f.cases.map((c) => {
      const row = [c.case, `${c.service.p50} / ${c.service.p95}`, String(c.service.rps ?? '-'), String(c.service.bytes)];
      for (const peer of f.peers) {
        const p = c.peers[peer];
        const r = c.ratios[peer];
        row.push(`${p?.p50} / ${p?.p95}`, String(p?.rps ?? '-'), String(p?.bytes), `${r?.p50}x / ${r?.p95}x / ${r?.rps === undefined ? '-' : `${r.rps}x`}`);
      }
      return row;
    }),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return [
    ...loud,
    `Image service against ${f.peers.join(' and ')} on the same ${f.image?.width}x${f.image?.height} pyramid (${f.image?.levels} pages, ${f.image?.tileSize} px tiles), each in its own process, requests interleaved; req/s at ${f.connections} connections, best of 2 alternating rounds; service ingest with stored tiles ${f.ingestMs} ms`,
    ...rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')),
    `peak RSS MiB: ${Object.entries(f.peakRssMiB ?? {})
      .map(([server, mib]) => `${server} ${mib}`)
      .join(', ')} (the service's process holds its in-memory stores; IIPImage's is lighttpd and iipsrv)`,
    f.targets
      ? `targets against IIPImage: aligned tile >= 3x req/s: ${f.targets.alignedRps3x ? 'met' : 'NOT met'}; unaligned tile <= 1.0x p50: ${f.targets.unalignedP50 ? 'met' : 'NOT met'}`
      : 'targets against IIPImage: not measured (IIPImage skipped)',
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
