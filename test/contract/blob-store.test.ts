/** Every BlobStore implementation, through the one contract: the fake fails exactly where S3 does. */
import { afterAll } from 'vitest';
import { emulatedStores } from '../support/local-stack.ts';
import { MemoryBlobStore } from '../support/memory-stores.ts';
import { blobStoreContract } from './blob-store.contract.ts';

let stack: Awaited<ReturnType<typeof emulatedStores>> | undefined;
afterAll(() => stack?.close());

blobStoreContract('MemoryBlobStore', async () => new MemoryBlobStore());
blobStoreContract('S3BlobStore on s3rver', async () => {
  stack ??= await emulatedStores();
  return stack.blobs;
});
