/**
 * The local server's application: what AWS runs as separate functions behind CloudFront
 * (the metadata API, the image service) mounted in one Hono app on one port.
 */
import { Hono } from 'hono';
import { createApp } from '../api/app.ts';
import type { AppDeps } from '../api/app-env.ts';
import type { BlobStore } from '../core/ports.ts';
import { answerUnrouted } from '../http/unrouted.ts';
import { createImageApp } from '../image/app.ts';

export function composeLocalApp(deps: AppDeps & { blobs: BlobStore }): Hono {
  const root = new Hono();
  root.route('/', createImageApp({ config: deps.config, records: deps.records, blobs: deps.blobs }));
  root.route('/', createApp(deps));
  // route() does not carry a sub-app's notFound over: answer unrouted requests as each app does.
  root.notFound(answerUnrouted(root));
  return root;
}
