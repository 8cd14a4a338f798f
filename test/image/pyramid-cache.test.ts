import { describe, expect, it } from 'vitest';
import { ByteLru, PyramidSource } from '../../functions/image/pyramid-cache.ts';
import { MemoryBlobStore } from '../support/memory-stores.ts';

const bytes = (n: number) => new Uint8Array(n).fill(n % 256);

describe('ByteLru', () => {
  it('evicts the least recently used entries when the bytes exceed the bound', () => {
    const lru = new ByteLru(100);
    lru.set('a', bytes(40));
    lru.set('b', bytes(40));
    lru.get('a');
    lru.set('c', bytes(40));
    expect([lru.get('a') !== undefined, lru.get('b') !== undefined, lru.get('c') !== undefined]).toEqual([true, false, true]);
    expect(lru.bytes).toBe(80);
  });

  it('does not keep a value larger than the whole cache', () => {
    const lru = new ByteLru(100);
    lru.set('a', bytes(50));
    lru.set('big', bytes(101));
    expect(lru.get('big')).toBeUndefined();
    expect(lru.bytes).toBe(50);
  });

  it('counts a replaced value once', () => {
    const lru = new ByteLru(100);
    lru.set('a', bytes(30));
    lru.set('a', bytes(60));
    expect(lru.bytes).toBe(60);
  });
});

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
