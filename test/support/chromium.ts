/** Debian's Chromium for the browser tests (never a downloaded browser: this machine has no such network). */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, it } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags that work for Debian's Chromium on these machines (see STACK-NOTES). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumInstalled = existsSync(CHROMIUM);

/** A browser suite's first test: here a missing Chromium skips the browser checks (loudly), in CI it fails them. */
export function itRunsAsInCi(): void {
  it('runs here, as it must in CI', () => {
    if (!chromiumInstalled && process.env.CI) throw new Error(`No Chromium at ${CHROMIUM}: CI must install it (.ci/run does: apt-get install chromium).`);
    expect(chromiumInstalled || !process.env.CI).toBe(true);
  });
}

/** Debian's Chromium with a fresh profile, headless, at a desktop viewport; close the context when done. */
export async function launchChromium(): Promise<{ context: BrowserContext; page: Page; profileDir: string }> {
  const profileDir = await mkdtemp(join(tmpdir(), 'archive-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()), profileDir };
}
