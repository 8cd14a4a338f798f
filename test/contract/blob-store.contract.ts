/** The contract of the BlobStore port, run by every implementation (blob-store.test.ts). */
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../functions/core/errors.ts';
import type { BlobStore } from '../../functions/core/ports.ts';

const bytesOf = async (body: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(body).arrayBuffer());

export function blobStoreContract(name: string, open: () => Promise<BlobStore>) {
  describe(`BlobStore contract: ${name}`, () => {
    it('round-trips bytes exactly, non-ASCII text and every byte value included', async () => {
      const blobs = await open();
      const text = new TextEncoder().encode('Товарищу СТАЛИНУ — Kim Il Sung’s “belief”\r\n毛泽东\n');
      const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
      await blobs.put('sources/rt/text.txt', text, 'text/plain; charset=utf-8');
      await blobs.put('images/rt/all-bytes.bin', binary, 'application/octet-stream');
      expect(await blobs.get('sources/rt/text.txt')).toEqual(text);
      expect(await blobs.get('images/rt/all-bytes.bin')).toEqual(binary);
      expect(await blobs.exists('sources/rt/text.txt')).toBe(true);
    });

    it('keeps an empty object, and the last of two writes to one key', async () => {
      const blobs = await open();
      await blobs.put('text/rt/empty.txt', new Uint8Array(), 'text/plain');
      expect(await blobs.get('text/rt/empty.txt')).toEqual(new Uint8Array());
      await blobs.put('text/rt/twice.txt', new Uint8Array([1]), 'text/plain');
      await blobs.put('text/rt/twice.txt', new Uint8Array([2]), 'text/plain');
      expect(await blobs.get('text/rt/twice.txt')).toEqual(new Uint8Array([2]));
    });

    it('streams the whole object or a byte range, with its size', async () => {
      const blobs = await open();
      await blobs.put('images/rt/range.bin', new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]), 'application/octet-stream');
      const whole = await blobs.getStream('images/rt/range.bin');
      expect(whole.size).toBe(8);
      expect([...(await bytesOf(whole.body))]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      const range = await blobs.getStream('images/rt/range.bin', { start: 2, end: 4 });
      expect(range.size).toBe(3);
      expect([...(await bytesOf(range.body))]).toEqual([2, 3, 4]);
    });

    it('says NotFoundError for a missing object, and false to exists', async () => {
      const blobs = await open();
      await expect(blobs.get('sources/none/missing.txt')).rejects.toBeInstanceOf(NotFoundError);
      await expect(blobs.getStream('sources/none/missing.txt')).rejects.toBeInstanceOf(NotFoundError);
      expect(await blobs.exists('sources/none/missing.txt')).toBe(false);
    });

    it.each(['../etc/passwd', 'sources/../../x', 'other/x.txt', '/sources/x', 'sources/a b', 'sources/', 'inbox/x.txt', 'sources/.hidden', ''])(
      'refuses the key %j for every operation',
      async (key) => {
        const blobs = await open();
        await expect(blobs.put(key, new Uint8Array([1]), 'text/plain')).rejects.toBeInstanceOf(RangeError);
        await expect(blobs.get(key)).rejects.toBeInstanceOf(RangeError);
        await expect(blobs.getStream(key)).rejects.toBeInstanceOf(RangeError);
        await expect(blobs.exists(key)).rejects.toBeInstanceOf(RangeError);
      },
    );
  });
}
