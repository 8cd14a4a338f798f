/**
 * When DynamoDB or S3 is unreachable, slow or throttling, the service answers 503 with
 * Retry-After and no stack trace, and recovers by itself when the backend returns.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { createDynamoDbClient, createS3Client, createStores } from '../../functions/adapters/aws-clients.ts';
import { DynamoDbRecordStore } from '../../functions/adapters/dynamodb-record-store.ts';
import { S3BlobStore } from '../../functions/adapters/s3-blob-store.ts';
import { createApp } from '../../functions/api/app.ts';
import { BackendUnavailableError } from '../../functions/core/errors.ts';
import { startLocalStack } from '../../functions/local/local-stack.ts';
import { fixedClock, record110020, testConfig } from '../support/fixtures.ts';
import { MemoryBlobStore } from '../support/memory-stores.ts';

const FAST_FAIL = { connectionTimeoutMs: 300, requestTimeoutMs: 500 };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Each 503 is logged as one JSON warning line (no stack): keep them out of the test output, and check them.
let warnings: MockInstance<typeof console.warn>;
beforeEach(() => {
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

async function expectUnavailable(res: Response) {
  expect(res.status).toBe(503);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const text = await res.text();
  expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  expect(JSON.parse(text)).toMatchObject({ status: 503, title: 'Service Unavailable' });
  const line = String(warnings.mock.calls.at(-1)?.[0]);
  expect(JSON.parse(line)).toMatchObject({ level: 'warn', message: 'backend unavailable' });
  expect(line).not.toContain('stack');
}

/** A client whose every DynamoDB call fails with the given SDK-shaped error. */
function failingDynamoDb(name: string, status: number): DynamoDBClient {
  const client = createDynamoDbClient({ region: 'us-east-1', dynamodbEndpoint: 'http://127.0.0.1:9' }, FAST_FAIL);
  client.middlewareStack.add(
    () => async () => {
      throw Object.assign(new Error(`injected ${name}`), { name, $metadata: { httpStatusCode: status } });
    },
    { step: 'initialize', name: 'injectFault' },
  );
  return client;
}

describe('DynamoDB stops and comes back', () => {
  let dataDir: string;
  let ports: { dynamodb: number; s3: number };
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'archive-faults-'));
    ports = { dynamodb: await freePort(), s3: await freePort() };
    const config = testConfig({ DATA_DIR: dataDir });
    stack = await startLocalStack(config, { inMemory: true, ports });
    const stores = createStores({ ...config, dynamodbEndpoint: stack.dynamodbEndpoint, s3Endpoint: stack.s3Endpoint }, FAST_FAIL);
    await stores.records.put(await record110020(), undefined);
    app = createApp({ config, ...stores, clock: fixedClock() });
  });
  afterAll(async () => {
    await stack.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while the backend is down, then recovers by itself', async () => {
    expect((await app.request('/records/110020')).status).toBe(200);
    await stack.close();
    await expectUnavailable(await app.request('/records/110020'));
    stack = await startLocalStack(testConfig({ DATA_DIR: dataDir }), { inMemory: true, ports });
    // The restarted emulator is empty: a 404 (not a 503) shows the service talks to it again.
    expect((await app.request('/records/110020')).status).toBe(404);
  });
});

describe('injected SDK faults', () => {
  it.each([
    ['ThrottlingException', 400],
    ['ProvisionedThroughputExceededException', 400],
    ['InternalServerError', 500],
    ['ServiceUnavailable', 503],
  ])('turns DynamoDB %s into 503', async (name, status) => {
    const app = createApp({
      config: testConfig(),
      records: new DynamoDbRecordStore(failingDynamoDb(name, status), 'archive-records', new MemoryBlobStore()),
      clock: fixedClock(),
    });
    await expectUnavailable(await app.request('/records/110020'));
  });

  it.each([
    ['/oai?verb=ListRecords&metadataPrefix=oai_dc'],
    ['/oai?verb=GetRecord&identifier=oai:archive.example.org:110020&metadataPrefix=mods'],
    ['/iiif/3/110020/manifest'],
    ['/iiif/3/collection/all'],
  ])('answers %s with 503 while DynamoDB throttles', async (path) => {
    const app = createApp({
      config: testConfig(),
      records: new DynamoDbRecordStore(failingDynamoDb('ThrottlingException', 400), 'archive-records', new MemoryBlobStore()),
      clock: fixedClock(),
    });
    await expectUnavailable(await app.request(path));
  });

  it('turns an S3 internal error into BackendUnavailableError', async () => {
    const client = createS3Client({ region: 'us-east-1', s3Endpoint: 'http://127.0.0.1:9' }, FAST_FAIL);
    client.middlewareStack.add(
      () => async () => {
        throw Object.assign(new Error('We encountered an internal error'), { name: 'InternalError', $metadata: { httpStatusCode: 500 } });
      },
      { step: 'initialize', name: 'injectFault' },
    );
    await expect(new S3BlobStore(client, 'archive-objects').get('sources/x/y.txt')).rejects.toBeInstanceOf(BackendUnavailableError);
  });
});

describe('a backend that accepts connections and never answers', () => {
  let silent: Server;
  let endpoint: string;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    endpoint = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('answers 503 once the request timeout passes, instead of hanging', async () => {
    const records = new DynamoDbRecordStore(
      createDynamoDbClient({ region: 'us-east-1', dynamodbEndpoint: endpoint }, FAST_FAIL),
      'archive-records',
      new MemoryBlobStore(),
    );
    const app = createApp({ config: testConfig(), records, clock: fixedClock() });
    await expectUnavailable(await app.request('/records/110020'));
  });
});
