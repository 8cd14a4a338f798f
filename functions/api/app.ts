/**
 * The HTTP application, built by a factory from its dependencies. The Lambda handler and the
 * local server wrap the same app.
 */
import type { Hono } from 'hono';
import { recordFragmentCache } from '../core/oai/handle-oai-request.ts';
import type { ServiceUrls } from '../core/urls.ts';
import { compressResponses } from '../http/compress.ts';
import { createEdgeApp } from '../http/edge-app.ts';
import { replyJson } from '../http/reply.ts';
import { RepresentationCache } from '../http/representation-cache.ts';
import { forwardedHost, requestUrls } from '../http/request-urls.ts';
import type { AppDeps, AppEnv, RequestDeps } from './app-env.ts';
import { adminRoutes } from './routes/admin.ts';
import { changeDiscoveryRoutes } from './routes/change-discovery.ts';
import { citationRoutes } from './routes/citation.ts';
import { contentSearchRoutes } from './routes/content-search.ts';
import { homeRoutes } from './routes/home.ts';
import { iiifPresentationRoutes } from './routes/iiif-presentation.ts';
import { iiifPresentation2Routes } from './routes/iiif-presentation-2.ts';
import { linksetRoutes } from './routes/linkset.ts';
import { oaiRoutes } from './routes/oai.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { recordRoutes } from './routes/records.ts';
import { rightsRoutes } from './routes/rights.ts';
import { schemaRoutes } from './routes/schemas.ts';
import { sitemapRoutes } from './routes/sitemap.ts';
import { unapiRoutes } from './routes/unapi.ts';
import { viewerRoutes } from './routes/viewer.ts';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const urlsFor = requestUrls(deps.config);
  const representations = new RepresentationCache();
  const oaiRecordFragments = recordFragmentCache();
  // The CDN's guard, CORS, unrouted requests and errors (every 5xx logged), as the image service has them.
  const app = createEdgeApp<AppEnv>({ originSecret: deps.config.originSecret, exposeHeaders: ['ETag', 'Link', 'Content-Location'] });

  // One RequestDeps per base URL, built once: most containers only ever see one.
  const depsByUrls = new WeakMap<ServiceUrls, RequestDeps>();
  app.use('*', async (c, next) => {
    const urls = urlsFor(forwardedHost(c));
    let requestDeps = depsByUrls.get(urls);
    if (!requestDeps) {
      requestDeps = { ...deps, representations, oaiRecordFragments, urls };
      depsByUrls.set(urls, requestDeps);
    }
    c.set('deps', requestDeps);
    await next();
  });
  // Every XML/JSON/HTML answer, Brotli or gzip as the client accepts (ADR 0017).
  app.use('*', compressResponses());

  app.get('/health', (c) => replyJson(c, { status: 'ok' }, 200, { 'Cache-Control': 'no-store' }));
  app.route('/', homeRoutes);
  app.route('/', recordRoutes);
  app.route('/', citationRoutes);
  app.route('/', rightsRoutes);
  app.route('/', linksetRoutes);
  app.route('/', unapiRoutes);
  app.route('/', oaiRoutes);
  app.route('/', sitemapRoutes);
  app.route('/', iiifPresentationRoutes);
  app.route('/', iiifPresentation2Routes);
  app.route('/', contentSearchRoutes);
  app.route('/', changeDiscoveryRoutes);
  app.route('/', viewerRoutes);
  app.route('/', schemaRoutes);
  app.route('/', openApiRoutes);
  if (deps.admin && deps.config.ingestApiToken) app.route('/', adminRoutes(deps.config.ingestApiToken, deps.admin));
  return app;
}
