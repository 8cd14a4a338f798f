/**
 * AWS Lambda entrypoint of the image service, behind a Function URL in RESPONSE_STREAM mode
 * so that images larger than Lambda's 6 MB response limit still reach the client.
 */
import { streamHandle } from 'hono/aws-lambda';
import { loadConfig } from '../../schemas/config.ts';
import { createStores } from '../adapters/aws-clients.ts';
import { systemClock } from '../core/ports.ts';
import { CachedRecordStore } from '../core/records/cached-record-store.ts';
import { createImageApp } from './app.ts';

const config = loadConfig(process.env);
const stores = createStores(config);
// A tile burst from a viewer asks for the same record many times a second: read it once.
export const handler = streamHandle(createImageApp({ config, records: new CachedRecordStore(stores.records, systemClock), blobs: stores.blobs }));
