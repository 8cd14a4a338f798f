/** The S3 client and blob store, created once per container, with the same bounded timeouts. */
import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../../schemas/config.ts';
import { DEFAULT_TIMEOUTS, LOCAL_CREDENTIALS, requestHandler } from './dynamodb-client.ts';
import { S3BlobStore } from './s3-blob-store.ts';

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

export const createBlobStore = (config: Pick<Config, 'region' | 's3Endpoint' | 'bucketName'>, timeouts = DEFAULT_TIMEOUTS) =>
  new S3BlobStore(createS3Client(config, timeouts), config.bucketName);
