/**
 * IIIF Content Search API 1.0 and 2.0 inside each record, with their autocomplete services:
 * `/iiif/search/{1|2}/{id}?q=` and `/iiif/search/{1|2}/{id}/autocomplete?q=`, answered from the
 * record's search index (`core/search/`). The parameters the APIs define and this service does
 * not apply (`motivation`, `date`, `user`) are listed in `ignored`, as both specifications ask.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { DISSEMINATION_VERSION } from '../../core/records/record-fingerprint.ts';
import {
  buildAutocomplete1Response,
  buildAutocomplete2Response,
  buildSearch1Response,
  buildSearch2Response,
  UNSUPPORTED_SEARCH_PARAMETERS,
} from '../../core/search/content-search-responses.ts';
import { completeTerm, parseQuery } from '../../core/search/query-index.ts';
import { type RecordSearchIndex, readSearchIndex } from '../../core/search/record-search-index.ts';
import { SEARCH_INDEX_VERSION } from '../../core/search/search-index.ts';
import { SEARCH_PAGE_SIZE, searchRecord } from '../../core/search/search-record.ts';
import type { ServiceUrls } from '../../core/urls.ts';
import { sendCachedRepresentation } from '../../http/conditional.ts';
import { loadRecord } from '../../http/load-record.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import type { AppEnv } from '../app-env.ts';
import { type OpenApiPaths, type Operation, queryParameter, RECORD_ID, RECORD_RESPONSES } from '../openapi/operations.ts';

const SEARCH_MEDIA_TYPE = 'application/ld+json';
/** Terms an autocomplete answers with, at most. */
const AUTOCOMPLETE_LIMIT = 20;
const NATURAL = /^(0|[1-9][0-9]{0,8})$/;

/** Indexes read for records held in memory: a record read again (the record cache) is searched without reading its index again. */
const indexes = new WeakMap<ArchivalRecord, Promise<RecordSearchIndex>>();

function indexOf(c: Context<AppEnv>, record: ArchivalRecord): Promise<RecordSearchIndex> {
  let index = indexes.get(record);
  if (!index) {
    index = readSearchIndex(record, c.get('deps').blobs);
    indexes.set(record, index);
    index.catch(() => indexes.delete(record));
  }
  return index;
}

/**
 * Sends an answer that is a pure function of the record's version and the request's parameters:
 * its ETag names them, so a repeated request is answered from the representation cache (or 304)
 * without searching again.
 */
function send(c: Context<AppEnv>, record: ArchivalRecord, what: string, parameters: unknown[], render: () => Promise<object>): Promise<Response> {
  const digest = createHash('sha256').update(JSON.stringify(parameters)).digest('base64url').slice(0, 22);
  return sendCachedRepresentation(c, {
    render: async () => JSON.stringify(await render()),
    contentType: SEARCH_MEDIA_TYPE,
    etag: `${record.id}-v${record.version}-d${DISSEMINATION_VERSION}-i${SEARCH_INDEX_VERSION}-${what}-${digest}`,
  });
}

function requiredQ(c: Context<AppEnv>): string {
  const q = c.req.query('q');
  if (q === undefined || q.trim() === '') throw badRequest('"q" is required: the words to search for.');
  return q;
}

const ignoredParameters = (c: Context<AppEnv>) => UNSUPPORTED_SEARCH_PARAMETERS.filter((name) => c.req.query(name) !== undefined);

function naturalParameter(c: Context<AppEnv>, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined) return undefined;
  if (!NATURAL.test(raw)) throw badRequest(`"${name}" must be a whole number (0, 1, 2...), not "${raw.slice(0, 40)}".`);
  return Number(raw);
}

/** The URLs a search answers in: the service's own, or a Presentation version's space (`presentation2Space`). */
type UrlSpace = (urls: ServiceUrls) => ServiceUrls;
const sameSpace: UrlSpace = (urls) => urls;

export async function search(c: Context<AppEnv>, version: 1 | 2, space = sameSpace): Promise<Response> {
  const q = requiredQ(c);
  const page = naturalParameter(c, 'page');
  const { records } = c.get('deps');
  const urls = space(c.get('deps').urls);
  const record = await loadRecord(records, c.req.param('id') ?? '');
  if (parseQuery(q).length === 0) throw badRequest(`"q" holds no word to search for: "${q.slice(0, 80)}".`);
  const ignored = ignoredParameters(c);
  // The service's own URL among the parameters: the same search in another Presentation space (`/iiif/2/{id}/search`) targets other canvases.
  return send(c, record, `search${version}`, [urls.contentSearch(version, record.id), q, page, ignored], async () => {
    const outcome = searchRecord(record, await indexOf(c, record), { version, q, page, ignored }, urls);
    if (outcome.ok) return version === 1 ? buildSearch1Response(outcome.page) : buildSearch2Response(outcome.page);
    if (outcome.reason === 'no-words') throw badRequest(`"q" holds no word to search for: "${q.slice(0, 80)}".`);
    throw notFound(`This search has ${outcome.pageCount} page${outcome.pageCount === 1 ? '' : 's'} (0 to ${outcome.pageCount - 1}); there is no page ${page}.`);
  });
}

export async function autocomplete(c: Context<AppEnv>, version: 1 | 2, space = sameSpace): Promise<Response> {
  const q = requiredQ(c);
  const min = naturalParameter(c, 'min');
  const { records } = c.get('deps');
  const urls = space(c.get('deps').urls);
  const record = await loadRecord(records, c.req.param('id') ?? '');
  const ignored = ignoredParameters(c);
  return send(c, record, `autocomplete${version}`, [urls.contentSearchAutocomplete(version, record.id), q, min, ignored], async () => {
    const { index, sources } = await indexOf(c, record);
    const list = {
      autocomplete: urls.contentSearchAutocomplete(version, record.id),
      search: urls.contentSearch(version, record.id),
      q,
      ...(min === undefined ? {} : { min }),
      completions: completeTerm(index, sources, q, { limit: AUTOCOMPLETE_LIMIT, ...(min === undefined ? {} : { min }) }),
      ignored,
    };
    return version === 1 ? buildAutocomplete1Response(list) : buildAutocomplete2Response(list);
  });
}

export const contentSearchRoutes = new Hono<AppEnv>()
  .get('/iiif/search/1/:id', (c) => search(c, 1))
  .get('/iiif/search/2/:id', (c) => search(c, 2))
  .get('/iiif/search/1/:id/autocomplete', (c) => autocomplete(c, 1))
  .get('/iiif/search/2/:id/autocomplete', (c) => autocomplete(c, 2));

const IGNORED = UNSUPPORTED_SEARCH_PARAMETERS.map((name) =>
  queryParameter(name, `Defined by the Content Search APIs and not applied here: listed in the response's \`ignored\``, { type: 'string' }),
);

/** The search of Content Search `version`, also the 2.1 manifest's service (`iiif-presentation-2.ts`). */
export function searchOperation(version: 1 | 2): Operation {
  const answer =
    version === 1
      ? 'an `sc:AnnotationList` of painting annotations on canvases, with `hits` (before, match, after)'
      : 'an `AnnotationPage` of the matched words as annotations on canvases, with `contextualizing` TextQuoteSelectors';
  return {
    tags: ['iiif'],
    summary: `IIIF Content Search ${version}.0 inside the record: ${answer}, ${SEARCH_PAGE_SIZE} hits a page`,
    parameters: [
      RECORD_ID,
      queryParameter(
        'q',
        'Words to find (every one must occur), and "quoted phrases"; case and accents are ignored',
        { type: 'string', minLength: 1 },
        { required: true, example: 'Kim Il Sung' },
      ),
      queryParameter('page', 'The page of hits, from 0', { type: 'integer', minimum: 0 }),
      ...IGNORED,
    ],
    responses: { '200': { description: 'A page of hits', content: { [SEARCH_MEDIA_TYPE]: {} } }, ...RECORD_RESPONSES },
  };
}

export function autocompleteOperation(version: 1 | 2): Operation {
  return {
    tags: ['iiif'],
    summary: `IIIF Content Search ${version}.0 autocomplete: the record's terms (or phrases) that begin with \`q\`, the most frequent first (a ${version === 1 ? '`search:TermList`' : '`TermPage`'})`,
    parameters: [
      RECORD_ID,
      queryParameter('q', 'The start of a term, or of a phrase', { type: 'string', minLength: 1 }, { required: true, example: 'ki' }),
      queryParameter('min', 'Only terms that occur at least this often', { type: 'integer', minimum: 0 }),
      ...IGNORED,
    ],
    responses: { '200': { description: 'The terms', content: { [SEARCH_MEDIA_TYPE]: {} } }, ...RECORD_RESPONSES },
  };
}

export const contentSearchPaths: OpenApiPaths = {
  '/iiif/search/1/{id}': { get: searchOperation(1) },
  '/iiif/search/1/{id}/autocomplete': { get: autocompleteOperation(1) },
  '/iiif/search/2/{id}': { get: searchOperation(2) },
  '/iiif/search/2/{id}/autocomplete': { get: autocompleteOperation(2) },
};
