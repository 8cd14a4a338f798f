/** The OpenAPI description of the Content Search services (`routes/content-search.ts`), merged into the document by `build-openapi.ts`. */
type Json = { [key: string]: unknown };

const ref = (kind: 'parameters' | 'responses', name: string) => ({ $ref: `#/components/${kind}/${name}` });
const MEDIA_TYPE = 'application/ld+json';
const RESPONSES = {
  '304': ref('responses', 'NotModified'),
  '400': ref('responses', 'BadRequest'),
  '404': ref('responses', 'NotFound'),
  '410': ref('responses', 'Gone'),
  '503': ref('responses', 'Unavailable'),
};
const query = (name: string, description: string, schema: Json, extra: Json = {}) => ({ name, in: 'query', description, schema, ...extra });
const IGNORED = ['motivation', 'date', 'user'].map((name) =>
  query(name, `Defined by the Content Search APIs and not applied here: listed in the response's \`ignored\``, { type: 'string' }),
);

function search(version: 1 | 2): Json {
  const answer =
    version === 1
      ? 'an `sc:AnnotationList` of painting annotations on canvases, with `hits` (before, match, after)'
      : 'an `AnnotationPage` of the matched words as annotations on canvases, with `contextualizing` TextQuoteSelectors';
  return {
    get: {
      tags: ['iiif'],
      summary: `IIIF Content Search ${version}.0 inside the record: ${answer}, 50 hits a page`,
      parameters: [
        ref('parameters', 'RecordId'),
        query(
          'q',
          'Words to find (every one must occur), and "quoted phrases"; case and accents are ignored',
          { type: 'string', minLength: 1 },
          { required: true, example: 'Kim Il Sung' },
        ),
        query('page', 'The page of hits, from 0', { type: 'integer', minimum: 0 }),
        ...IGNORED,
      ],
      responses: { '200': { description: 'A page of hits', content: { [MEDIA_TYPE]: {} } }, ...RESPONSES },
    },
  };
}

function autocomplete(version: 1 | 2): Json {
  return {
    get: {
      tags: ['iiif'],
      summary: `IIIF Content Search ${version}.0 autocomplete: the record's terms (or phrases) that begin with \`q\`, the most frequent first (a ${version === 1 ? '`search:TermList`' : '`TermPage`'})`,
      parameters: [
        ref('parameters', 'RecordId'),
        query('q', 'The start of a term, or of a phrase', { type: 'string', minLength: 1 }, { required: true, example: 'ki' }),
        query('min', 'Only terms that occur at least this often', { type: 'integer', minimum: 0 }),
        ...IGNORED,
      ],
      responses: { '200': { description: 'The terms', content: { [MEDIA_TYPE]: {} } }, ...RESPONSES },
    },
  };
}

function inPresentation2(path: Json): Json {
  const get = path.get as Json;
  return { get: { ...get, summary: `${get.summary}; the service of the Presentation 2.1 manifest, its hits on the 2.1 canvases` } };
}

export function contentSearchPaths(): Json {
  return {
    '/iiif/search/1/{id}': search(1),
    '/iiif/search/1/{id}/autocomplete': autocomplete(1),
    '/iiif/search/2/{id}': search(2),
    '/iiif/search/2/{id}/autocomplete': autocomplete(2),
    // The 2.1 manifest's Search 1.0 service: the same search, its hits on the 2.1 canvases (ADR 0015).
    '/iiif/2/{id}/search': inPresentation2(search(1)),
    '/iiif/2/{id}/search/autocomplete': inPresentation2(autocomplete(1)),
  };
}
