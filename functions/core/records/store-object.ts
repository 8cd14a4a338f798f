/**
 * Writes a content-addressed object unless it is already stored. Its key names its bytes, so a
 * stored object is already right, and it is never written again: rewriting it could only harm
 * (an emulator killed mid-write leaves a truncated file where a complete one was).
 */
import type { BlobStore } from '../ports.ts';

export async function storeObject(blobs: BlobStore, key: string, body: Uint8Array, contentType: string): Promise<void> {
  if (await blobs.exists(key)) return;
  await blobs.put(key, body, contentType);
}
