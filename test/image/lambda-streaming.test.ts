/**
 * The image function answers through Lambda response streaming (`streamHandle`), so an image
 * larger than Lambda's 6 MB buffered-response limit still reaches the client whole. The
 * Lambda runtime's `awslambda` global is stood in for by a recorder of what it is handed.
 */
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { type LambdaEvent, streamHandle } from 'hono/aws-lambda';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveProfile } from '../../functions/adapters/ingest-files.ts';
import { ingestExport } from '../../functions/core/ingest/ingest-export.ts';
import { createImageApp } from '../../functions/image/app.ts';
import { SharpLeafImageDeriver } from '../../functions/imaging/leaf-image-deriver.ts';
import { ARCHIVE_PROFILE, EXPORT_110020, fixedClock, testConfig } from '../support/fixtures.ts';
import { functionUrlEvent } from '../support/lambda-events.ts';
import { MemoryBlobStore, MemoryRecordStore } from '../support/memory-stores.ts';

const LAMBDA_BUFFERED_LIMIT = 6 * 1024 * 1024;

type Metadata = { statusCode: number; headers: { [name: string]: string } };

class RecordingStream extends Writable {
  metadata?: Metadata;
  readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    this.chunks.push(Buffer.from(chunk));
    done();
  }
}

const runtime = globalThis as { awslambda?: unknown };

beforeAll(() => {
  runtime.awslambda = {
    streamifyResponse: (handler: unknown) => handler,
    HttpResponseStream: {
      from(stream: RecordingStream, metadata: Metadata) {
        stream.metadata = metadata;
        return stream;
      },
    },
  };
});

afterAll(() => {
  delete runtime.awslambda;
});

let handler: Promise<(event: LambdaEvent, stream: RecordingStream, context: unknown) => Promise<void>> | undefined;

async function streamingHandler() {
  const records = new MemoryRecordStore();
  const blobs = new MemoryBlobStore();
  // Noise does not compress: a 2000x2000 PNG of it is about 12 MB.
  const scan = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .png()
    .toBuffer();
  await ingestExport(
    { fileName: '110020.txt', exportBytes: await readFile(EXPORT_110020), scans: new Map([['37', new Uint8Array(scan)]]) },
    { records, blobs, clock: fixedClock(), profile: await loadArchiveProfile(ARCHIVE_PROFILE), images: new SharpLeafImageDeriver() },
  );
  return streamHandle(createImageApp({ config: testConfig(), records, blobs })) as unknown as (
    event: LambdaEvent,
    stream: RecordingStream,
    context: unknown,
  ) => Promise<void>;
}

async function invoke(path: string) {
  handler ??= streamingHandler();
  const stream = new RecordingStream();
  stream.on('error', () => {});
  await (await handler)(functionUrlEvent(path), stream, {});
  return { metadata: stream.metadata, body: Buffer.concat(stream.chunks) };
}

describe('the image function behind a streaming Function URL', () => {
  it('streams an image larger than the 6 MB buffered limit whole', async () => {
    const { metadata, body } = await invoke('/iiif/image/3/110020-l37/full/max/0/default.png');
    expect(metadata?.statusCode).toBe(200);
    expect(metadata?.headers['content-type']).toBe('image/png');
    expect(body.byteLength).toBeGreaterThan(LAMBDA_BUFFERED_LIMIT);
    const decoded = await sharp(body).metadata();
    expect([decoded.width, decoded.height]).toEqual([2000, 2000]);
  });

  it('streams an error as problem JSON with its status', async () => {
    const { metadata, body } = await invoke('/iiif/image/3/110020-l37/full/max/45/default.png');
    expect(metadata?.statusCode).toBe(501);
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({ status: 501 });
  });
});
