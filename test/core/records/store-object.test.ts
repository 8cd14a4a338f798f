/** Content-addressed objects are written once: a stored one is never written again. */
import { describe, expect, it, vi } from 'vitest';
import { storeObject } from '../../../functions/core/records/store-object.ts';
import { MemoryBlobStore } from '../../support/memory-stores.ts';

describe('storeObject', () => {
  it('writes an object that is not stored, and never one that is', async () => {
    const blobs = new MemoryBlobStore();
    const put = vi.spyOn(blobs, 'put');
    await storeObject(blobs, 'images/r/l1/abc.tif', new Uint8Array([1, 2]), 'image/tiff');
    await storeObject(blobs, 'images/r/l1/abc.tif', new Uint8Array([1, 2]), 'image/tiff');
    expect(put).toHaveBeenCalledTimes(1);
    expect(await blobs.get('images/r/l1/abc.tif')).toEqual(new Uint8Array([1, 2]));
  });
});
