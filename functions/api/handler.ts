/** AWS Lambda entrypoint of the metadata API (behind a Function URL and CloudFront). */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../../schemas/config.ts';
import { createStores } from '../adapters/aws-clients.ts';
import { systemClock } from '../core/ports.ts';
import { CachedRecordStore } from '../core/records/cached-record-store.ts';
import { createApp } from './app.ts';

const config = loadConfig(process.env);
const { records, blobs } = createStores(config);
export const handler = handle(createApp({ config, records: new CachedRecordStore(records, systemClock), blobs, clock: systemClock }));
