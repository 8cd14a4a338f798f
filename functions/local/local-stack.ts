/**
 * The embedded local stack: dynalite (DynamoDB API) and s3rver (S3 API) in this process, on
 * loopback, with their data under `dataDir` so it survives restarts. The service talks to them
 * through the real AWS SDK, exactly as it talks to AWS.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import type { Config } from '../../schemas/config.ts';
import { createDynamoDbClient, createS3Client, createStores } from '../adapters/aws-clients.ts';
import { ensureBucket, ensureTable } from '../adapters/provision.ts';

export interface LocalStack {
  dynamodbEndpoint: string;
  s3Endpoint: string;
  close(): Promise<void>;
}

/**
 * Settings of the process that hosts the emulators, read by glibc when the process starts: so
 * `npm start` sets them (package.json), start.ts re-executes itself with them when run otherwise,
 * and the bench's server process gets them. At most two malloc arenas: LevelDB reads run on
 * libuv's worker threads, and each thread that allocates would otherwise get an arena of its own
 * whose freed pages glibc keeps (ADR 0008).
 */
export const LOCAL_SERVER_ENV: { readonly [name: string]: string } = { MALLOC_ARENA_MAX: '2' };

interface ClosableIterator {
  close(): Promise<void>;
  return?: () => Promise<IteratorReturnResult<undefined>>;
}

/**
 * dynalite 4 reads every Query and Scan through a stream over an abstract-level iterator, and its
 * stream's `destroy` closes the iterator by calling `iterator.return()`, a method abstract-level 3
 * iterators do not have (they have `close()`). So no iterator was ever closed: each stayed attached
 * to the database with its LevelDB snapshot and read-ahead (native memory, allocated on libuv's
 * threads, so in glibc's per-thread arenas), or, in memory, with its tree snapshot. Two per
 * collection request; the resident set grew about 16 KB per request without bound (ADR 0008).
 * Giving the iterators the `return()` dynalite calls closes each one when its stream ends.
 */
function closeDynaliteIterators(): void {
  // The abstract-level that dynalite's own level backends extend (resolved from dynalite, not from us).
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const fromLevel = createRequire(fromDynalite.resolve('level'));
  const fromClassic = createRequire(fromLevel.resolve('classic-level'));
  const backends = [fromClassic.resolve('abstract-level'), createRequire(fromDynalite.resolve('memory-level')).resolve('abstract-level')];
  for (const path of new Set(backends)) {
    const { AbstractIterator, AbstractKeyIterator, AbstractValueIterator } = fromDynalite(path) as {
      [name: string]: { prototype: ClosableIterator };
    };
    for (const iterator of [AbstractIterator, AbstractKeyIterator, AbstractValueIterator]) {
      if (!iterator || typeof iterator.prototype.return === 'function') continue;
      iterator.prototype.return = async function (this: ClosableIterator) {
        await this.close();
        return { done: true, value: undefined };
      };
    }
  }
}

interface S3rverObject {
  bucket: string;
  key: string;
  content: Buffer | NodeJS.ReadableStream;
  metadata: { [name: string]: string };
}
interface S3rverFilesystemStore {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putMetadata(bucket: string, key: string, metadata: S3rverObject['metadata'], md5: string): Promise<void>;
  putObject(object: S3rverObject): Promise<{ size: number; md5: string }>;
}

let temporaryFiles = 0;

/**
 * s3rver writes an object's file in place and does not wait for it to be flushed, so a process
 * killed mid-write leaves a truncated object that reads as complete (its size is the file's). S3
 * writes are atomic: an object is there whole or not at all. Writing to a temporary file and
 * renaming it, once flushed, gives the emulator the same property, which the ingest relies on
 * (a content-addressed object already stored is never written again).
 */
function writeS3rverObjectsWhole(): void {
  const fromS3rver = createRequire(createRequire(import.meta.url).resolve('s3rver'));
  const FilesystemStore = fromS3rver('./stores/filesystem') as { prototype: S3rverFilesystemStore & { wholeWrites?: true } };
  const store = FilesystemStore.prototype;
  if (store.wholeWrites) return;
  store.wholeWrites = true;
  store.putObject = async function (this: S3rverFilesystemStore, object: S3rverObject) {
    const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(objectPath), { recursive: true });
    const partial = `${objectPath}.partial-${process.pid}-${temporaryFiles++}`;
    const md5 = createHash('md5');
    let size = 0;
    const content = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    await pipeline(content, count, createWriteStream(partial));
    await rename(partial, objectPath);
    const digest = md5.digest('hex');
    await this.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };
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

  closeDynaliteIterators();
  writeS3rverObjectsWhole();
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

/** The service's stores over the emulators, through the real AWS SDK as over AWS. */
export function localStackStores(config: Config, stack: LocalStack) {
  return createStores({ ...config, dynamodbEndpoint: stack.dynamodbEndpoint, s3Endpoint: stack.s3Endpoint });
}
