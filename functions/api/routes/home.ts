/**
 * `/`: the home page for people (HTML, under the landing page's CSP), and for a client that asks
 * for JSON the same entry points as an RFC 9264 link set. Both send `Link` to the OpenAPI
 * description (`service-desc`), `Vary: Accept`, and a strong ETag (a digest of the bytes: the page
 * changes with the store and with time) with 304 on `If-None-Match`. Anything else is a 406.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { buildHomeLinkset, buildHomePage, homeLinks } from '../../core/landing/build-home-page.ts';
import { LANDING_SECURITY_HEADERS } from '../../core/landing/landing-assets.ts';
import { readHomeOverview } from '../../core/landing/read-home-overview.ts';
import { formatLinkHeader } from '../../core/signposting/signposting-links.ts';
import { sendRepresentation } from '../../http/conditional.ts';
import { negotiate } from '../../http/negotiate.ts';
import { HttpProblem } from '../../http/problem.ts';
import type { AppEnv } from '../app-env.ts';
import { type OpenApiPaths, ok, operation, ref } from '../openapi/operations.ts';

/** What `/` offers, in order of preference: no `Accept`, or `*\/*`, gets the page. */
export const HOME_OFFERS = [
  { mediaType: 'text/html', value: 'html' as const },
  { mediaType: 'application/xhtml+xml', value: 'html' as const },
  { mediaType: 'application/linkset+json', value: 'linkset' as const },
  { mediaType: 'application/json', value: 'linkset' as const },
];

export const homeRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { records, urls, clock, config } = c.get('deps');
  const links = { Link: formatLinkHeader(homeLinks(urls)), Vary: 'Accept' };
  const chosen = negotiate(c.req.header('Accept'), HOME_OFFERS);
  if (!chosen) {
    const offered = HOME_OFFERS.map((o) => o.mediaType);
    throw new HttpProblem(406, 'Not Acceptable', `This resource is offered as: ${offered.join(', ')}`, { offered }, links);
  }
  if (chosen.offer.value === 'linkset') {
    const body = `${JSON.stringify(buildHomeLinkset(urls), null, 2)}\n`;
    return sendRepresentation(c, { body, contentType: 'application/linkset+json', etag: `home-linkset-${digest(body)}`, headers: links });
  }
  const overview = await readHomeOverview(records, clock.now());
  const body = buildHomePage({ overview, urls, serviceName: config.oai.repositoryName });
  return sendRepresentation(c, {
    body,
    contentType: 'text/html; charset=utf-8',
    etag: `home-html-${digest(body)}`,
    headers: { ...LANDING_SECURITY_HEADERS, ...links, 'Content-Language': 'en' },
  });
});

const digest = (body: string) => createHash('sha256').update(body).digest('base64url').slice(0, 32);

export const homePaths: OpenApiPaths = {
  '/': {
    get: operation(
      'discovery',
      'The home page: what the archive holds, the records changed recently, where machines start',
      {
        '200': {
          ...ok('The home page for browsers (also without `Accept`, or `*/*`); for JSON clients, its links as an RFC 9264 link set', [
            ...new Set(HOME_OFFERS.map((o) => o.mediaType)),
          ]),
          headers: { Link: { schema: { type: 'string' }, description: 'The OpenAPI description, `rel="service-desc"`' } },
        },
        '406': ref('responses', 'NotAcceptable'),
        '304': ref('responses', 'NotModified'),
        '503': ref('responses', 'Unavailable'),
      },
      [],
      {
        description:
          'Negotiated on `Accept` (`Vary: Accept`): HTML, the collection tree by repository and fond (each linked to its IIIF collection and its OAI-PMH set) and the records added or changed most recently; `application/linkset+json` or `application/json`, the link set (`service-desc`, `service-doc`).',
      },
    ),
  },
};
