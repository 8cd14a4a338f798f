/**
 * The landing page in headless Chromium, served over HTTP by the app: under its own
 * Content-Security-Policy the inline script runs (no violation), fills the citation box from the
 * citation route, follows the style selector and copies the citation; with JavaScript off, the
 * page is still complete and its citation link leads to the formatted citation.
 */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app.ts';
import { CHROMIUM, CHROMIUM_ARGS, chromiumInstalled } from '../../support/chromium.ts';
import { fixedClock, seededStores, testConfig } from '../../support/fixtures.ts';

describe('the landing page in a browser', () => {
  it('has a browser to run in, as it must in CI', () => {
    if (!chromiumInstalled && process.env.CI) throw new Error(`No Chromium at ${CHROMIUM}: CI must install it.`);
    if (!chromiumInstalled) console.warn(`Landing page browser test not run: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
    expect(chromiumInstalled || !process.env.CI).toBe(true);
  });

  if (!chromiumInstalled) return;

  let server: ReturnType<typeof createAdaptorServer>;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    let app: ReturnType<typeof createApp> | undefined;
    server = createAdaptorServer({ fetch: (request: Request) => (app ? app.fetch(request) : new Response('starting', { status: 503 })) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { records } = await seededStores();
    app = createApp({ config: testConfig({ PUBLIC_BASE_URL: base }), records, clock: fixedClock() });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('runs its script under its CSP, fills the citation box, follows the selector and copies', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      // The browser's own request for /favicon.ico (the service has none) is not the page's doing.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(`${message.text()} ${message.location().url}`);
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(`${base}/records/110020`);

    const citation = page.locator('#citation-text');
    await expect.poll(() => citation.textContent(), { timeout: 60_000 }).toMatch(/^Mao Zedong\. “Telegram from Mao Zedong to I\.V\. Stalin/);

    await page.selectOption('#cite-style', 'apa');
    await expect.poll(() => citation.textContent(), { timeout: 60_000 }).toMatch(/^Mao, Z\. \(1951, January 27\)\./);

    const copy = page.locator('#copy-citation');
    await expect.poll(() => copy.isVisible(), { timeout: 10_000 }).toBe(true);
    await copy.click();
    await expect.poll(() => copy.textContent(), { timeout: 10_000 }).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Mao, Z\. \(1951, January 27\)\./);

    expect(problems, problems.join('\n')).toEqual([]);
    await context.close();
  }, 120_000);

  it('is complete without JavaScript, and its citation link leads to the formatted citation', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/records/110020`);
    expect(await page.locator('h1').textContent()).toContain('Telegram from Mao Zedong to I.V. Stalin');
    expect(await page.locator('.translation').textContent()).toContain('With bolshevik greetings!');
    expect(await page.locator('#cite-form button[type="submit"]').isVisible()).toBe(true);
    await page.locator('#citation-text a').click();
    await page.waitForURL(/\/records\/110020\/citation\?/);
    expect(await page.locator('body').textContent()).toMatch(/^Mao Zedong\. “Telegram from Mao Zedong/);
    await context.close();
  }, 120_000);
});
