/**
 * The image service over in-memory stores holding record 110020, ingested with the real
 * deriver: leaf 37 has the quadrant test image as its scan, leaves 38-40 get placeholders.
 */
import { readFile } from 'node:fs/promises';
import { loadArchiveProfile } from '../../functions/adapters/ingest-files.ts';
import { NotFoundError } from '../../functions/core/errors.ts';
import type { ImageLimits } from '../../functions/core/iiif/image-3/image-limits.ts';
import { ingestExport } from '../../functions/core/ingest/ingest-export.ts';
import { createImageApp } from '../../functions/image/app.ts';
import { SharpLeafImageDeriver } from '../../functions/imaging/leaf-image-deriver.ts';
import { ARCHIVE_PROFILE, EXPORT_110020, fixedClock, OVERLAY_110020, testConfig } from './fixtures.ts';
import { MemoryBlobStore, MemoryRecordStore } from './memory-stores.ts';
import { quadrantImagePng } from './quadrant-image.ts';

/** Counts reads, so tests can tell that a request was answered without touching the pyramid. */
export class CountingBlobStore extends MemoryBlobStore {
  reads = 0;

  override async get(key: string) {
    this.reads++;
    return super.get(key);
  }

  override async getStream(key: string, range?: { start: number; end: number }) {
    this.reads++;
    const object = this.objects.get(key);
    if (!object) throw new NotFoundError(`no object ${key}`);
    const slice = range ? object.body.slice(range.start, range.end + 1) : object.body;
    return { body: new Blob([new Uint8Array(slice)]).stream(), size: slice.byteLength };
  }
}

/** Limits small enough for the 1200x800 test image to reach them: `^max` is 2400x1600. */
export const TEST_LIMITS: ImageLimits = { maxWidth: 2400, maxHeight: 2400, maxArea: 4_000_000 };

export const TEST_IMAGE_ID = '110020-l37';

let stores: Promise<{ records: MemoryRecordStore; blobs: CountingBlobStore }> | undefined;

async function ingestOnce() {
  const records = new MemoryRecordStore();
  const blobs = new CountingBlobStore();
  const outcome = await ingestExport(
    {
      fileName: '110020.txt',
      exportBytes: await readFile(EXPORT_110020),
      overlayBytes: await readFile(OVERLAY_110020),
      scans: new Map([['37', new Uint8Array(await quadrantImagePng())]]),
    },
    { records, blobs, clock: fixedClock(), profile: await loadArchiveProfile(ARCHIVE_PROFILE), images: new SharpLeafImageDeriver() },
  );
  if (outcome.status === 'rejected') throw new Error(`fixture 110020 rejected: ${JSON.stringify(outcome.problems)}`);
  return { records, blobs };
}

/** A fresh image app (fresh pyramid cache) over stores ingested once per test file. */
export async function imageService(options: { limits?: ImageLimits; env?: { [name: string]: string } } = {}) {
  stores ??= ingestOnce();
  const { records, blobs } = await stores;
  blobs.reads = 0;
  const app = createImageApp({ config: testConfig(options.env), records, blobs, limits: options.limits ?? TEST_LIMITS });
  return { app, records, blobs };
}

export const imageUrl = (params: string, id = TEST_IMAGE_ID) => `/iiif/image/3/${id}/${params}`;
