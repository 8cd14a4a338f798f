/**
 * The record store of a function that serves records and nothing from the bucket (the metadata
 * API): DynamoDB, with the S3 client for records' long texts imported on the first one read, so
 * a cold start does not load it (ADR 0007).
 */
import type { Config } from '../../schemas/config.ts';
import type { BlobStore } from '../core/ports.ts';
import { createDynamoDbClient, DEFAULT_TIMEOUTS } from './dynamodb-client.ts';
import { DynamoDbRecordStore } from './dynamodb-record-store.ts';

/** A BlobStore made on first use. */
export function lazyBlobStore(make: () => Promise<BlobStore>): BlobStore {
  let store: Promise<BlobStore> | undefined;
  const blobs = () => {
    store ??= make();
    return store;
  };
  return {
    put: async (key, body, contentType) => (await blobs()).put(key, body, contentType),
    get: async (key) => (await blobs()).get(key),
    getStream: async (key, range) => (await blobs()).getStream(key, range),
    exists: async (key) => (await blobs()).exists(key),
  };
}

/** The bucket, read through an S3 client made on first use. */
export const createLazyBlobStore = (config: Config, timeouts = DEFAULT_TIMEOUTS): BlobStore =>
  lazyBlobStore(async () => (await import('./s3-client.ts')).createBlobStore(config, timeouts));

/** The records in DynamoDB; their long texts read from `blobs` (the function's one bucket client, made on first use by default). */
export function createRecordStore(config: Config, blobs = createLazyBlobStore(config), timeouts = DEFAULT_TIMEOUTS): DynamoDbRecordStore {
  return new DynamoDbRecordStore(createDynamoDbClient(config, timeouts), config.tableName, blobs);
}
