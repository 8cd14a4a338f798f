/**
 * A second IIIF viewer, TIFY (from the npm registry), in headless Chromium against the local
 * service: it reads the texts from the AnnotationPages each canvas references, one canvas at a
 * time, so it shows whether every leaf offers the translation. Seeded with record 110020 (four
 * leaves, one undivided translation) and a record whose Source cites no leaf and whose text
 * holds markup, which must show as text beside the document's placeholder image.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../functions/local/start-service.ts';
import { CHROMIUM, chromiumInstalled, itRunsAsInCi, launchChromium } from '../support/chromium.ts';
import { buildExport } from '../support/export-builder.ts';
import { repoPath } from '../support/fixtures.ts';
import { serveTify } from '../support/tify-page.ts';

const TRANSLATION_START = 'SECOND MAIN ADMINISTRATION OF THE GENERAL STAFF OF THE SOVIET ARMY';
const TRANSLATION_END = 'With bolshevik greetings!';
const NO_LEAF_ID = '900001';
const HOSTILE = 'The cipher clerk wrote <img src=x onerror="document.title=\'pwned\'"> in the margin.';

if (!chromiumInstalled) console.warn(`\n!! TIFY BROWSER TEST SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium).\n`);

describe('TIFY in headless Chromium', () => {
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
    dataDir = await mkdtemp(join(tmpdir(), 'archive-tify-'));
    seedDir = await mkdtemp(join(tmpdir(), 'archive-tify-seed-'));
    await copyFile(repoPath('data/records/110020.txt'), join(seedDir, '110020.txt'));
    await copyFile(repoPath('data/records/110020.json'), join(seedDir, '110020.json'));
    const noLeaf = buildExport({
      title: 'Note on a conversation, as translated',
      body: `${HOSTILE}\n\nA second paragraph & its ampersand.`,
      fields: { Source: 'Obtained and translated for CWIHP by Kathryn Weathersby.', 'Record ID': NO_LEAF_ID },
    });
    await writeFile(join(seedDir, `${NO_LEAF_ID}.txt`), noLeaf);
    [service, tify] = await Promise.all([startService({ PORT: '0', DATA_DIR: dataDir }, { inMemory: true, seedDir, log: () => {} }), serveTify()]);
    await mkdir(repoPath('test-artifacts'), { recursive: true });
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

  const manifestOf = (id: string) => `${service.config.publicBaseUrl}/iiif/3/${id}/manifest`;
  const open = async (id: string) => {
    await page.goto(`${tify.url}/?manifest=${encodeURIComponent(manifestOf(id))}`);
    await page.waitForFunction(() => (window as unknown as { tify?: { ready?: Promise<unknown> } }).tify?.ready !== undefined);
    await page.evaluate(() => (window as unknown as { tify: { ready: Promise<unknown> } }).tify.ready);
  };
  const textView = () => page.locator('.tify-text');
  const setPage = (n: number) => page.evaluate((p) => (window as unknown as { tify: { setPage(p: number): unknown } }).tify.setPage(p), n);

  it('offers the translation on every leaf of 110020, ll. 37-40', async () => {
    await open('110020');
    const shown: { page: number; start: boolean; end: boolean; missing: boolean }[] = [];
    for (const n of [1, 2, 3, 4]) {
      await setPage(n);
      await expect.poll(async () => (await textView().textContent()) ?? '', { timeout: 15_000 }).toContain(TRANSLATION_START);
      const text = (await textView().textContent()) ?? '';
      shown.push({ page: n, start: text.includes(TRANSLATION_START), end: text.includes(TRANSLATION_END), missing: text.includes('Text not available') });
    }
    expect(shown).toEqual([1, 2, 3, 4].map((n) => ({ page: n, start: true, end: true, missing: false })));
    // Each leaf was painted too: TIFY asked the image service for pixels of all four.
    const painted = (leaf: number) =>
      requests.some((url) => url.startsWith(`${service.config.publicBaseUrl}/iiif/image/3/110020-l${leaf}/`) && !url.endsWith('/info.json'));
    await expect.poll(() => [37, 38, 39, 40].filter(painted), { timeout: 15_000 }).toEqual([37, 38, 39, 40]);
    await page.screenshot({ path: repoPath('test-artifacts/tify-110020-l40.png') });
  }, 40_000);

  it('keeps the translation in its paragraphs', async () => {
    const paragraphs = await textView().locator('.tify-text-item p').allTextContents();
    expect(paragraphs.slice(0, 2)).toEqual([TRANSLATION_START, 'CIPHERED TELEGRAM']);
    expect(paragraphs.length).toBeGreaterThan(20);
  });

  it('paints a record whose Source cites no leaf with its placeholder, and shows markup in its text as text', async () => {
    await open(NO_LEAF_ID);
    await expect.poll(async () => (await textView().textContent()) ?? '', { timeout: 15_000 }).toContain(HOSTILE);
    expect(await textView().locator('img').count()).toBe(0);
    expect(await page.title()).toBe('TIFY');
    const image = `${service.config.publicBaseUrl}/iiif/image/3/${NO_LEAF_ID}-l0/`;
    await expect.poll(() => requests.filter((url) => url.startsWith(image) && !url.endsWith('info.json')).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('.tify-error').count()).toBe(0);
    expect(requests.filter((url) => /\/x$/.test(new URL(url).pathname))).toEqual([]);
    await page.screenshot({ path: repoPath(`test-artifacts/tify-${NO_LEAF_ID}.png`) });
  }, 40_000);

  it('fetches nothing that fails and raises no script errors', () => {
    expect(failedResponses).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
