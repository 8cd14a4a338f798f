/** SDK clients, created once per container, with bounded timeouts so a dead backend fails fast. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Config } from '../../schemas/config.ts';
import { DynamoDbRecordStore } from './dynamodb-record-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';

/** Credentials the local emulators accept (s3rver insists on these). */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** How long a request to a backend may take before the service answers 503 (two attempts each). */
export interface BackendTimeouts {
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
}
export const DEFAULT_TIMEOUTS: BackendTimeouts = { connectionTimeoutMs: 1_000, requestTimeoutMs: 3_000 };

const requestHandler = (t: BackendTimeouts) =>
  new NodeHttpHandler({ connectionTimeout: t.connectionTimeoutMs, requestTimeout: t.requestTimeoutMs, throwOnRequestTimeout: true });

export function createDynamoDbClient(config: Pick<Config, 'region' | 'dynamodbEndpoint'>, timeouts = DEFAULT_TIMEOUTS): DynamoDBClient {
  return new DynamoDBClient({
    region: config.region,
    maxAttempts: 2,
    requestHandler: requestHandler(timeouts),
    ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS } : {}),
  });
}

export function createS3Client(config: Pick<Config, 'region' | 's3Endpoint'>, timeouts = DEFAULT_TIMEOUTS): S3Client {
  return new S3Client({
    region: config.region,
    maxAttempts: 2,
    requestHandler: requestHandler(timeouts),
    ...(config.s3Endpoint
      ? {
          endpoint: config.s3Endpoint,
          credentials: LOCAL_CREDENTIALS,
          forcePathStyle: true,
          // s3rver stores aws-chunked uploads verbatim; checksums only where S3 requires them.
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
        }
      : {}),
  });
}

export const createBlobStore = (config: Config, timeouts = DEFAULT_TIMEOUTS) => new S3BlobStore(createS3Client(config, timeouts), config.bucketName);

/** The record store; records' long texts are objects in the bucket. */
export const createRecordStore = (config: Config, timeouts = DEFAULT_TIMEOUTS) =>
  new DynamoDbRecordStore(createDynamoDbClient(config, timeouts), config.tableName, createBlobStore(config, timeouts));

export function createStores(config: Config, timeouts = DEFAULT_TIMEOUTS) {
  const blobs = createBlobStore(config, timeouts);
  return { records: new DynamoDbRecordStore(createDynamoDbClient(config, timeouts), config.tableName, blobs), blobs };
}
