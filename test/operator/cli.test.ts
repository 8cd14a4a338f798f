/** The ingest CLI on the on-disk local store: a report line per file, a bad file does not stop the batch. */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport } from '../support/export-builder.ts';
import { EXPORT_110020, OVERLAY_110020, repoPath } from '../support/fixtures.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'archive-cli-'));
  await mkdir(join(root, 'exports'));
  await copyFile(EXPORT_110020, join(root, 'exports', '110020.txt'));
  await copyFile(OVERLAY_110020, join(root, 'exports', '110020.json'));
  await writeFile(join(root, 'exports', '200002.txt'), buildExport({ date: 'the spring of 1951', fields: { 'Record ID': '200002' } }));
  await writeFile(join(root, 'exports', '200003.txt'), buildExport({ fields: { 'Record ID': '200003' } }));
});
afterAll(() => rm(root, { recursive: true, force: true }));

function ingest(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', repoPath('functions/operator/cli.ts'), ...args], {
    cwd: repoPath('.'),
    env: { ...process.env, DATA_DIR: join(root, 'data'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run ingest', () => {
  it('ingests a folder, reports each file, and exits 1 because one file was rejected', () => {
    const { code, out } = ingest(join(root, 'exports'));
    expect(code).toBe(1);
    expect(out).toMatch(/created\s+\S*110020\.txt -> record 110020 v1/);
    expect(out).toMatch(/created\s+\S*200003\.txt -> record 200003 v1/);
    expect(out).toMatch(/rejected\s+\S*200002\.txt/);
    expect(out).toMatch(/200002\.txt:3: date: "the spring of 1951" is not a date/);
    expect(out).toContain('2 created, 0 updated, 0 unchanged, 0 withdrawn, 1 rejected, 0 failed');
  }, 150_000);

  it('changes nothing when the same exports are ingested again', () => {
    const { out } = ingest(join(root, 'exports', '110020.txt'), join(root, 'exports', '200003.txt'));
    expect(out).toContain('0 created, 0 updated, 2 unchanged, 0 withdrawn, 0 rejected, 0 failed');
  }, 150_000);

  it('withdraws records by id, reporting an unknown id with exit code 1', () => {
    const { code, out } = ingest('--withdraw', '200003', '999999');
    expect(code).toBe(1);
    expect(out).toMatch(/withdrawn\s+record 200003 v2/);
    expect(out).toMatch(/unknown\s+record 999999/);
    expect(out).toContain('1 withdrawn, 0 already-withdrawn, 1 unknown');
  }, 150_000);

  it('explains its usage when given nothing to ingest', () => {
    const { code, err } = ingest();
    expect(code).toBe(2);
    expect(err).toContain('Usage: npm run ingest --');
  }, 150_000);
});
