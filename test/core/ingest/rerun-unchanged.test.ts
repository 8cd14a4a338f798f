/**
 * Re-running a batch (after a kill, or by habit) passes over what is already stored: an export
 * that reads as its stored record, with no scan given, is `unchanged` without its leaf images
 * being made again, so a re-run costs a read per export, not a first run.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type IngestInput, ingestExport, type LeafImageDeriver } from '../../../functions/core/ingest/ingest-export.ts';
import type { LeafImage, RecordContent } from '../../../schemas/record.ts';
import { EXPORT_110020, fixedClock, OVERLAY_110020, seededStores } from '../../support/fixtures.ts';

/** A deriver that counts its calls and makes an image per leaf (a scan's when one is given). */
function countingDeriver() {
  const calls: { scans: number }[] = [];
  const deriver: LeafImageDeriver = {
    async derive(content: RecordContent, scans: ReadonlyMap<string, Uint8Array>) {
      calls.push({ scans: scans.size });
      const images: LeafImage[] = (content.source.archival?.leaves ?? []).map((leaf) => ({
        id: `${content.id}-l${leaf.number}`,
        leaf,
        width: 100,
        height: 140,
        levels: [{ width: 100, height: 140 }],
        tileSize: 144,
        placeholder: !scans.has(String(leaf.number)),
        sha256: (scans.has(String(leaf.number)) ? 'b' : 'a').repeat(64),
      }));
      return { images, objects: [] };
    },
  };
  return { deriver, calls };
}

const input = async (): Promise<IngestInput> => ({
  fileName: '110020.txt',
  exportBytes: await readFile(EXPORT_110020),
  overlayBytes: await readFile(OVERLAY_110020),
});

describe('re-ingesting an export that has not changed', () => {
  it('answers unchanged without making its leaf images again', async () => {
    const { deriver, calls } = countingDeriver();
    const { ingestDeps } = await seededStores({ images: deriver, clock: fixedClock('2026-01-01T00:00:00Z') });
    expect(calls).toHaveLength(1);
    const outcome = await ingestExport(await input(), ingestDeps);
    expect(outcome).toMatchObject({ status: 'unchanged', version: 1, datestamp: '2026-01-01T00:00:00Z' });
    expect(calls).toHaveLength(1);
  });

  it('still makes them when a scan is given, or when the export changed', async () => {
    const { deriver, calls } = countingDeriver();
    const { ingestDeps } = await seededStores({ images: deriver });
    const withScan = await ingestExport({ ...(await input()), scans: new Map([['37', new Uint8Array([1])]]) }, ingestDeps);
    expect(withScan).toMatchObject({ status: 'updated', version: 2 });
    expect(calls).toHaveLength(2);

    const changed = (await readFile(EXPORT_110020, 'utf8')).replace('26.1.51', '26.1.1951');
    const outcome = await ingestExport({ ...(await input()), exportBytes: Buffer.from(changed) }, ingestDeps);
    expect(outcome).toMatchObject({ status: 'updated', version: 3 });
    expect(calls).toHaveLength(3);
  });
});
