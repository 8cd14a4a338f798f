/**
 * The HTTP application, built by a factory from its dependencies. The Lambda handler and the
 * local server wrap the same app.
 */
import { Hono } from 'hono';
import { recordFragmentCache } from '../core/oai/handle-oai-request.ts';
import type { ServiceUrls } from '../core/urls.ts';
import { compressResponses } from '../http/compress.ts';
import { errorFields, log } from '../http/log.ts';
import { openCors } from '../http/open-cors.ts';
import { renderProblem, toProblem } from '../http/problem.ts';
import { replyJson } from '../http/reply.ts';
import { RepresentationCache } from '../http/representation-cache.ts';
import { forwardedHost, requestUrls } from '../http/request-urls.ts';
import { answerUnrouted } from '../http/unrouted.ts';
import { verifyOrigin } from '../http/verify-origin.ts';
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
  const app = new Hono<AppEnv>();

  if (deps.config.originSecret) app.use('*', verifyOrigin(deps.config.originSecret));
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
  app.use('*', openCors({ methods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag', 'Link', 'Content-Location'] }));
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

  app.notFound(answerUnrouted(app));
  app.onError((error, c) => {
    const problem = toProblem(error);
    const path = new URL(c.req.url).pathname;
    if (problem.status === 503) log.warn('backend unavailable', { path, error: String(error) });
    else if (problem.status >= 500) log.error('request failed', { path, ...errorFields(error) });
    return renderProblem(c, problem);
  });
  return app;
}
