/**
 * Mirador's search panel on the local service (embedded DynamoDB and S3, the real ingest): it
 * finds the search service the 110020 manifest declares (Content Search 1.0, which Mirador 4
 * reads), shows the hits for `Kim Il Sung` with their context, completes a term, and a click on a
 * hit takes the viewer to the hit's canvas.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../functions/local/start-service.ts';
import { chromiumInstalled, itRunsAsInCi, launchChromium } from '../support/chromium.ts';
import { repoPath } from '../support/fixtures.ts';

const SCREENSHOT = repoPath('test-artifacts/mirador-110020-search.png');

describe('Mirador’s search panel in headless Chromium', () => {
  itRunsAsInCi();

  if (!chromiumInstalled) return;

  let service: RunningService;
  let dataDir: string;
  let context: BrowserContext;
  let page: Page;
  let profileDir: string;
  let expectedHits: { match: string; before: string }[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'archive-e2e-search-'));
    service = await startService({ PORT: '0', DATA_DIR: dataDir }, { inMemory: true, log: () => {} });
    const base = service.config.publicBaseUrl;
    expectedHits = ((await (await fetch(`${service.url}/iiif/search/1/110020?q=Kim%20Il%20Sung`)).json()) as { hits: { match: string; before: string }[] })
      .hits;
    ({ context, page, profileDir } = await launchChromium());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${base}/viewer?manifest=${encodeURIComponent(`${base}/iiif/3/110020/manifest`)}`);
  }, 120_000);

  afterAll(async () => {
    if (page) {
      await mkdir(repoPath('test-artifacts'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
    }
    await context?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
    await service?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const canvasLabel = () => page.locator('.mirador-osd-info').textContent();
  const showLeaf = async (index: number) => {
    await page.locator('.mirador-thumbnail-nav-canvas').nth(index).click();
    await expect.poll(canvasLabel, { timeout: 15_000 }).toContain(`l. ${37 + index}`);
  };
  const panel = () => page.locator('aside[aria-label="Search"]');

  it('offers a search panel for the record, found from the manifest’s search service', async () => {
    await page.locator('.mirador-thumbnail-nav-canvas').first().waitFor({ state: 'visible', timeout: 45_000 });
    await showLeaf(3);
    const tab = page.getByRole('tab', { name: 'Search' });
    await tab.waitFor({ state: 'visible', timeout: 15_000 });
    await tab.click();
    await panel().waitFor({ state: 'visible', timeout: 15_000 });
  }, 90_000);

  it('completes the start of a name from the autocomplete service', async () => {
    const input = panel().getByRole('combobox');
    await input.fill('kim i');
    await expect.poll(() => page.getByRole('option').allTextContents(), { timeout: 15_000 }).toContain('kim il');
    await input.fill('');
  }, 30_000);

  it('shows every hit for Kim Il Sung with the text around it', async () => {
    expect(expectedHits.length).toBeGreaterThanOrEqual(3);
    const input = panel().getByRole('combobox');
    await input.fill('Kim Il Sung');
    await input.press('Enter');
    const hits = panel()
      .locator('strong')
      .filter({ hasText: /^kim il sung$/i });
    await expect.poll(() => hits.count(), { timeout: 20_000 }).toBe(expectedHits.length);
    const text = (await panel().textContent()) ?? '';
    const [withContext] = expectedHits.filter((hit) => hit.before.length > 10);
    expect(text).toContain(withContext?.before.trim().split(' ').slice(-2).join(' '));
    // Mirador moves to the first hit's canvas on its own: l. 37, where the undivided translation begins.
    await expect.poll(canvasLabel, { timeout: 15_000 }).toContain('l. 37');
  }, 60_000);

  it('takes the viewer to the canvas of a hit clicked in the list', async () => {
    await showLeaf(2);
    await panel()
      .locator('strong')
      .filter({ hasText: /^kim il sung$/i })
      .nth(1)
      .click();
    await expect.poll(canvasLabel, { timeout: 15_000 }).toContain('l. 37');
  }, 60_000);

  it('raises no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
