/**
 * A batch ingest (exports with and without scans) killed partway (SIGKILL, no cleanup) and run
 * again: the second run takes up where the first stopped, and the store ends as one clean run
 * leaves it: every record once, at version 1, complete, and no object in the bucket twice or
 * without a record pointing to it. Progress goes to stderr, one report line per file to stdout.
 */

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client, createStores } from '../../functions/adapters/aws-clients.ts';
import { pyramidKey, textObjectKey } from '../../functions/core/bucket-layout.ts';
import { isTombstone } from '../../functions/core/ports.ts';
import { sha256Hex } from '../../functions/core/records/record-fingerprint.ts';
import { searchIndexKeyOf } from '../../functions/core/search/record-search-index.ts';
import { searchSources } from '../../functions/core/search/search-sources.ts';
import { startLocalStack } from '../../functions/local/local-stack.ts';
import { buildExport } from '../support/export-builder.ts';
import { repoPath, testConfig } from '../support/fixtures.ts';

const RECORDS = 40;
const ids = Array.from({ length: RECORDS }, (_, i) => String(710000 + i));
/** Every other record has scans of both its leaves; the rest get placeholders. */
const scanned = (index: number) => index % 2 === 0;

let root: string;
let dataDir: string;
let exportsDir: string;
let scansDir: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'archive-bulk-kill-'));
  dataDir = join(root, 'data');
  exportsDir = join(root, 'exports');
  scansDir = join(root, 'scans');
  await mkdir(exportsDir, { recursive: true });
  for (const [index, id] of ids.entries()) {
    const source = `RGANI, f. 5, op. 30, d. ${index + 1}, ll. 7-8.`;
    await writeFile(join(exportsDir, `${id}.txt`), buildExport({ title: `Memorandum ${id}`, fields: { 'Record ID': id, Source: source } }));
    if (!scanned(index)) continue;
    await mkdir(join(scansDir, id), { recursive: true });
    for (const leaf of ['7', '8']) {
      const scan = await sharp({ create: { width: 300, height: 420, channels: 3, background: { r: 200, g: 190, b: index } } })
        .jpeg()
        .toBuffer();
      await writeFile(join(scansDir, id, `${leaf}.jpg`), scan);
    }
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

interface Run {
  code: number | null;
  out: string[];
  err: string;
}

/** The ingest CLI on the on-disk store; killed (SIGKILL) once `killAfterLines` report lines are out. */
function runIngest(killAfterLines?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', repoPath('functions/operator/cli.ts'), exportsDir, '--images', scansDir], {
      cwd: repoPath('.'),
      env: { ...process.env, DATA_DIR: dataDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { code: null, out: [], err: '' };
    createInterface({ input: child.stdout }).on('line', (line) => {
      run.out.push(line);
      if (killAfterLines !== undefined && run.out.filter((l) => l.startsWith('created')).length >= killAfterLines) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      run.err += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ ...run, code }));
  });
}

/** Every record in the store, checked complete; and every object key in the bucket. */
async function inspectStore() {
  const config = testConfig({ DATA_DIR: dataDir });
  const stack = await startLocalStack(config);
  try {
    const endpoints = { ...config, dynamodbEndpoint: stack.dynamodbEndpoint, s3Endpoint: stack.s3Endpoint };
    const { records, blobs } = createStores(endpoints);
    const s3 = createS3Client(endpoints);
    const keys: string[] = [];
    for (let token: string | undefined, first = true; first || token; first = false) {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: config.bucketName, ContinuationToken: token }));
      keys.push(...(page.Contents ?? []).map((o) => o.Key ?? ''));
      token = page.NextContinuationToken;
    }
    const present: { id: string; version: number; keys: string[] }[] = [];
    for (const [index, id] of ids.entries()) {
      const entry = await records.get(id);
      if (!entry) continue;
      expect(isTombstone(entry)).toBe(false);
      if (isTombstone(entry)) continue;
      // Complete: the export and text it points to are stored byte for byte, and so is each leaf's pyramid.
      expect(sha256Hex(await blobs.get(entry.provenance.sourceKey))).toBe(entry.provenance.sourceSha256);
      const text = entry.texts[0];
      expect(text?.text.startsWith('First line of the body.')).toBe(true);
      const textKey = text ? textObjectKey(id, sha256Hex(text.text), text) : '';
      expect(new TextDecoder().decode(await blobs.get(textKey))).toBe(text?.text);
      expect(entry.images.map((image) => [image.leaf.number, image.placeholder])).toEqual([
        [7, !scanned(index)],
        [8, !scanned(index)],
      ]);
      const pyramids = entry.images.map((image) => pyramidKey(id, image.leaf, image.sha256));
      for (const key of pyramids) expect(keys).toContain(key);
      // And its search index, beside the text.
      const indexKey = searchIndexKeyOf(id, searchSources(entry));
      expect(keys).toContain(indexKey);
      present.push({ id, version: entry.version, keys: [entry.provenance.sourceKey, textKey, indexKey, ...pyramids] });
    }
    return { present, keys };
  } finally {
    await stack.close();
  }
}

describe('a batch ingest killed and run again', () => {
  it('ends with every record once and complete, and no object twice or orphaned', async () => {
    const killed = await runIngest(RECORDS / 4);
    expect(killed.code).toBeNull();
    const afterKill = await inspectStore();
    const done = afterKill.present.length;
    expect(done).toBeGreaterThanOrEqual(RECORDS / 4);
    expect(done).toBeLessThan(RECORDS);

    const rerun = await runIngest();
    expect(rerun.code).toBe(0);
    // What the killed run stored is left as it is; the rest is created.
    const count = (status: string) => Number(new RegExp(`(\\d+) ${status}\\b`).exec(rerun.out[rerun.out.length - 1] ?? '')?.[1]);
    expect(count('unchanged')).toBe(done);
    expect(count('created')).toBe(RECORDS - done);
    for (const { id } of afterKill.present) expect(rerun.out).toContainEqual(expect.stringMatching(new RegExp(`^unchanged\\s+\\S*${id}\\.txt`)));
    expect(rerun.err).toMatch(new RegExp(`progress: ${RECORDS}/${RECORDS} in \\S+, [\\d.]+ files/s`));

    const { present, keys } = await inspectStore();
    expect(present.map((r) => [r.id, r.version])).toEqual(ids.map((id) => [id, 1]));
    // Per record: the export, its text, its search index, and per leaf the original, the pyramid
    // and the pyramid's declared tiles (beside it, by its digest); nothing else.
    const isTile = (key: string) => key.includes('.tiles/');
    for (const record of present) {
      const own = keys.filter((key) => key.split('/')[1] === record.id);
      const whole = own.filter((key) => !isTile(key));
      expect(whole).toHaveLength(3 + 2 * 2);
      for (const key of record.keys) expect(whole).toContain(key);
      const tileFolders = record.keys.filter((key) => key.endsWith('.pyramid.tif')).map((key) => key.replace(/\.pyramid\.tif$/, '.tiles/'));
      for (const folder of tileFolders) expect(own.some((key) => key.startsWith(folder))).toBe(true);
      for (const tile of own.filter(isTile)) expect(tileFolders.some((folder) => tile.startsWith(folder))).toBe(true);
    }
    expect(keys.filter((key) => !isTile(key))).toHaveLength(RECORDS * 7);
  }, 240_000);
});
