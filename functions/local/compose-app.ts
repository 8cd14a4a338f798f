/**
 * The local server's application: what AWS runs as separate functions behind CloudFront
 * (the metadata API, the image service) mounted in one Hono app on one port.
 */
import { Hono } from 'hono';
import { createApp } from '../api/app.ts';
import type { AppDeps } from '../api/app-env.ts';

export function composeLocalApp(deps: AppDeps): Hono {
  const root = new Hono();
  root.route('/', createApp(deps));
  return root;
}
