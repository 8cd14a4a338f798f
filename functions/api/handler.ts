/** AWS Lambda entrypoint of the metadata API (behind a Function URL and CloudFront). */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../../schemas/config.ts';
import { createStores } from '../adapters/aws-clients.ts';
import { systemClock } from '../core/ports.ts';
import { createApp } from './app.ts';

const config = loadConfig(process.env);
export const handler = handle(createApp({ config, ...createStores(config), clock: systemClock }));
