/**
 * The service's OpenAPI 3.1 description, served at `/openapi.json`, assembled from the operations
 * each route module exports next to its handler (and `image-paths.ts` for the image function's
 * routes) with the shared components (`components.ts`). The routes describe themselves from the
 * registries they answer from, so a rendering or style added there is described without a second
 * list. A test requests every documented operation from the app and checks that every public
 * route is documented.
 */
import type { ServiceUrls } from '../../core/urls.ts';
import { changeDiscoveryPaths } from '../routes/change-discovery.ts';
import { citationPaths } from '../routes/citation.ts';
import { contentSearchPaths } from '../routes/content-search.ts';
import { homePaths } from '../routes/home.ts';
import { iiifPresentationPaths } from '../routes/iiif-presentation.ts';
import { iiifPresentation2Paths } from '../routes/iiif-presentation-2.ts';
import { linksetPaths } from '../routes/linkset.ts';
import { oaiPaths } from '../routes/oai.ts';
import { recordPaths } from '../routes/records.ts';
import { rightsPaths } from '../routes/rights.ts';
import { schemaPaths } from '../routes/schemas.ts';
import { sitemapPaths } from '../routes/sitemap.ts';
import { unapiPaths } from '../routes/unapi.ts';
import { viewerPaths } from '../routes/viewer.ts';
import { components } from './components.ts';
import { imagePaths } from './image-paths.ts';
import { type OpenApiPaths, ok, operation, TAGS } from './operations.ts';

/** `/health`, answered by the app itself (`app.ts`, which imports the routes and so this module). */
const healthPaths: OpenApiPaths = { '/health': { get: operation('service', 'Liveness', { '200': ok('Up', ['application/json']) }) } };

/** The document; `documentPaths` is the operation of `/openapi.json`, from its route, which builds the document. */
export function buildOpenApi(urls: ServiceUrls, service: { title: string; version: string }, documentPaths: OpenApiPaths) {
  return {
    openapi: '3.1.0',
    info: {
      title: service.title,
      version: service.version,
      description:
        'Archival records for machines: IIIF Presentation 3.0 and Image API 3.0, OAI-PMH 2.0, Dublin Core, MODS and MARCXML, CSL-JSON, BibTeX, RIS and formatted citations, FAIR Signposting. Every GET also answers HEAD and is open to every origin (CORS); those documenting 304 send a strong ETag and answer a matching If-None-Match with it.',
    },
    servers: [{ url: urls.base }],
    tags: TAGS.map((name) => ({ name })),
    paths: {
      ...recordPaths,
      ...citationPaths,
      ...rightsPaths,
      ...linksetPaths,
      ...iiifPresentationPaths,
      ...imagePaths,
      ...iiifPresentation2Paths,
      ...contentSearchPaths,
      ...oaiPaths,
      ...homePaths,
      ...unapiPaths,
      ...changeDiscoveryPaths,
      ...sitemapPaths,
      ...viewerPaths,
      ...schemaPaths,
      ...documentPaths,
      ...healthPaths,
    },
    components: components(),
  };
}
