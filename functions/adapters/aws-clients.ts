/**
 * The stores over AWS (or the local emulators), for processes that use both DynamoDB and S3.
 * A function that serves records alone uses `createRecordStore` (record-store-client.ts), which
 * loads the S3 client only when a record has a long text.
 */
import type { Config } from '../../schemas/config.ts';
import { createDynamoDbClient, DEFAULT_TIMEOUTS } from './dynamodb-client.ts';
import { DynamoDbRecordStore } from './dynamodb-record-store.ts';
import { createBlobStore } from './s3-client.ts';

export { type BackendTimeouts, createDynamoDbClient, DEFAULT_TIMEOUTS } from './dynamodb-client.ts';
export { createBlobStore, createS3Client } from './s3-client.ts';

export function createStores(config: Config, timeouts = DEFAULT_TIMEOUTS) {
  const blobs = createBlobStore(config, timeouts);
  return { records: new DynamoDbRecordStore(createDynamoDbClient(config, timeouts), config.tableName, blobs), blobs };
}
