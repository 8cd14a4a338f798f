/**
 * A viewer that reads IIIF Presentation 2.x, TIFY (from the npm registry), in headless Chromium
 * on the 2.1 manifest of 110020 (docs/adr/0015-iiif-2-for-legacy-clients.md): it shows the
 * translation from each canvas's `otherContent` AnnotationList and paints every leaf through the
 * Image API 2.1 service the manifest names, never through the 3.0 one.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../functions/local/start-service.ts';
import { CHROMIUM, chromiumInstalled, itRunsAsInCi, launchChromium } from '../support/chromium.ts';
import { repoPath } from '../support/fixtures.ts';
import { serveTify } from '../support/tify-page.ts';

const TRANSLATION_START = 'SECOND MAIN ADMINISTRATION OF THE GENERAL STAFF OF THE SOVIET ARMY';

if (!chromiumInstalled) console.warn(`\n!! TIFY 2.1 BROWSER TEST SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium).\n`);

describe('TIFY on the Presentation 2.1 manifest', () => {
  itRunsAsInCi();

  if (!chromiumInstalled) return;

  let service: RunningService;
  let tify: { server: Server; url: string };
  let dataDir: string;
  let seedDir: string;
  let context: BrowserContext;
  let page: Page;
  let profileDir: string;
  const pageErrors: string[] = [];
  const failedResponses: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'archive-tify2-'));
    seedDir = await mkdtemp(join(tmpdir(), 'archive-tify2-seed-'));
    await copyFile(repoPath('data/records/110020.txt'), join(seedDir, '110020.txt'));
    await copyFile(repoPath('data/records/110020.json'), join(seedDir, '110020.json'));
    [service, tify] = await Promise.all([startService({ PORT: '0', DATA_DIR: dataDir }, { inMemory: true, seedDir, log: () => {} }), serveTify()]);
    ({ context, page, profileDir } = await launchChromium());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.url()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await Promise.all([
      service?.close(),
      tify && new Promise<void>((resolve) => tify.server.close(() => resolve())),
      profileDir && rm(profileDir, { recursive: true, force: true }),
      dataDir && rm(dataDir, { recursive: true, force: true }),
      seedDir && rm(seedDir, { recursive: true, force: true }),
    ]);
  });

  const setPage = (n: number) => page.evaluate((p) => (window as unknown as { tify: { setPage(p: number): unknown } }).tify.setPage(p), n);

  it('shows the translation on every leaf and paints each through the Image API 2.1', async () => {
    const manifest = `${service.config.publicBaseUrl}/iiif/2/110020/manifest`;
    await page.goto(`${tify.url}/?manifest=${encodeURIComponent(manifest)}`);
    await page.waitForFunction(() => (window as unknown as { tify?: { ready?: Promise<unknown> } }).tify?.ready !== undefined);
    await page.evaluate(() => (window as unknown as { tify: { ready: Promise<unknown> } }).tify.ready);
    for (const n of [1, 2, 3, 4]) {
      await setPage(n);
      await expect.poll(async () => (await page.locator('.tify-text').textContent()) ?? '', { timeout: 15_000 }).toContain(TRANSLATION_START);
    }
    const base = service.config.publicBaseUrl;
    const painted = (leaf: number) => requests.some((url) => url.startsWith(`${base}/iiif/image/2/110020-l${leaf}/`) && !url.endsWith('/info.json'));
    await expect.poll(() => [37, 38, 39, 40].filter(painted), { timeout: 15_000 }).toEqual([37, 38, 39, 40]);
    expect(requests.filter((url) => url.startsWith(`${base}/iiif/image/3/`) || url.startsWith(`${base}/iiif/3/`))).toEqual([]);
    expect(requests).toContain(`${base}/iiif/2/110020/annotations/translation-en`);
  }, 60_000);

  it('fetches nothing that fails and raises no script errors', () => {
    expect(failedResponses).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
