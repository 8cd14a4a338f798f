import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../functions/core/errors.ts';
import { emulatedStores } from '../support/local-stack.ts';

let stores: Awaited<ReturnType<typeof emulatedStores>>;
beforeAll(async () => {
  stores = await emulatedStores();
});
afterAll(() => stores.close());

describe('S3BlobStore on s3rver', () => {
  it('round-trips non-ASCII text byte for byte', async () => {
    const bytes = new TextEncoder().encode('Товарищу СТАЛИНУ — Kim Il Sung’s “belief”\r\n毛泽东\n');
    await stores.blobs.put('sources/rt/abc.txt', bytes, 'text/plain; charset=utf-8');
    expect(Buffer.from(await stores.blobs.get('sources/rt/abc.txt')).equals(Buffer.from(bytes))).toBe(true);
  });

  it('streams a byte range', async () => {
    await stores.blobs.put('images/rt/range.bin', new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]), 'application/octet-stream');
    const { body } = await stores.blobs.getStream('images/rt/range.bin', { start: 2, end: 4 });
    expect([...new Uint8Array(await new Response(body).arrayBuffer())]).toEqual([2, 3, 4]);
  });

  it('turns a missing object into NotFoundError', async () => {
    await expect(stores.blobs.get('sources/none/missing.txt')).rejects.toBeInstanceOf(NotFoundError);
    expect(await stores.blobs.exists('sources/none/missing.txt')).toBe(false);
  });

  it.each(['../etc/passwd', 'sources/../../x', 'other/x.txt', '/sources/x', 'sources/a b'])('refuses the key %s', async (key) => {
    await expect(stores.blobs.get(key)).rejects.toBeInstanceOf(RangeError);
  });
});
