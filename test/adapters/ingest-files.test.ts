import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExportFiles, readIngestInput } from '../../functions/adapters/ingest-files.ts';

async function layout() {
  const root = await mkdtemp(join(tmpdir(), 'archive-inputs-'));
  await mkdir(join(root, 'exports'));
  await mkdir(join(root, 'scans', '500'), { recursive: true });
  await writeFile(join(root, 'exports', '500.txt'), 'export');
  await writeFile(join(root, 'exports', '500.json'), '{"id":"500"}');
  await writeFile(join(root, 'exports', '501.txt'), 'export without overlay');
  await writeFile(join(root, 'exports', 'notes.md'), 'not an export');
  for (const name of ['37.jpg', '38ob.png', '39ob..tif', 'cover.jpg', '40.txt']) await writeFile(join(root, 'scans', '500', name), name);
  return root;
}

describe('reading ingest inputs', () => {
  it('finds the exports of a folder in name order', async () => {
    const root = await layout();
    expect(await findExportFiles([join(root, 'exports')])).toEqual([join(root, 'exports', '500.txt'), join(root, 'exports', '501.txt')]);
  });

  it('pairs an export with its overlay, when there is one', async () => {
    const root = await layout();
    expect((await readIngestInput(join(root, 'exports', '500.txt'))).overlayBytes?.toString()).toBe('{"id":"500"}');
    expect((await readIngestInput(join(root, 'exports', '501.txt'))).overlayBytes).toBeUndefined();
  });

  it('labels scans by leaf as references write them, ignoring other files', async () => {
    const root = await layout();
    const input = await readIngestInput(join(root, 'exports', '500.txt'), join(root, 'scans'));
    expect([...(input.scans?.keys() ?? [])].sort()).toEqual(['37', '38ob.', '39ob.']);
  });
});
