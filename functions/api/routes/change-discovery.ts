/**
 * IIIF Change Discovery API 1.0: `/iiif/discovery/1/activity/all-changes`, the collection, and its
 * pages: `.../page` (the first), `.../page/last`, and `.../page?after={key}` or `?before={key}`.
 * The keys in page URLs are signed: a page the service did not issue is a 400 before any store
 * is read.
 */
import { type Context, Hono } from 'hono';
import { buildChangeCollection, buildChangePage, type ChangePageUrl, DISCOVERY_MEDIA_TYPE } from '../../core/discovery/build-change-feed.ts';
import { type ChangePageAddress, readChangePage } from '../../core/discovery/read-change-page.ts';
import { signCursor, verifyCursor } from '../../core/paging/signed-cursor.ts';
import type { ServiceUrls } from '../../core/urls.ts';
import { badRequest } from '../../http/problem.ts';
import type { AppEnv } from '../app-env.ts';
import { COMMON_RESPONSES, type OpenApiPaths, ok, operation, queryParameter } from '../openapi/operations.ts';
import { sendPresentation } from './iiif-presentation.ts';

const COLLECTION_PATH = '/iiif/discovery/1/activity/all-changes';
const signingContext = (side: 'after' | 'before') => `iiif-discovery/1 ${side}`;

/** The URL of a page of the feed, its key signed with the service's token secret. */
export function changePageUrl(urls: ServiceUrls, tokenSecret: string): ChangePageUrl {
  return (address) => {
    if (address.kind === 'first') return `${urls.activityStream}/page`;
    if (address.kind === 'last') return `${urls.activityStream}/page/last`;
    return `${urls.activityStream}/page?${address.kind}=${signCursor(address.key, tokenSecret, signingContext(address.kind))}`;
  };
}

const pageUrlOf = (c: Context<AppEnv>) => changePageUrl(c.get('deps').urls, c.get('deps').config.tokenSecret);

async function sendPage(c: Context<AppEnv>, address: ChangePageAddress): Promise<Response> {
  const { records, urls } = c.get('deps');
  const page = await readChangePage(records, address);
  return sendPresentation(c, buildChangePage(page, urls, pageUrlOf(c)), DISCOVERY_MEDIA_TYPE);
}

/** The page `after` or `before` names (the first page when neither is given); 400 for one the service did not sign, or both. */
function requestedAddress(c: Context<AppEnv>): ChangePageAddress {
  const after = c.req.query('after');
  const before = c.req.query('before');
  if (after !== undefined && before !== undefined) throw badRequest('A page of the change feed is "after" a key or "before" one, not both.');
  const side = after !== undefined ? 'after' : before !== undefined ? 'before' : undefined;
  if (side === undefined) return { kind: 'first' };
  const signed = (after ?? before) as string;
  const key = verifyCursor(signed, c.get('deps').config.tokenSecret, signingContext(side));
  if (key === undefined) throw badRequest(`"${side}=${signed}" is not a page of the change feed: follow the links of ${COLLECTION_PATH}.`);
  return { kind: side, key };
}

export const changeDiscoveryRoutes = new Hono<AppEnv>()
  .get(COLLECTION_PATH, (c) => sendPresentation(c, buildChangeCollection(c.get('deps').urls, pageUrlOf(c)), DISCOVERY_MEDIA_TYPE))
  .get(`${COLLECTION_PATH}/page`, (c) => sendPage(c, requestedAddress(c)))
  .get(`${COLLECTION_PATH}/page/last`, (c) => sendPage(c, { kind: 'last' }));

const PAGE = ok('An OrderedCollectionPage of activities, oldest first', [DISCOVERY_MEDIA_TYPE]);

export const changeDiscoveryPaths: OpenApiPaths = {
  [COLLECTION_PATH]: {
    get: operation(
      'iiif',
      'IIIF Change Discovery 1.0: the OrderedCollection of every change to the manifests',
      { '200': ok('The collection, with its first and last pages', [DISCOVERY_MEDIA_TYPE]), ...COMMON_RESPONSES },
      [],
      { description: 'Create, Update and Delete activities, one per record (its latest change), oldest first: readers start at `last` and follow `prev`.' },
    ),
  },
  [`${COLLECTION_PATH}/page`]: {
    get: operation(
      'iiif',
      'A page of the change feed: the first, or the one after or before a key',
      { '200': PAGE, ...COMMON_RESPONSES },
      [
        queryParameter('after', 'A signed key from a page’s `next` link: the activities just newer than it', { type: 'string' }),
        queryParameter('before', 'A signed key from a page’s `prev` link: the activities just older than it', { type: 'string' }),
      ],
      { description: 'Without `after` or `before`, the first page (the oldest activities). Keys the service did not sign, or both at once, are a 400.' },
    ),
  },
  [`${COLLECTION_PATH}/page/last`]: {
    get: operation('iiif', 'The last page of the change feed: the newest activities', { '200': PAGE, ...COMMON_RESPONSES }),
  },
};
