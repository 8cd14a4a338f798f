/**
 * What an archivist does over time, with the CLI against a running local server (the real local
 * stack): scans are kept until replaced or removed, a withdrawal sticks until a record is
 * reinstated with a reason, and every reason a file fails reaches the person who ran the command.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../../functions/local/start-service.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { runTool } from '../../support/external-tool.ts';
import { EXPORT_110020, OVERLAY_110020, repoPath } from '../../support/fixtures.ts';

let root: string;
let service: RunningService;

/** The CLI as a user runs it; it finds the running server through DATA_DIR. */
const ingest = (...args: string[]) =>
  runTool(process.execPath, ['--import', 'tsx', repoPath('functions/operator/cli.ts'), ...args], {
    cwd: repoPath('.'),
    env: { ...process.env, DATA_DIR: join(root, 'data'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    timeoutMs: 120_000,
  });

const recordJson = async (id: string) => (await (await fetch(`${service.url}/records/${id}.json`)).json()) as ArchivalRecord;
const scan = (width: number, height: number, red: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: red, g: 120, b: 90 } } })
    .jpeg()
    .toBuffer();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'archive-keeps-'));
  await mkdir(join(root, 'exports'));
  await mkdir(join(root, 'no-seed'));
  await mkdir(join(root, 'scans', '110020'), { recursive: true });
  await copyFile(EXPORT_110020, join(root, 'exports', '110020.txt'));
  await copyFile(OVERLAY_110020, join(root, 'exports', '110020.json'));
  await writeFile(join(root, 'scans', '110020', '37.jpg'), await scan(600, 840, 200));
  await writeFile(join(root, 'scans', '110020', '38.jpg'), await scan(600, 840, 150));
  service = await startService({ PORT: '0', DATA_DIR: join(root, 'data') }, { inMemory: true, seedDir: join(root, 'no-seed'), log: () => {} });
}, 120_000);

afterAll(async () => {
  await service?.close();
  await rm(root, { recursive: true, force: true });
});

describe('scans are facts kept until replaced', () => {
  it('reports the scans a first ingest adds', async () => {
    const run = await ingest(join(root, 'exports', '110020.txt'), '--images', join(root, 'scans'));
    expect(run.stdout).toMatch(/created\s+\S*110020\.txt -> record 110020 v1 .*; scans added l\. 37, l\. 38/);
    const images = (await recordJson('110020')).images;
    expect(images.map((image) => [image.id, image.placeholder, image.width])).toEqual([
      ['110020-l37', false, 600],
      ['110020-l38', false, 600],
      ['110020-l39', true, 1000],
      ['110020-l40', true, 1000],
    ]);
  }, 150_000);

  it('keeps them, unchanged, when the export is ingested again without --images', async () => {
    const before = await recordJson('110020');
    const run = await ingest(join(root, 'exports'));
    expect(run.stdout).toMatch(/unchanged\s+\S*110020\.txt -> record 110020 v1 .*; scans kept l\. 37, l\. 38/);
    expect(await recordJson('110020')).toEqual(before);
  }, 150_000);

  it('replaces a scan given anew, and keeps the other', async () => {
    await writeFile(join(root, 'scans', '110020', '38.jpg'), await scan(700, 980, 90));
    await rm(join(root, 'scans', '110020', '37.jpg'));
    const run = await ingest(join(root, 'exports', '110020.txt'), '--images', join(root, 'scans'));
    expect(run.stdout).toMatch(/updated\s+\S*110020\.txt -> record 110020 v2 .*; scans kept l\. 37, replaced l\. 38/);
    const images = (await recordJson('110020')).images;
    expect(images.slice(0, 2).map((image) => [image.placeholder, image.width])).toEqual([
      [false, 600],
      [false, 700],
    ]);
  }, 150_000);

  it('removes a scan only when told to', async () => {
    const run = await ingest('--remove-scans', '110020', '37', '40');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/removed\s+record 110020 v3 .*scans of l\. 37 replaced by placeholders; no scan to remove for l\. 40/);
    expect((await recordJson('110020')).images.map((image) => image.placeholder)).toEqual([true, false, true, true]);
  }, 150_000);
});

describe('a withdrawal sticks', () => {
  it('skips a withdrawn record in a batch ingest, saying so, and exits 0 unless asked', async () => {
    const withdrawal = await ingest('--withdraw', '110020', '--reason', 'Withdrawn at the request of the rights holder.');
    expect(withdrawal.stdout).toMatch(/withdrawn\s+record 110020 v4/);
    const run = await ingest(join(root, 'exports'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/withdrawn \S*110020\.txt -> record 110020 stays withdrawn \(Withdrawn at the request of the rights holder\.\), skipped/);
    expect(run.stdout).toContain('0 created, 0 updated, 0 unchanged, 1 withdrawn, 0 rejected, 0 failed');
    expect((await fetch(`${service.url}/records/110020.json`)).status).toBe(410);
    expect((await ingest(join(root, 'exports'), '--fail-on-withdrawn')).code).toBe(1);
  }, 150_000);

  it('answers the withdrawn record with what it was, when and why: a 410 page for browsers, problem JSON otherwise', async () => {
    const page = await fetch(`${service.url}/records/110020`, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(410);
    // Negotiated on Accept (and, as every compressed answer, on Accept-Encoding).
    const varies = (response: Response) => (response.headers.get('Vary') ?? '').split(',').map((name) => name.trim());
    expect(varies(page)).toContain('Accept');
    expect(varies(await fetch(`${service.url}/records/110020`))).toContain('Accept');
    const html = await page.text();
    expect(html).toContain('Telegram from Mao Zedong to I.V. Stalin');
    expect(html).toContain('APRF, f. 45, op. 1, d. 337, ll. 37-40.');
    expect(html).toContain('January 27, 1951');
    expect(html).toContain('Withdrawn at the request of the rights holder.');
    expect(html).toContain(`${service.config.publicBaseUrl}/records/110020`);
    const problem = (await (await fetch(`${service.url}/records/110020.json`)).json()) as { reason: string; formerly: { source: string } };
    expect(problem.reason).toBe('Withdrawn at the request of the rights holder.');
    expect(problem.formerly.source).toBe('APRF, f. 45, op. 1, d. 337, ll. 37-40.');
  });

  it('brings it back only with --reinstate and a reason, recorded in its provenance', async () => {
    expect((await ingest(join(root, 'exports'), '--reinstate', '110020')).code).toBe(2);
    const run = await ingest(join(root, 'exports'), '--reinstate', '110020', '--reason', 'Rights cleared on 2026-12-01.');
    expect(run.stdout).toMatch(/created\s+\S*110020\.txt -> record 110020 v5 .*, reinstated/);
    const record = await recordJson('110020');
    expect(record.provenance.reinstated?.reason).toBe('Rights cleared on 2026-12-01.');
    // Kept by later ingests of the same export.
    expect((await ingest(join(root, 'exports'))).stdout).toMatch(/unchanged\s+\S*110020\.txt -> record 110020 v5/);
  }, 150_000);
});

describe('every reason a file fails reaches the person who ran the command', () => {
  it('prints a corrupt scan as a rejection naming the leaf, through the running server', async () => {
    await mkdir(join(root, 'bad-scans', '110020'), { recursive: true });
    await writeFile(join(root, 'bad-scans', '110020', '39.jpg'), Buffer.from('this is not a JPEG'));
    const run = await ingest(join(root, 'exports', '110020.txt'), '--images', join(root, 'bad-scans'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/rejected\s+\S*110020\.txt/);
    expect(run.stdout).toMatch(/scans\.39: the scan of leaf 39 of record 110020 is not an image/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/the server answered/);
  }, 150_000);
});
