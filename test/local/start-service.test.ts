import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../functions/local/start-service.ts';

let service: RunningService;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'archive-start-'));
  service = await startService({ PORT: '0', DATA_DIR: dataDir }, { inMemory: true, log: () => {} });
});
afterAll(async () => {
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the local service', () => {
  it('serves record 110020, seeded on first start, on a random port', async () => {
    const res = await fetch(`${service.url}/records/110020.json`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { title: string }).title).toMatch(/^Telegram from Mao Zedong to I\.V\. Stalin/);
  });

  it('builds absolute URLs from the port it got', () => {
    expect(service.config.publicBaseUrl).toBe(`http://localhost:${new URL(service.url).port}`);
  });

  it('refuses the write route without its token', async () => {
    const res = await fetch(`${service.url}/admin/ingest`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(401);
  });

  it('refuses a second server on the same data directory', async () => {
    await expect(startService({ PORT: '0', DATA_DIR: dataDir }, { inMemory: true, log: () => {} })).rejects.toThrow(/already serves/);
  });
});
