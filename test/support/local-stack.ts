/** Emulators in memory on random ports, with stores over them through the real AWS SDK. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDynamoDbClient, createS3Client, createStores } from '../../functions/adapters/aws-clients.ts';
import { startLocalStack } from '../../functions/local/local-stack.ts';
import { testConfig } from './fixtures.ts';

export async function emulatedStores() {
  const dataDir = await mkdtemp(join(tmpdir(), 'archive-test-'));
  const config = { ...testConfig({ DATA_DIR: dataDir }) };
  const stack = await startLocalStack(config, { inMemory: true });
  const endpoints = { ...config, dynamodbEndpoint: stack.dynamodbEndpoint, s3Endpoint: stack.s3Endpoint };
  return {
    ...createStores(endpoints),
    dynamodb: createDynamoDbClient(endpoints),
    s3: createS3Client(endpoints),
    config: endpoints,
    async close() {
      await stack.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
