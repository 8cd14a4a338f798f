/**
 * An ingest killed at a random point (SIGKILL, no cleanup) leaves every record as either its old
 * or its new version, complete: valid per the schema, its source export and texts present in S3
 * byte for byte.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStores } from '../../functions/adapters/aws-clients.ts';
import { isTombstone } from '../../functions/core/ports.ts';
import { sha256Hex } from '../../functions/core/records/record-fingerprint.ts';
import { startLocalStack } from '../../functions/local/local-stack.ts';
import { buildExport } from '../support/export-builder.ts';
import { repoPath, testConfig } from '../support/fixtures.ts';

const RECORDS = 12;
const ROUNDS = 3;
const ids = Array.from({ length: RECORDS }, (_, i) => String(700000 + i));
const titleOf = (id: string, round: number) => `Memorandum ${id}, revision ${round}`;

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'archive-kill-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function writeExports(round: number): Promise<string> {
  const dir = join(dataDir, `exports-${round}`);
  await mkdir(dir, { recursive: true });
  for (const id of ids) {
    const body = `Round ${round} body of ${id}.\n\n${'Текст документа. '.repeat(200)}`;
    await writeFile(join(dir, `${id}.txt`), buildExport({ title: titleOf(id, round), body, fields: { 'Record ID': id } }));
  }
  return dir;
}

/** Runs the ingest CLI on the on-disk store and kills it after `killAfterMs` (or lets it finish). */
function runIngest(dir: string, killAfterMs?: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', repoPath('functions/operator/cli.ts'), dir], {
      cwd: repoPath('.'),
      env: { ...process.env, DATA_DIR: dataDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: 'ignore',
    });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('error', reject);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

/** Opens the on-disk store and checks every record is one complete version; returns the rounds seen. */
async function checkEveryRecord(allowedRounds: readonly number[]): Promise<number[]> {
  const config = testConfig({ DATA_DIR: dataDir });
  const stack = await startLocalStack(config);
  try {
    const { records, blobs } = createStores({ ...config, dynamodbEndpoint: stack.dynamodbEndpoint, s3Endpoint: stack.s3Endpoint });
    const seen: number[] = [];
    for (const id of ids) {
      const entry = await records.get(id);
      if (!entry) continue;
      expect(isTombstone(entry)).toBe(false);
      if (isTombstone(entry)) continue;
      const round = allowedRounds.find((r) => entry.title === titleOf(id, r));
      expect(round, `record ${id} has title "${entry.title}"`).toBeDefined();
      expect(entry.texts[0]?.text.startsWith(`Round ${round} body of ${id}.`)).toBe(true);
      const source = await blobs.get(entry.provenance.sourceKey);
      expect(sha256Hex(source)).toBe(entry.provenance.sourceSha256);
      expect(new TextDecoder().decode(source)).toContain(titleOf(id, round ?? -1));
      for (const text of entry.texts) {
        expect(new TextDecoder().decode(await blobs.get(`text/${id}/${sha256Hex(text.text)}.${text.kind}.${text.language}.txt`))).toBe(text.text);
      }
      seen.push(round ?? -1);
    }
    return seen;
  } finally {
    await stack.close();
  }
}

describe('an ingest killed midway', () => {
  it('leaves every record as its old or its new version, never a mix', async () => {
    const fullRunMs = await runIngest(await writeExports(0));
    expect(await checkEveryRecord([0])).toHaveLength(RECORDS);
    const mixes: number[][] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const dir = await writeExports(round);
      // Kill somewhere in the second half of a full run, where the ingest loop writes.
      await runIngest(dir, Math.floor(fullRunMs * (0.5 + Math.random() * 0.45)));
      const seen = await checkEveryRecord([round - 1, round]);
      expect(seen).toHaveLength(RECORDS);
      mixes.push(seen);
      // Finish the round so the next one starts from a known state.
      await runIngest(dir);
      expect(await checkEveryRecord([round])).toHaveLength(RECORDS);
    }
    console.info(`killed ingests left these revisions (old or new per record): ${JSON.stringify(mixes)}`);
  }, 180_000);
});
