/** SDK clients, created once per container, with bounded timeouts so a dead backend fails fast. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Config } from '../../schemas/config.ts';
import { DynamoDbRecordStore } from './dynamodb-record-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';

/** Credentials the local emulators accept (s3rver insists on these). */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

const requestHandler = () => new NodeHttpHandler({ connectionTimeout: 1_000, requestTimeout: 5_000 });

export function createDynamoDbClient(config: Pick<Config, 'region' | 'dynamodbEndpoint'>): DynamoDBClient {
  return new DynamoDBClient({
    region: config.region,
    maxAttempts: 2,
    requestHandler: requestHandler(),
    ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS } : {}),
  });
}

export function createS3Client(config: Pick<Config, 'region' | 's3Endpoint'>): S3Client {
  return new S3Client({
    region: config.region,
    maxAttempts: 2,
    requestHandler: requestHandler(),
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

export function createStores(config: Config) {
  return {
    records: new DynamoDbRecordStore(createDynamoDbClient(config), config.tableName),
    blobs: new S3BlobStore(createS3Client(config), config.bucketName),
  };
}
