/** BlobStore over one S3 bucket. */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SERVICE_PREFIXES } from '../core/bucket-layout.ts';
import { NotFoundError } from '../core/errors.ts';
import type { BlobStore } from '../core/ports.ts';
import { translateAwsError } from './translate-aws-error.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Keys the service writes: the layout's prefixes, safe characters, no `..` segments. */
const SAFE_KEY = new RegExp(`^(?:${SERVICE_PREFIXES.map(escapeRegExp).join('|')})[A-Za-z0-9][A-Za-z0-9._-]*(\\/[A-Za-z0-9][A-Za-z0-9._,-]*)*$`);

/** The key, or a RangeError for one outside the service's prefixes (every blob store refuses the same keys). */
export function checkedObjectKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.split('/').includes('..'))
    throw new RangeError(`refusing an object key outside the service's prefixes: ${JSON.stringify(key)}`);
  return key;
}

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

export class S3BlobStore implements BlobStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.client
      .send(new PutObjectCommand({ Bucket: this.bucket, Key: checkedObjectKey(key), Body: body, ContentType: contentType, ContentLength: body.byteLength }))
      .catch((error: unknown) => translateAwsError(error, 'S3'));
  }

  async get(key: string): Promise<Uint8Array> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkedObjectKey(key) }));
      if (!out.Body) throw new NotFoundError(`object ${key} has no body`);
      return await out.Body.transformToByteArray();
    } catch (error) {
      if (isMissing(error)) throw new NotFoundError(`no object ${key}`);
      return translateAwsError(error, 'S3');
    }
  }

  async getStream(key: string, range?: { start: number; end: number }): Promise<{ body: ReadableStream<Uint8Array>; size: number }> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: checkedObjectKey(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      if (!out.Body) throw new NotFoundError(`object ${key} has no body`);
      return { body: out.Body.transformToWebStream(), size: out.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) throw new NotFoundError(`no object ${key}`);
      return translateAwsError(error, 'S3');
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: checkedObjectKey(key) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      return translateAwsError(error, 'S3');
    }
  }
}
