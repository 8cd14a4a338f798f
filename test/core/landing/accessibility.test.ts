/**
 * The pages for people, served by the local service (embedded DynamoDB and S3, the real ingest
 * with its placeholder images), checked by axe-core in headless Chromium: the home page, the
 * landing pages of a record with placeholder images and of a record with nothing to view, and the
 * tombstone page of a withdrawn record, in the light and the dark colour scheme. None may have a
 * serious or critical violation.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../../functions/local/start-service.ts';
import { CHROMIUM, CHROMIUM_ARGS, chromiumInstalled } from '../../support/chromium.ts';
import { buildExport } from '../../support/export-builder.ts';

const TOKEN = 'accessibility-test-token-0123456789';
/** A record whose source names no leaves: no images at all. */
const NOTE_ONLY = '200002';
/** A record withdrawn after it was published. */
const WITHDRAWN = '200003';

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
type AxeResults = { violations: Violation[]; passes: unknown[] };

let service: RunningService;
let dataDir: string;
let browser: Browser;
let axeSource: string;

async function admin(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${service.url}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
  });
  if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
}

const ingest = (id: string, fields: { [label: string]: string }, title: string) =>
  admin('/admin/ingest', {
    fileName: `${id}.txt`,
    export: Buffer.from(buildExport({ title, fields: { 'Record ID': id, ...fields } })).toString('base64'),
  });

describe('pages for people in axe-core', () => {
  it('has a browser to run in, as it must in CI', () => {
    if (!chromiumInstalled && process.env.CI) throw new Error(`No Chromium at ${CHROMIUM}: CI must install it.`);
    if (!chromiumInstalled) console.warn(`Accessibility test not run: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
    expect(chromiumInstalled || !process.env.CI).toBe(true);
  });

  if (!chromiumInstalled) return;

  beforeAll(async () => {
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    dataDir = await mkdtemp(join(tmpdir(), 'archive-axe-'));
    service = await startService({ PORT: '0', DATA_DIR: dataDir, INGEST_API_TOKEN: TOKEN }, { inMemory: true, log: () => {} });
    await ingest(NOTE_ONLY, { Source: 'Obtained by the project from a private collection.' }, 'A note on a conversation');
    await ingest(WITHDRAWN, { Source: 'RGANI, f. 5, op. 30, d. 163, ll. 1-3.' }, 'A memorandum later withdrawn');
    await admin(`/admin/withdraw/${WITHDRAWN}`, { reason: 'Withdrawn at the request of the rights holder.' });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** axe-core's violations on the page at `path`, as served (its own CSP in force), in one colour scheme. */
  async function violations(path: string, colorScheme: 'light' | 'dark', expectedStatus: number): Promise<Violation[]> {
    const context = await browser.newContext({ colorScheme });
    try {
      const page = await context.newPage();
      const res = await page.goto(`${service.url}${path}`);
      expect(res?.status()).toBe(expectedStatus);
      // Evaluated through the DevTools protocol, so the page's CSP (no inline script) does not apply.
      await page.evaluate(axeSource);
      const results = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
        const { violations, passes } = await axe.run(document, {});
        return { violations, passes: passes.map(() => null) };
      })) as AxeResults;
      // axe ran its rules (an injection that failed would find nothing, and pass nothing).
      expect(results.passes.length).toBeGreaterThan(10);
      return results.violations;
    } finally {
      await context.close();
    }
  }

  it('checks the pages the issue names: placeholders said as such, no viewer when there is nothing to view', async () => {
    const placeholders = await (await fetch(`${service.url}/records/110020`, { headers: { Accept: 'text/html' } })).text();
    expect(placeholders).toContain('No scans yet: the viewer shows placeholder images for ll. 37-40.');
    const nothing = await (await fetch(`${service.url}/records/${NOTE_ONLY}`, { headers: { Accept: 'text/html' } })).text();
    expect(nothing).not.toContain('class="viewer"');
    expect(nothing).not.toContain('/viewer?manifest=');
  });

  const describeViolations = (found: Violation[]) =>
    found.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');

  it.each([
    ['the home page', '/', 200],
    ['the landing page of a record with placeholder images', '/records/110020', 200],
    ['the landing page of a record with nothing to view', `/records/${NOTE_ONLY}`, 200],
    ['the tombstone page of a withdrawn record', `/records/${WITHDRAWN}`, 410],
  ])(
    '%s has no serious or critical violation, light and dark',
    async (_label, path, status) => {
      for (const scheme of ['light', 'dark'] as const) {
        const found = await violations(path, scheme, status);
        if (found.length > 0) console.info(`axe on ${path} (${scheme}):\n${describeViolations(found)}`);
        const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious, `${path} (${scheme}):\n${describeViolations(serious)}`).toEqual([]);
      }
    },
    120_000,
  );
});
