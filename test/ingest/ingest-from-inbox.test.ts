import { readFile } from 'node:fs/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveProfile } from '../../functions/adapters/ingest-files.ts';
import { S3Inbox } from '../../functions/adapters/s3-inbox.ts';
import { inboxPairOf } from '../../functions/core/bucket-layout.ts';
import { ingestExport } from '../../functions/core/ingest/ingest-export.ts';
import { isTombstone } from '../../functions/core/ports.ts';
import { createIngestDeps } from '../../functions/imaging/ingest-deps.ts';
import { createInboxIngest, decodeEventKey, IngestRejectedError } from '../../functions/ingest/ingest-from-inbox.ts';
import { buildExport } from '../support/export-builder.ts';
import { ARCHIVE_PROFILE, EXPORT_110020, OVERLAY_110020 } from '../support/fixtures.ts';
import { emulatedStores } from '../support/local-stack.ts';

/** An S3 `ObjectCreated` notification as S3 sends it (keys URL-encoded, `+` for a space). */
const s3Event = (...keys: string[]) => ({
  Records: keys.map((key) => ({
    eventSource: 'aws:s3',
    eventName: 'ObjectCreated:Put',
    s3: { bucket: { name: 'archive-objects' }, object: { key: encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/'), size: 1 } },
  })),
});

describe('inbox keys', () => {
  it.each([
    ['inbox/110020.txt', { exportKey: 'inbox/110020.txt', overlayKey: 'inbox/110020.json' }],
    ['inbox/110020.json', { exportKey: 'inbox/110020.txt', overlayKey: 'inbox/110020.json' }],
    ['inbox/batch 7.txt', { exportKey: 'inbox/batch 7.txt', overlayKey: 'inbox/batch 7.json' }],
    ['inbox/scans/37.jpg', undefined],
    ['inbox/nested/110020.txt', undefined],
    ['sources/110020/abc.txt', undefined],
  ])('pairs %s', (key, pair) => {
    expect(inboxPairOf(key)).toEqual(pair);
  });

  it.each([
    ['inbox/batch+7.txt', 'inbox/batch 7.txt'],
    ['inbox/%C3%A9t%C3%A9.txt', 'inbox/été.txt'],
  ])('decodes the event key %s', (encoded, key) => {
    expect(decodeEventKey(encoded)).toBe(key);
  });
});

describe('the ingest function over an S3 inbox', () => {
  let env: Awaited<ReturnType<typeof emulatedStores>>;
  let handler: (event: unknown) => Promise<void>;
  const logged: { level: string; message: string }[] = [];
  const put = (key: string, body: Uint8Array | string) => env.s3.send(new PutObjectCommand({ Bucket: env.config.bucketName, Key: key, Body: body }));

  beforeAll(async () => {
    env = await emulatedStores();
    const deps = createIngestDeps(env, await loadArchiveProfile(ARCHIVE_PROFILE));
    handler = createInboxIngest({
      inbox: new S3Inbox(env.s3, env.config.bucketName),
      ingest: (input) => ingestExport(input, deps),
      log: (level, entry) => logged.push({ level, message: entry.message }),
    });
  });
  afterAll(() => env.close());

  it('waits when the overlay arrives before its export', async () => {
    await put('inbox/110020.json', await readFile(OVERLAY_110020));
    await handler(s3Event('inbox/110020.json'));
    expect(await env.records.get('110020')).toBeUndefined();
    expect(logged.at(-1)?.message).toMatch(/^waiting for the export/);
  });

  it('ingests an export with the overlay beside it', async () => {
    await put('inbox/110020.json', await readFile(OVERLAY_110020));
    await put('inbox/110020.txt', await readFile(EXPORT_110020));
    await handler(s3Event('inbox/110020.txt'));
    const record = await env.records.get('110020');
    if (!record || isTombstone(record)) throw new Error('record 110020 was not stored');
    expect(record.agents.length).toBeGreaterThan(0);
    expect(logged.at(-1)).toEqual({ level: 'info', message: 'record created' });
  });

  it('throws, naming the file and its problems, when an export is rejected', async () => {
    await put('inbox/broken 1.txt', buildExport({ fields: { 'Record ID': '' } }));
    const failure = handler(s3Event('inbox/broken 1.txt'));
    await expect(failure).rejects.toBeInstanceOf(IngestRejectedError);
    await expect(failure).rejects.toThrow(/inbox\/broken 1\.txt/);
    expect(logged.at(-1)).toEqual({ level: 'error', message: 'export rejected' });
  });

  it('ignores objects that are not an export or an overlay', async () => {
    await handler(s3Event('inbox/notes.md'));
    expect(logged.at(-1)?.level).toBe('warn');
  });

  it('refuses an event that is not an S3 notification', async () => {
    await expect(handler({ hello: 'world' })).rejects.toThrow(/not an S3 event notification/);
  });
});
