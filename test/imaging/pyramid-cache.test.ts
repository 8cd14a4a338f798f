import { describe, expect, it } from 'vitest';
import { PyramidSource } from '../../functions/imaging/pyramid-cache.ts';
import { MemoryBlobStore } from '../support/memory-stores.ts';

const bytes = (n: number) => new Uint8Array(n).fill(n % 256);

describe('PyramidSource', () => {
  it('reads a pyramid once however many requests ask for it at the same time', async () => {
    const blobs = new MemoryBlobStore();
    await blobs.put('images/1/l1/abc.pyramid.tif', bytes(1000), 'image/tiff');
    let reads = 0;
    const getStream = blobs.getStream.bind(blobs);
    blobs.getStream = (key, range) => {
      reads++;
      return getStream(key, range);
    };
    const source = new PyramidSource(blobs, 10_000);
    const loaded = await Promise.all([1, 2, 3].map(() => source.load('images/1/l1/abc.pyramid.tif', 'abc')));
    await source.load('images/1/l1/abc.pyramid.tif', 'abc');
    expect(reads).toBe(1);
    expect(loaded.every((b) => b.byteLength === 1000 && b[0] === 1000 % 256)).toBe(true);
    expect(source.cachedBytes).toBe(1000);
  });

  it('forgets a failed read so that the next request tries again', async () => {
    const blobs = new MemoryBlobStore();
    const source = new PyramidSource(blobs, 10_000);
    await expect(source.load('images/1/l1/x.pyramid.tif', 'x')).rejects.toThrow();
    await blobs.put('images/1/l1/x.pyramid.tif', bytes(10), 'image/tiff');
    await expect(source.load('images/1/l1/x.pyramid.tif', 'x')).resolves.toHaveLength(10);
  });
});
