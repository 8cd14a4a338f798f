/** `/sitemap.xml`: every live record's landing page, with its datestamp as `lastmod`. */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { isTombstone } from '../../core/ports.ts';
import { el, serializeXml, type XmlElement } from '../../core/xml/xml-tree.ts';
import { sendRepresentation } from '../../http/conditional.ts';
import type { AppEnv } from '../app-env.ts';
import { COMMON_RESPONSES, type OpenApiPaths, ok, operation } from '../openapi/operations.ts';

const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** The sitemaps protocol's limit of URLs in one file. */
export const SITEMAP_MAX_URLS = 50_000;
const PAGE = 500;

export const sitemapRoutes = new Hono<AppEnv>().get('/sitemap.xml', async (c) => {
  const { records, urls } = c.get('deps');
  const entries: XmlElement[] = [];
  let after: string | undefined;
  do {
    const page = await records.listChanges({ limit: PAGE, ...(after === undefined ? {} : { after }) });
    for (const entry of page.items) {
      if (isTombstone(entry) || entries.length >= SITEMAP_MAX_URLS) continue;
      entries.push(el('url', {}, el('loc', {}, urls.record(entry.id)), el('lastmod', {}, entry.datestamp)));
    }
    after = page.next;
  } while (after !== undefined && entries.length < SITEMAP_MAX_URLS);
  const body = serializeXml(el('urlset', { xmlns: SITEMAP_NAMESPACE }, entries));
  const etag = createHash('sha256').update(body).digest('base64url').slice(0, 32);
  return sendRepresentation(c, { body, contentType: 'application/xml; charset=utf-8', etag, cacheControl: 'public, max-age=3600' });
});

export const sitemapPaths: OpenApiPaths = {
  '/sitemap.xml': {
    get: operation('discovery', 'Sitemap of the landing pages', { '200': ok('The sitemap', ['application/xml; charset=utf-8']), ...COMMON_RESPONSES }),
  },
};
