/**
 * End to end on the local service (embedded DynamoDB and S3, real ingest with its image
 * deriver, image service and all): every IIIF document it serves for the seeded records, and
 * Mirador in headless Chromium showing record 110020 with its four leaves and its translation.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../functions/local/start-service.ts';
import { CHROMIUM, chromiumInstalled, itRunsAsInCi, launchChromium } from '../support/chromium.ts';
import { repoPath } from '../support/fixtures.ts';
import { coverageProblems, followedByCrawl, probeUrl, referencedIds, schemaErrors, schemaFragmentOf, semanticProblems } from '../support/iiif-checks.ts';

type Json = { [key: string]: unknown };

const SCREENSHOT = repoPath('test-artifacts/mirador-110020.png');

const TITLE =
  'Telegram from Mao Zedong to I.V. Stalin, Conveying the 19 January 1951 Telegram from Peng Dehuai to Mao Zedong regarding Meetings with Kim Il Sung';
const TRANSLATION_START = 'SECOND MAIN ADMINISTRATION OF THE GENERAL STAFF OF THE SOVIET ARMY';

if (!chromiumInstalled) {
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n!! BROWSER TEST SKIPPED: no Chromium at ${CHROMIUM}.\n!! Mirador was NOT checked in a browser. Install it with: apt-get install -y chromium\n!! (CI installs it in .ci/run, and there this test fails instead of skipping.)\n${bar}\n`,
  );
}

let service: RunningService;
let dataDir: string;
let base: string;
/** The public base URL the service writes into ids, and the loopback address it listens on. */
const fetchable = (id: string) => id.replace(base, service.url);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'archive-e2e-'));
  service = await startService({ PORT: '0', DATA_DIR: dataDir }, { inMemory: true, log: () => {} });
  base = service.config.publicBaseUrl;
}, 120_000);

afterAll(async () => {
  await service?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('IIIF on the local service', () => {
  const served = new Map<string, Json>();

  beforeAll(async () => {
    const queue = [`${base}/iiif/3/collection/top`];
    while (queue.length > 0) {
      const url = queue.shift() as string;
      if (served.has(url)) continue;
      const res = await fetch(fetchable(url));
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      const document = (await res.json()) as Json;
      served.set(url, document);
      for (const ref of referencedIds(document)) if (followedByCrawl(ref) && ref.id.startsWith(`${base}/iiif/3/`)) queue.push(ref.id);
    }
  }, 60_000);

  it('serves manifests, collections, canvases, pages, annotations and ranges that validate against the IIIF schema and pass the semantic checks', () => {
    expect([...served.keys()]).toEqual(
      expect.arrayContaining([`${base}/iiif/3/110020/manifest`, `${base}/iiif/3/110020/annotations/translation-en`, `${base}/iiif/3/110020/range/document`]),
    );
    const manifestCanvases = [...served.values()].flatMap((doc) => (doc.type === 'Manifest' ? (doc.items as { id: string }[]).map((c) => c.id) : []));
    const problems = [...served].flatMap(([url, doc]) => [
      ...schemaErrors(doc, schemaFragmentOf(doc)).map((e) => `${url}: ${e}`),
      ...semanticProblems(doc, url, ['Manifest', 'Collection'].includes(String(doc.type)) ? [] : manifestCanvases).map((p) => `${url}: ${p}`),
      ...(doc.type === 'Manifest' ? coverageProblems(doc, served).map((p) => `${url}: ${p}`) : []),
    ]);
    expect(problems).toEqual([]);
  });

  it('declares every painting body at exactly the size its URL serves', async () => {
    const bodies = [...served.values()].flatMap((doc) =>
      doc.type === 'Manifest'
        ? (doc.items as { items: { items: { body: { id: string; width: number; height: number } }[] }[] }[]).flatMap((canvas) =>
            canvas.items.flatMap((page) => page.items.map((annotation) => annotation.body)),
          )
        : [],
    );
    expect(bodies.length).toBeGreaterThanOrEqual(4);
    for (const body of bodies) {
      const { width, height } = await sharp(Buffer.from(await (await fetch(fetchable(body.id))).arrayBuffer())).metadata();
      expect({ id: body.id, width, height }).toEqual({ id: body.id, width: body.width, height: body.height });
    }
  }, 30_000);

  it('paints every canvas of 110020 through an image service whose info.json matches what the manifest says', async () => {
    const manifest = served.get(`${base}/iiif/3/110020/manifest`) as {
      items: { width: number; height: number; items: { items: { body: { service: { id: string; profile: string }[] } }[] }[] }[];
    };
    expect(manifest.items).toHaveLength(4);
    for (const canvas of manifest.items) {
      const [service] = canvas.items[0]?.items[0]?.body.service ?? [];
      expect(service).toBeDefined();
      const info = (await (await fetch(fetchable(`${service?.id}/info.json`))).json()) as { id: string; profile: string; width: number; height: number };
      expect(info).toMatchObject({ id: service?.id, profile: service?.profile, width: canvas.width, height: canvas.height });
    }
  });

  it('references only ids that resolve: our pages, renderings, collections, image services and images', async () => {
    const failures: string[] = [];
    const checked = new Set<string>();
    for (const document of served.values()) {
      for (const ref of referencedIds(document)) {
        if (!ref.id.startsWith(base) || checked.has(ref.id)) continue;
        checked.add(ref.id);
        const url = probeUrl(ref);
        const res = await fetch(fetchable(url), { headers: { Accept: ref.format ?? '*/*' } });
        const type = res.headers.get('content-type') ?? '';
        await res.arrayBuffer();
        if (res.status !== 200) failures.push(`${ref.role} ${url}: ${res.status}`);
        else if (ref.format && !type.startsWith(ref.format)) failures.push(`${ref.role} ${url}: served as ${type}, promised ${ref.format}`);
      }
    }
    expect(checked.size).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  }, 60_000);
});

describe('Mirador in headless Chromium', () => {
  itRunsAsInCi();

  if (!chromiumInstalled) return;

  let context: BrowserContext;
  let page: Page;
  let profileDir: string;
  const pageErrors: string[] = [];
  const policyViolations: string[] = [];

  beforeAll(async () => {
    ({ context, page, profileDir } = await launchChromium());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    const manifest = `${base}/iiif/3/110020/manifest`;
    await page.goto(`${base}/viewer?manifest=${encodeURIComponent(manifest)}`);
  }, 60_000);

  afterAll(async () => {
    if (page) {
      await mkdir(repoPath('test-artifacts'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
    }
    await context?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  it("shows the record's title", async () => {
    const heading = page.getByRole('heading', { name: TITLE });
    await heading.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await heading.textContent()).toBe(TITLE);
  });

  it('shows four thumbnails, labelled l. 37 to l. 40', async () => {
    const thumbnails = page.locator('.mirador-thumbnail-nav-canvas');
    await expect.poll(() => thumbnails.count(), { timeout: 30_000 }).toBe(4);
    expect(await thumbnails.allTextContents()).toEqual(['l. 37', 'l. 38', 'l. 39', 'l. 40']);
  });

  it('draws the image of l. 37', async () => {
    const viewer = page.locator('.mirador-osd-container');
    await viewer.waitFor({ state: 'visible', timeout: 30_000 });
    const inkedPixels = async () => {
      const box = await viewer.boundingBox();
      if (!box) return 0;
      // The middle of the viewer, clear of Mirador's own controls along its bottom and edges.
      const clip = { x: box.x + box.width * 0.25, y: box.y + box.height * 0.1, width: box.width * 0.5, height: box.height * 0.6 };
      const { data, info } = await sharp(await page.screenshot({ clip }))
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      let inked = 0;
      for (let i = 0; i < data.length; i += info.channels) if (Math.max(data[i] ?? 255, data[i + 1] ?? 255, data[i + 2] ?? 255) < 128) inked++;
      return inked;
    };
    // Blank, the middle of the viewer is one flat colour; drawn, it holds the placeholder's lettering.
    await expect.poll(inkedPixels, { timeout: 45_000, interval: 500 }).toBeGreaterThan(500);
    // Mirador reports a failed image request in a dialog whose backdrop would darken the viewer too.
    expect(await page.getByRole('dialog').count()).toBe(0);
  }, 60_000);

  it('shows the translation in its annotations panel', async () => {
    const panel = page.locator('.mirador-window-sidebar-annotation-panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain(TRANSLATION_START);
    expect(await panel.textContent()).toContain('With bolshevik greetings!');
  });

  it('offers the translation on every leaf: the panel shows it on l. 38, l. 39 and l. 40 too', async () => {
    const panel = page.locator('.mirador-window-sidebar-annotation-panel');
    const thumbnails = page.locator('.mirador-thumbnail-nav-canvas');
    for (const index of [1, 2, 3]) {
      await thumbnails.nth(index).click();
      await expect.poll(() => page.locator('.mirador-osd-info').textContent(), { timeout: 15_000 }).toContain(`l. ${37 + index}`);
      await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain(TRANSLATION_START);
    }
  }, 60_000);

  it('raises no script errors, and loads nothing its Content-Security-Policy refuses', () => {
    expect(pageErrors).toEqual([]);
    expect(policyViolations).toEqual([]);
  });
});
