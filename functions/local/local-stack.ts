/**
 * The embedded local stack: dynalite (DynamoDB API) and s3rver (S3 API) in this process, on
 * loopback, with their data under `dataDir` so it survives restarts. The service talks to them
 * through the real AWS SDK, exactly as it talks to AWS.
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import type { Config } from '../../schemas/config.ts';
import { createDynamoDbClient, createS3Client } from '../adapters/aws-clients.ts';
import { ensureBucket, ensureTable } from '../adapters/provision.ts';

export interface LocalStack {
  dynamodbEndpoint: string;
  s3Endpoint: string;
  close(): Promise<void>;
}

/** Starts both emulators on random loopback ports and provisions the table and bucket. */
export async function startLocalStack(
  config: Pick<Config, 'dataDir' | 'tableName' | 'bucketName' | 'region'>,
  options: { inMemory?: boolean; ports?: { dynamodb: number; s3: number } } = {},
): Promise<LocalStack> {
  const dynamoDir = join(config.dataDir, 'dynamodb');
  const s3Dir = join(config.dataDir, 's3');
  await mkdir(dynamoDir, { recursive: true });
  await mkdir(s3Dir, { recursive: true });

  const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.inMemory ? {} : { path: dynamoDir }) });
  await new Promise<void>((resolve, reject) => {
    dynamo.once('error', reject);
    dynamo.listen(options.ports?.dynamodb ?? 0, '127.0.0.1', () => resolve());
  });
  const dynamodbEndpoint = `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`;

  const s3 = new S3rver({ port: options.ports?.s3 ?? 0, address: '127.0.0.1', directory: s3Dir, silent: true, resetOnClose: options.inMemory ?? false });
  const { port: s3Port } = await s3.run();
  const s3Endpoint = `http://127.0.0.1:${s3Port}`;

  const endpoints = { region: config.region, dynamodbEndpoint, s3Endpoint };
  // Provisioning is not on a request path: give a busy machine time.
  const patient = { connectionTimeoutMs: 5_000, requestTimeoutMs: 30_000 };
  await ensureTable(createDynamoDbClient(endpoints, patient), config.tableName);
  await ensureBucket(createS3Client(endpoints, patient), config.bucketName);

  return {
    dynamodbEndpoint,
    s3Endpoint,
    async close() {
      await s3.close();
      await new Promise<void>((resolve) => dynamo.close(() => resolve()));
    },
  };
}
