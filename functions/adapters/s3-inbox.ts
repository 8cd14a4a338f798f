/**
 * Reads what was dropped into the bucket's `inbox/` prefix: the exports (and their overlays)
 * whose arrival triggers the ingest function. Only keys under `inbox/` can be read here.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { INBOX_PREFIX } from '../core/bucket-layout.ts';
import { translateAwsError } from './translate-aws-error.ts';

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

export class S3Inbox {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  /** The object's bytes, or undefined when there is no such object. */
  async read(key: string): Promise<Uint8Array | undefined> {
    if (!key.startsWith(INBOX_PREFIX) || key.split('/').includes('..')) throw new RangeError(`not an inbox key: ${JSON.stringify(key)}`);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (isMissing(error)) return undefined;
      return translateAwsError(error, 'S3');
    }
  }
}
