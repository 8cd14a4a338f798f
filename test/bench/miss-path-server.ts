/**
 * Child process of the miss-path bench: the local service (composed as `startService` does, on
 * in-memory emulators, with its DynamoDB reads counted) holding `records` generated records plus a few for sampling, and, in
 * the same process, its floor: a raw node:http server that answers each URL of the walk with the
 * least any implementation must do for it, one GetItem of the same item from the same emulator
 * (an OAI-PMH list page: one Query of the same index page), then static bytes of the size the
 * service answers such a URL with. Prints one JSON line with both URLs.
 *
 * argv[2] is JSON `{ records, textLength }`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AttributeValue, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { createAdaptorServer } from '@hono/node-server';
import { createBlobStore, createDynamoDbClient } from '../../functions/adapters/aws-clients.ts';
import { DynamoDbRecordStore } from '../../functions/adapters/dynamodb-record-store.ts';
import { CHANGES_PARTITION_VALUE, HARVEST_INDEX, HARVEST_PARTITION, HARVEST_SORT, PARTITION_KEY, recordKey } from '../../functions/adapters/table-design.ts';
import { OAI_PAGE_SIZE } from '../../functions/core/oai/handle-oai-request.ts';
import { systemClock } from '../../functions/core/ports.ts';
import { CachedRecordStore } from '../../functions/core/records/cached-record-store.ts';
import { composeLocalApp } from '../../functions/local/compose-app.ts';
import { startLocalStack } from '../../functions/local/local-stack.ts';
import { loadConfig } from '../../schemas/config.ts';
import { datestampOf, generateRecord } from '../support/generate-records.ts';
import { HARVEST_FORMATS, MISS_ROUTES, SAMPLE_RECORDS, walkedId } from './miss-path-routes.ts';
import { median } from './stats.ts';

const { records, textLength } = JSON.parse(process.argv[2] ?? '{}') as { records: number; textLength: number };
const dataDir = await mkdtemp(join(tmpdir(), 'archive-miss-'));
const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, OAI_REPOSITORY_IDENTIFIER: 'bench.example.org' });
const stack = await startLocalStack(config, { inMemory: true });
const endpoints = { ...config, dynamodbEndpoint: stack.dynamodbEndpoint, s3Endpoint: stack.s3Endpoint };
// The local server's composition (start-service.ts), with the DynamoDB reads of the service counted.
const serviceClient = createDynamoDbClient(endpoints);
const reads = { GetItemCommand: 0, QueryCommand: 0 };
serviceClient.middlewareStack.add(
  (next, context) => async (args) => {
    if (context.commandName === 'GetItemCommand' || context.commandName === 'QueryCommand') reads[context.commandName] += 1;
    return next(args);
  },
  { step: 'initialize', name: 'missBenchReadMeter' },
);
const blobs = createBlobStore(endpoints);
const stored = new DynamoDbRecordStore(serviceClient, config.tableName, blobs);
const app = composeLocalApp({ config, records: new CachedRecordStore(stored, systemClock), blobs, clock: systemClock });
const server = createAdaptorServer({ fetch: app.fetch });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
const service = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, config };

// Loaded straight into the store (not through the service, whose caches would then hold them).
const loader = new DynamoDbRecordStore(createDynamoDbClient(endpoints), config.tableName, blobs);
const total = records + SAMPLE_RECORDS;
let next = 0;
await Promise.all(
  Array.from({ length: 16 }, async () => {
    for (let i = next++; i < total; i = next++) await loader.put(generateRecord(i, { count: total, textLength }), undefined);
  }),
);

// What the service answers each kind with, measured on the sample records, which the walk never asks for.
const answers = new Map<string, { bytes: Buffer; contentType: string }>();
async function measure(name: string, paths: string[], headers: { [name: string]: string }): Promise<void> {
  const sizes: number[] = [];
  let contentType = '';
  for (const path of paths) {
    const res = await fetch(`${service.url}${path}`, { headers });
    const body = await res.text();
    if (res.status !== 200 || body.includes('<error ')) throw new Error(`${path} answered ${res.status}: ${body.slice(0, 300)}`);
    if (path.includes('ListRecords') && !body.includes('<resumptionToken')) throw new Error(`${path}: not a full page`);
    contentType = res.headers.get('content-type') ?? '';
    sizes.push(Buffer.byteLength(body));
  }
  answers.set(name, { bytes: Buffer.alloc(Math.round(median(sizes)), 0x20), contentType });
}
for (const route of MISS_ROUTES)
  await measure(
    route.name,
    Array.from({ length: 20 }, (_, i) => route.path(walkedId(records + i))),
    route.headers,
  );
// A full page of sample records only (records of the same second as a walked one are left out), so
// no walked record's OAI-PMH element is cached before the walk.
const sampleFrom = datestampOf(records + 3);
for (const prefix of HARVEST_FORMATS) await measure(`ListRecords ${prefix}`, [`/oai?verb=ListRecords&metadataPrefix=${prefix}&from=${sampleFrom}`], {});

const client = createDynamoDbClient(endpoints);
const tokenOf = (key: { [name: string]: AttributeValue | undefined } | undefined) => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined);
const floor = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://floor');
    if (url.pathname === '/__service-reads') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reads));
      return;
    }
    const list = url.searchParams.get('verb') === 'ListRecords';
    if (list) {
      const token = url.searchParams.get('resumptionToken');
      const prefix = token ? token.split('.')[0] : url.searchParams.get('metadataPrefix');
      const start = token ? (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, AttributeValue>) : undefined;
      const out = await client.send(
        new QueryCommand({
          TableName: service.config.tableName,
          IndexName: HARVEST_INDEX,
          KeyConditionExpression: '#p = :p',
          ExpressionAttributeNames: { '#p': HARVEST_PARTITION },
          ExpressionAttributeValues: { ':p': { S: CHANGES_PARTITION_VALUE } },
          ExclusiveStartKey: start,
          // As the adapter reads a page: one item more, to know whether another page follows.
          Limit: OAI_PAGE_SIZE + 1,
        }),
      );
      const last = (out.Items?.length ?? 0) > OAI_PAGE_SIZE ? out.Items?.[OAI_PAGE_SIZE - 1] : undefined;
      const answer = answers.get(`ListRecords ${prefix}`);
      const nextToken = tokenOf(
        last && { [PARTITION_KEY]: last[PARTITION_KEY], [HARVEST_PARTITION]: last[HARVEST_PARTITION], [HARVEST_SORT]: last[HARVEST_SORT] },
      );
      const tail = Buffer.from(nextToken ? `<resumptionToken>${prefix}.${nextToken}</resumptionToken>` : '');
      res.writeHead(200, { 'content-type': answer?.contentType ?? 'text/xml', 'content-length': (answer?.bytes.byteLength ?? 0) + tail.byteLength });
      res.write(answer?.bytes ?? Buffer.alloc(0));
      res.end(tail);
      return;
    }
    const kind = MISS_ROUTES.find((route) => route.matches(url));
    const id = /g\d{7}/.exec(req.url ?? '')?.[0];
    if (!kind || !id) {
      res.writeHead(404).end();
      return;
    }
    const out = await client.send(
      new GetItemCommand({ TableName: service.config.tableName, Key: { [PARTITION_KEY]: { S: recordKey(id) } }, ConsistentRead: true }),
    );
    const answer = answers.get(kind.name);
    if (!out.Item || !answer) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': answer.contentType, 'content-length': answer.bytes.byteLength });
    res.end(answer.bytes);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', () => resolve()));

console.log(
  JSON.stringify({
    serviceUrl: service.url,
    floorUrl: `http://127.0.0.1:${(floor.address() as AddressInfo).port}`,
    sizes: Object.fromEntries([...answers].map(([name, answer]) => [name, answer.bytes.byteLength])),
  }),
);
process.on('SIGTERM', async () => {
  floor.close();
  server.close();
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
});
