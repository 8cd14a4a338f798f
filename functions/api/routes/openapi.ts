/** GET /openapi.json: the service's OpenAPI 3.1 description, built once per base URL. */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { ServiceUrls } from '../../core/urls.ts';
import { sendRepresentation } from '../../http/conditional.ts';
import type { AppEnv } from '../app-env.ts';
import { buildOpenApi } from '../openapi/build-openapi.ts';
import { type OpenApiPaths, ok, operation, ref } from '../openapi/operations.ts';

/** The description's own version: bump its minor for additions, its major for changes a client notices. */
export const API_DESCRIPTION_VERSION = '1.0.0';

const MEDIA_TYPE = 'application/vnd.oai.openapi+json';

/** This route's own operation, handed to the builder (which this module imports, so it cannot import this one). */
export const openApiPaths: OpenApiPaths = {
  '/openapi.json': { get: operation('service', 'This description', { '200': ok('OpenAPI 3.1', [MEDIA_TYPE]), '304': ref('responses', 'NotModified') }) },
};

const documents = new WeakMap<ServiceUrls, { body: string; etag: string }>();

export const openApiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) => {
  const { urls, config } = c.get('deps');
  let document = documents.get(urls);
  if (!document) {
    const service = { title: `${config.oai.repositoryName}: records, IIIF and OAI-PMH`, version: API_DESCRIPTION_VERSION };
    const body = `${JSON.stringify(buildOpenApi(urls, service, openApiPaths), null, 2)}\n`;
    document = { body, etag: `openapi-${createHash('sha256').update(body).digest('base64url').slice(0, 32)}` };
    documents.set(urls, document);
  }
  return sendRepresentation(c, { body: document.body, contentType: MEDIA_TYPE, etag: document.etag });
});
