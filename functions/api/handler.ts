/** AWS Lambda entrypoint of the metadata API (behind a Function URL and CloudFront). It reads DynamoDB, and S3 for long texts and search indexes. */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../../schemas/config.ts';
import { createLazyBlobStore, createRecordStore } from '../adapters/record-store-client.ts';
import { systemClock } from '../core/ports.ts';
import { CachedRecordStore } from '../core/records/cached-record-store.ts';
import { createApp } from './app.ts';

const config = loadConfig(process.env);
// One bucket client for long texts and search indexes, made on the first read of either.
const blobs = createLazyBlobStore(config);
export const handler = handle(createApp({ config, records: new CachedRecordStore(createRecordStore(config, blobs), systemClock), blobs, clock: systemClock }));
