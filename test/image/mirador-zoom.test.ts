/**
 * Mirador, in headless Chromium, tiles and zooms a scanned leaf through this image service on
 * the local service: a large scan is ingested for l. 37, the viewer opens on the whole page
 * (tiles from a coarse pyramid page), and zooming in brings full-resolution tiles, each
 * answered 200 by the service.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDeclaredTile } from '../../functions/core/iiif/image-3/declared-tiles.ts';
import { DEFAULT_IMAGE_LIMITS } from '../../functions/core/iiif/image-3/image-limits.ts';
import { parseImageRequest } from '../../functions/core/iiif/image-3/parse-image-request.ts';
import { planImageRequest } from '../../functions/core/iiif/image-3/plan-image-request.ts';
import { type RunningService, startService } from '../../functions/local/start-service.ts';
import { remoteAdmin } from '../../functions/operator/remote-admin.ts';
import { CHROMIUM, chromiumInstalled, launchChromium } from '../support/chromium.ts';
import { EXPORT_110020, OVERLAY_110020 } from '../support/fixtures.ts';

const TOKEN = 'image-zoom-test-token-0123456789';
const SCAN = { width: 3000, height: 4000 };
const TILE = /\/iiif\/image\/3\/110020-l37\/(\d+),(\d+),(\d+),(\d+)\/(\d+),(\d*)\/0\/default\.jpg$/;

interface TileRequest {
  status: number;
  /** `{region}/{size}/{rotation}/{quality}.{format}` as the viewer wrote it. */
  path: string;
  /** Full-resolution pixels per output pixel: the tile's scale factor. */
  scaleFactor: number;
}

/** A scan with structure at every scale: a grid of dark lines on a light page. */
async function gridScan(): Promise<Buffer> {
  const lines = [];
  for (let x = 100; x < SCAN.width; x += 200) lines.push(`<rect x="${x}" y="0" width="6" height="${SCAN.height}" fill="#222"/>`);
  for (let y = 100; y < SCAN.height; y += 200) lines.push(`<rect x="0" y="${y}" width="${SCAN.width}" height="6" fill="#222"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SCAN.width}" height="${SCAN.height}"><rect width="100%" height="100%" fill="#efe8d8"/>${lines.join('')}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

describe('Mirador on the image service', () => {
  it('has a browser to run in, as it must in CI', () => {
    if (!chromiumInstalled && process.env.CI) throw new Error(`No Chromium at ${CHROMIUM}: CI must install it.`);
    if (!chromiumInstalled) console.warn(`Mirador zoom test not run: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
    expect(chromiumInstalled || !process.env.CI).toBe(true);
  });

  if (!chromiumInstalled) return;

  let service: RunningService;
  let dataDir: string;
  let profileDir: string;
  let context: BrowserContext;
  let page: Page;
  const tiles: TileRequest[] = [];
  const otherImageRequests: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'image-zoom-'));
    service = await startService({ PORT: '0', DATA_DIR: dataDir, INGEST_API_TOKEN: TOKEN }, { inMemory: true, log: () => {} });
    const outcome = await remoteAdmin(service.url, TOKEN).ingest({
      fileName: '110020.txt',
      exportBytes: await readFile(EXPORT_110020),
      overlayBytes: await readFile(OVERLAY_110020),
      scans: new Map([['37', new Uint8Array(await gridScan())]]),
    });
    if (outcome.status !== 'updated') throw new Error(`ingest of the scan: ${JSON.stringify(outcome)}`);

    ({ context, page, profileDir } = await launchChromium());
    page.on('response', (res) => {
      const path = new URL(res.url()).pathname;
      const m = TILE.exec(path);
      if (m) tiles.push({ status: res.status(), path: path.split('/').slice(-4).join('/'), scaleFactor: Number(m[3]) / Number(m[5]) });
      else if (path.startsWith('/iiif/image/3/110020-l37/') && !path.endsWith('/info.json')) otherImageRequests.push(`${path} ${res.status()}`);
    });
    const base = service.config.publicBaseUrl;
    await page.goto(`${base}/viewer?manifest=${encodeURIComponent(`${base}/iiif/3/110020/manifest`)}`);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await service?.close();
    for (const dir of [profileDir, dataDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens the whole leaf with tiles from a coarse pyramid page', async () => {
    await expect.poll(() => tiles.length, { timeout: 60_000, interval: 500 }).toBeGreaterThan(0);
    expect(Math.max(...tiles.map((t) => t.scaleFactor))).toBeGreaterThanOrEqual(4);
    expect(tiles.every((t) => t.scaleFactor > 1)).toBe(true);
  }, 90_000);

  it('fetches full-resolution tiles when zoomed in', async () => {
    const viewer = page.locator('.mirador-osd-container');
    const box = await viewer.boundingBox();
    if (!box) throw new Error('no viewer');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const zoomedIn = async () => {
      await page.mouse.wheel(0, -400);
      return tiles.filter((t) => t.scaleFactor === 1).length;
    };
    await expect.poll(zoomedIn, { timeout: 60_000, interval: 750 }).toBeGreaterThan(0);
  }, 90_000);

  it('gets every tile it asks for', () => {
    expect(tiles.filter((t) => t.status !== 200)).toEqual([]);
    expect(otherImageRequests.filter((r) => !r.endsWith(' 200'))).toEqual([]);
  });

  it('asks only for declared tiles, which the service answers from stored bytes (ADR 0016)', async () => {
    const info = (await (await fetch(`${service.url}/iiif/image/3/110020-l37/info.json`)).json()) as {
      width: number;
      height: number;
      sizes: { width: number; height: number }[];
      tiles: { width: number }[];
    };
    // The pyramid's pages, largest first: info.json lists them smallest first.
    const image = { width: info.width, height: info.height, tileSize: info.tiles[0]?.width ?? 0, levels: [...info.sizes].reverse() };
    expect(tiles.length).toBeGreaterThan(0);
    for (const tile of tiles) {
      const [region = '', size = '', rotation = '', file = ''] = tile.path.split('/');
      const request = parseImageRequest({ region, size, rotation, file });
      const plan = request.ok ? planImageRequest(request.value, image, DEFAULT_IMAGE_LIMITS) : request;
      expect(plan.ok && isDeclaredTile(image, plan.value), tile.path).toBe(true);
    }
  });
});
