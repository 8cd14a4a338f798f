/**
 * The service's OpenAPI 3.1 description, served at `/openapi.json`. Built from the same registries
 * the routes answer from (renderings, negotiated media types, citation styles, OAI-PMH verbs and
 * formats, IIIF image formats, published schemas), so a rendering or style added there is
 * described here without a second list. A test requests every documented operation from the app
 * and checks that every public route is documented.
 */
import { publishedSchemas } from '../../../schemas/registry.ts';
import { renderJsonSchema } from '../../../schemas/render-json-schema.ts';
import { CITATION_FORMATS, CITATION_FORMS, CITATION_LOCALES, CITATION_STYLES } from '../../core/citation/citation-styles.ts';
import { DISCOVERY_MEDIA_TYPE } from '../../core/discovery/build-change-feed.ts';
import { IMAGE_2_CONTEXT } from '../../core/iiif/image-2/service-profile.ts';
import { OUTPUT_FORMATS } from '../../core/iiif/image-3/parse-format.ts';
import { INFO_MEDIA_TYPE } from '../../core/iiif/image-3/service-profile.ts';
import { PRESENTATION_2_CONTEXT, PRESENTATION_2_MEDIA_TYPE } from '../../core/iiif/presentation-2/types.ts';
import { PAGE_PARAMETER } from '../../core/iiif/presentation-3/build-collection.ts';
import { PRESENTATION_CONTEXT, PRESENTATION_MEDIA_TYPE } from '../../core/iiif/presentation-3/types.ts';
import { METADATA_FORMATS } from '../../core/oai/metadata-formats.ts';
import { OAI_VERBS } from '../../core/oai/parse-oai-request.ts';
import type { ServiceUrls } from '../../core/urls.ts';
import { RENDERINGS } from '../renderings/index.ts';
import { HOME_OFFERS } from '../routes/home.ts';
import { MAX_OAI_BODY_BYTES } from '../routes/oai.ts';
import { BIBLIOGRAPHY_MEDIA_TYPE } from '../routes/records.ts';
import { contentSearchPaths } from './content-search-paths.ts';

type Json = { [key: string]: unknown };

const EXAMPLE_RECORD = '110020';
const EXAMPLE_IMAGE = '110020-l37';

const ref = (kind: 'parameters' | 'responses' | 'schemas', name: string) => ({ $ref: `#/components/${kind}/${name}` });

const pathParameter = (name: string, description: string, example: string, schema: Json = { type: 'string' }) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
  example,
});

const queryParameter = (name: string, description: string, schema: Json, extra: Json = {}) => ({ name, in: 'query', description, schema, ...extra });

/** The answers every read can give besides its own: 304 to a matching If-None-Match, problems, 503 when storage is unreachable. */
const COMMON_RESPONSES = {
  '304': ref('responses', 'NotModified'),
  '400': ref('responses', 'BadRequest'),
  '404': ref('responses', 'NotFound'),
  '503': ref('responses', 'Unavailable'),
};
const RECORD_RESPONSES = { ...COMMON_RESPONSES, '410': ref('responses', 'Gone') };

const ok = (description: string, mediaTypes: readonly string[], schema?: Json) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, schema ? { schema } : {}])),
});

function operation(tag: string, summary: string, responses: Json, parameters: unknown[] = [], extra: Json = {}): Json {
  return { tags: [tag], summary, ...(parameters.length > 0 ? { parameters } : {}), responses, ...extra };
}

function recordPaths(): Json {
  const paths: Json = {};
  const negotiated = [...new Set([...RENDERINGS.flatMap((r) => r.mediaTypes), BIBLIOGRAPHY_MEDIA_TYPE])];
  paths['/records/{id}'] = {
    get: operation(
      'records',
      'The record: its landing page, or the representation Accept asks for',
      {
        '200': ok(
          "The chosen representation; `Content-Location` names its own URL. Without `Accept`, with `*/*` or with a browser's `Accept`, the landing page (HTML).",
          negotiated,
        ),
        '406': ref('responses', 'NotAcceptable'),
        ...RECORD_RESPONSES,
      },
      [ref('parameters', 'RecordId')],
      {
        description: `Content negotiation on \`Accept\` (with q-values, \`Vary: Accept\`), like a DOI: a request without \`Accept\`, with \`*/*\` (curl, Zotero's translation-server, Wikipedia's Citoid) or with a browser's \`Accept\` gets the landing page, \`text/html\`, which carries the Highwire \`citation_*\` tags, unAPI and a link to every other format; \`application/json\` gets the Record; any other media type named outright, its rendering; \`${BIBLIOGRAPHY_MEDIA_TYPE}; style=...; locale=...\` a formatted citation. When \`Accept\` allows several, the landing page comes first, then the Record JSON, then the others in the order listed. A withdrawn record answers 410 the same way: a page where a live record's landing page would be sent, problem JSON otherwise. Every representation is also at its own URL below.`,
      },
    ),
  };
  for (const rendering of RENDERINGS) {
    const schema = rendering.extension === 'json' ? ref('schemas', 'ArchivalRecord') : undefined;
    paths[`/records/{id}.${rendering.extension}`] = {
      get: operation(
        'records',
        `The record as ${rendering.label ?? rendering.extension}`,
        { '200': ok(rendering.label ?? rendering.extension, [rendering.contentType], schema), ...RECORD_RESPONSES },
        [ref('parameters', 'RecordId')],
      ),
    };
  }
  paths['/records/{id}/citation'] = {
    get: operation(
      'citations',
      'A formatted citation',
      { '200': ok('The citation', ['text/plain; charset=utf-8', 'text/html; charset=utf-8']), ...RECORD_RESPONSES },
      [
        ref('parameters', 'RecordId'),
        queryParameter('style', `Citation style; also accepted: ${CITATION_STYLES.flatMap((s) => s.aliases).join(', ')}.`, {
          type: 'string',
          enum: CITATION_STYLES.map((s) => s.id),
          default: CITATION_STYLES[0]?.id,
        }),
        queryParameter('locale', 'Locale of the citation', { type: 'string', enum: CITATION_LOCALES.map((l) => l.id), default: CITATION_LOCALES[0]?.id }),
        queryParameter('form', 'A bibliography entry or a note', { type: 'string', enum: [...CITATION_FORMS], default: 'bibliography' }),
        queryParameter('format', 'Plain text or HTML; without it, `Accept` decides', { type: 'string', enum: [...CITATION_FORMATS] }),
      ],
    ),
  };
  paths['/records/{id}/rights'] = {
    get: operation(
      'records',
      'The rights: rightsstatements.org URI and label, the statement verbatim, holder and contact',
      { '200': ok('The rights', ['application/json; charset=utf-8'], ref('schemas', 'Rights')), ...RECORD_RESPONSES },
      [ref('parameters', 'RecordId')],
    ),
  };
  paths['/linkset/{id}'] = {
    get: operation(
      'discovery',
      'FAIR Signposting link set of the record (RFC 9264)',
      { '200': ok('The link set', ['application/linkset+json', 'application/linkset']), ...RECORD_RESPONSES },
      [ref('parameters', 'RecordId')],
    ),
  };
  return paths;
}

const VERSION_NEGOTIATION = `An \`Accept\` header that prefers the other Presentation version's profile (\`application/ld+json;profile="${PRESENTATION_2_CONTEXT}"\` or \`...;profile="${PRESENTATION_CONTEXT}"\`) is answered with a 303 to that version's manifest; every answer varies on \`Accept\`.`;
const VERSION_REDIRECT = { '303': { description: "The other Presentation version's manifest, which the Accept profile prefers" } };

/** IIIF Presentation 2.1 for legacy clients (docs/adr/0015-iiif-2-for-legacy-clients.md). */
function presentation2Paths(): Json {
  const page = queryParameter(PAGE_PARAMETER, 'A continuation page of the collection, as its previous page lists it', { type: 'string' });
  const collection = (summary: string, parameters: unknown[]) => ({
    get: operation('iiif', summary, { '200': ok('A IIIF Presentation 2.1 sc:Collection', [PRESENTATION_2_MEDIA_TYPE]), ...COMMON_RESPONSES }, [
      ...parameters,
      page,
    ]),
  });
  const part = (summary: string, description: string, parameters: unknown[]) => ({
    get: operation('iiif', summary, { '200': ok(description, [PRESENTATION_2_MEDIA_TYPE]), ...RECORD_RESPONSES }, [
      ref('parameters', 'RecordId'),
      ...parameters,
    ]),
  });
  const paths: Json = {
    '/iiif/2/{id}/manifest': {
      get: operation(
        'iiif',
        'The record as a IIIF Presentation 2.1 Manifest, for legacy clients, its images through the Image API 2.1',
        { '200': ok('The sc:Manifest', [PRESENTATION_2_MEDIA_TYPE]), ...VERSION_REDIRECT, ...RECORD_RESPONSES },
        [ref('parameters', 'RecordId')],
        { description: VERSION_NEGOTIATION },
      ),
    },
    '/iiif/2/{id}/annotations/{name}': part("A text's sc:AnnotationList (translation or transcription), the canvases' otherContent", 'The sc:AnnotationList', [
      pathParameter('name', 'The kind and language of the text, and its number when there are several', 'translation-en'),
    ]),
    '/iiif/2/{id}/sequence/{name}': part("The manifest's sc:Sequence, dereferenced", 'The sc:Sequence', [pathParameter('name', 'The sequence', 'normal')]),
    '/iiif/2/{id}/canvas/{name}': part('One sc:Canvas of the manifest, dereferenced', 'The sc:Canvas', [
      pathParameter('name', 'The canvas name, after the leaf (`document` when the source cites no leaf)', 'l37'),
    ]),
    '/iiif/2/{id}/range/{name}': part('The sc:Range of the manifest, dereferenced', 'The sc:Range', [pathParameter('name', 'The range', 'document')]),
    '/iiif/2/collection/top': collection('The top collection in Presentation 2.1: every record, and the repositories', []),
    '/iiif/2/collection/all': collection('Every record in Presentation 2.1, in the order of its last change', []),
  };
  const levels = ['repository', 'fond', 'opis', 'delo'] as const;
  const examples = { repository: 'APRF', fond: '45', opis: '1', delo: '337' };
  levels.forEach((_, depth) => {
    const path = levels.slice(0, depth + 1);
    paths[`/iiif/2/collection/archive/${path.map((level) => `{${level}}`).join('/')}`] = collection(
      `The ${path[path.length - 1]} as a Presentation 2.1 collection of its sub-levels and manifests`,
      path.map((level) => pathParameter(level, `The ${level}, as the reference writes it`, examples[level])),
    );
  });
  return paths;
}

function iiifPaths(): Json {
  const collectionLevels = ['repository', 'fond', 'opis', 'delo'] as const;
  const page = queryParameter(PAGE_PARAMETER, 'A continuation page of the collection, as its previous page links to it', { type: 'string' });
  const collection = (summary: string, parameters: unknown[]) => ({
    get: operation('iiif', summary, { '200': ok('A IIIF Presentation 3.0 Collection', [PRESENTATION_MEDIA_TYPE]), ...COMMON_RESPONSES }, [...parameters, page]),
  });
  const canvas = pathParameter('name', 'The canvas name, after the leaf (`document` when the source cites no leaf)', 'l37');
  const part = (summary: string, description: string, parameters: unknown[]) => ({
    get: operation('iiif', summary, { '200': ok(description, [PRESENTATION_MEDIA_TYPE]), ...RECORD_RESPONSES }, [ref('parameters', 'RecordId'), ...parameters]),
  });
  const paths: Json = {
    '/iiif/3/{id}/manifest': {
      get: operation(
        'iiif',
        'The record as a IIIF Presentation 3.0 Manifest',
        { '200': ok('The Manifest', [PRESENTATION_MEDIA_TYPE]), ...VERSION_REDIRECT, ...RECORD_RESPONSES },
        [ref('parameters', 'RecordId')],
        { description: VERSION_NEGOTIATION },
      ),
    },
    '/iiif/3/{id}/canvas/{name}': part('One Canvas of the Manifest, dereferenced', 'The Canvas', [canvas]),
    '/iiif/3/{id}/canvas/{name}/page/{page}': part("A canvas's painting AnnotationPage, dereferenced", 'The AnnotationPage', [
      canvas,
      pathParameter('page', 'The page of the canvas', 'painting'),
    ]),
    '/iiif/3/{id}/canvas/{name}/annotation/{annotation}': part("A canvas's painting Annotation, dereferenced", 'The Annotation', [
      canvas,
      pathParameter('annotation', 'The annotation of the canvas', 'painting'),
    ]),
    '/iiif/3/{id}/annotations/{name}': part(
      "A text's AnnotationPage (translation or transcription), which every canvas the text covers references",
      'The AnnotationPage',
      [pathParameter('name', 'The kind and language of the text, and its number when there are several', 'translation-en')],
    ),
    '/iiif/3/{id}/annotation/{name}': part("A text's supplementing Annotation, with the text as HTML", 'The Annotation', [
      pathParameter('name', 'The kind and language of the text, and its number when there are several', 'translation-en'),
    ]),
    '/iiif/3/{id}/range/{name}': part('A Range of the Manifest, dereferenced', 'The Range', [pathParameter('name', 'The range', 'document')]),
    '/iiif/3/collection/top': collection('The top collection: every record, and the repositories', []),
    '/iiif/3/collection/all': collection('Every record, in the order of its last change', []),
  };
  const examples = { repository: 'APRF', fond: '45', opis: '1', delo: '337' };
  collectionLevels.forEach((_, depth) => {
    const levels = collectionLevels.slice(0, depth + 1);
    paths[`/iiif/3/collection/archive/${levels.map((level) => `{${level}}`).join('/')}`] = collection(
      `The ${levels[levels.length - 1]} as a collection of its sub-levels and manifests`,
      levels.map((level) => pathParameter(level, `The ${level}, as the reference writes it`, examples[level])),
    );
  });
  const image = pathParameter('image', 'A leaf image: the record id, `-l`, the leaf and `ob` for a reverse side', EXAMPLE_IMAGE);
  paths['/iiif/image/3/{image}'] = {
    get: operation('iiif', 'The image service: redirects to its info.json', { '303': { description: 'See info.json' }, '404': ref('responses', 'NotFound') }, [
      image,
    ]),
  };
  paths['/iiif/image/3/{image}/info.json'] = {
    get: operation(
      'iiif',
      'IIIF Image API 3.0 image information (compliance level 2)',
      { '200': ok('Image information', [INFO_MEDIA_TYPE, 'application/json']), ...RECORD_RESPONSES },
      [image],
    ),
  };
  /** An image request of either Image API version: the same parameters, but for the size forms. */
  const imageRequest = (summary: string, imageParameter: typeof image, sizeForms: string) => ({
    get: operation(
      'iiif',
      summary,
      {
        '200': ok('The image', Object.values(OUTPUT_FORMATS), { type: 'string', contentMediaType: 'image/*' }),
        '501': ref('responses', 'NotImplemented'),
        ...RECORD_RESPONSES,
      },
      [
        imageParameter,
        pathParameter('region', '`full`, `square`, `x,y,w,h` or `pct:x,y,w,h`', 'full'),
        pathParameter('size', sizeForms, '512,'),
        pathParameter('rotation', 'Degrees, multiples of 90, `!` for a mirror first', '0'),
        pathParameter('quality', 'Quality', 'default', { type: 'string', enum: ['default', 'color', 'gray', 'bitonal'] }),
        pathParameter('format', 'Format', 'jpg', { type: 'string', enum: Object.keys(OUTPUT_FORMATS) }),
      ],
    ),
  });
  paths['/iiif/image/3/{image}/{region}/{size}/{rotation}/{quality}.{format}'] = imageRequest(
    'An image request (IIIF Image API 3.0)',
    image,
    '`max`, `^max`, `w,`, `,h`, `pct:n`, `w,h`, `!w,h` and their `^` forms',
  );
  const image2 = pathParameter('image', 'A leaf image, as in the Image API 3.0 service', EXAMPLE_IMAGE);
  paths['/iiif/image/2/{image}'] = {
    get: operation(
      'iiif',
      'The Image API 2.1 service of the same image, for legacy clients: redirects to its info.json',
      { '303': { description: 'See info.json' }, '404': ref('responses', 'NotFound') },
      [image2],
    ),
  };
  paths['/iiif/image/2/{image}/info.json'] = {
    get: operation(
      'iiif',
      'IIIF Image API 2.1 image information (compliance level 2): plain JSON unless Accept asks for application/ld+json',
      { '200': ok('Image information', ['application/json', `application/ld+json;profile="${IMAGE_2_CONTEXT}"`]), ...RECORD_RESPONSES },
      [image2],
    ),
  };
  paths['/iiif/image/2/{image}/{region}/{size}/{rotation}/{quality}.{format}'] = imageRequest(
    'An image request in the IIIF Image API 2.1 syntax, planned and rendered as the 3.0 one',
    image2,
    '`full`, `max`, `w,`, `,h`, `pct:n`, `w,h`, `!w,h`; all but `full` and `max` may enlarge, within the limits',
  );
  return paths;
}

function oaiPaths(): Json {
  const argument = (name: string, description: string, schema: Json = { type: 'string' }) => ({ name, description, schema });
  const args = [
    argument('verb', 'The OAI-PMH request', { type: 'string', enum: [...OAI_VERBS] }),
    argument('identifier', 'An OAI identifier, `oai:{repositoryIdentifier}:{id}`'),
    argument('metadataPrefix', 'Metadata format', { type: 'string', enum: METADATA_FORMATS.map((f) => f.prefix) }),
    argument('from', 'UTC date or datetime (`YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`)'),
    argument('until', 'UTC date or datetime, the same granularity as `from`'),
    argument('set', 'A setSpec, as ListSets gives them'),
    argument('resumptionToken', 'The token of the previous list response'),
  ];
  const response = {
    '200': ok('An OAI-PMH response; protocol errors are answered in it, with status 200', ['text/xml; charset=utf-8']),
    '503': ref('responses', 'Unavailable'),
  };
  return {
    '/oai': {
      get: operation(
        'oai-pmh',
        'OAI-PMH 2.0 (Dublin Core, MODS 3.7, MARCXML, DataCite 4.7)',
        response,
        args.map((a) => ({ ...a, in: 'query', ...(a.name === 'verb' ? { required: true, example: 'Identify' } : {}) })),
      ),
      post: operation('oai-pmh', 'OAI-PMH 2.0, arguments in a form body', { ...response, '413': ref('responses', 'ContentTooLarge') }, [], {
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                properties: Object.fromEntries(args.map((a) => [a.name, { ...a.schema, description: a.description }])),
                required: ['verb'],
              },
            },
          },
        },
      }),
    },
  };
}

function discoveryPaths(): Json {
  return {
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
    '/unapi': {
      get: operation(
        'discovery',
        'unAPI: the formats, the formats of one record (300), or the record in one format',
        {
          '200': ok('The format list, or the record in the format asked for', ['application/xml; charset=utf-8']),
          '300': ok('The formats of the record', ['application/xml; charset=utf-8']),
          ...RECORD_RESPONSES,
        },
        [queryParameter('id', 'A record id', { type: 'string' }), queryParameter('format', 'A format name from the list', { type: 'string' })],
      ),
    },
    '/iiif/discovery/1/activity/all-changes': {
      get: operation(
        'iiif',
        'IIIF Change Discovery 1.0: the OrderedCollection of every change to the manifests',
        { '200': ok('The collection, with its first and last pages', [DISCOVERY_MEDIA_TYPE]), ...COMMON_RESPONSES },
        [],
        { description: 'Create, Update and Delete activities, one per record (its latest change), oldest first: readers start at `last` and follow `prev`.' },
      ),
    },
    '/iiif/discovery/1/activity/all-changes/page': {
      get: operation(
        'iiif',
        'A page of the change feed: the first, or the one after or before a key',
        { '200': ok('An OrderedCollectionPage of activities, oldest first', [DISCOVERY_MEDIA_TYPE]), ...COMMON_RESPONSES },
        [
          queryParameter('after', 'A signed key from a page’s `next` link: the activities just newer than it', { type: 'string' }),
          queryParameter('before', 'A signed key from a page’s `prev` link: the activities just older than it', { type: 'string' }),
        ],
        { description: 'Without `after` or `before`, the first page (the oldest activities). Keys the service did not sign, or both at once, are a 400.' },
      ),
    },
    '/iiif/discovery/1/activity/all-changes/page/last': {
      get: operation('iiif', 'The last page of the change feed: the newest activities', {
        '200': ok('An OrderedCollectionPage of activities, oldest first', [DISCOVERY_MEDIA_TYPE]),
        ...COMMON_RESPONSES,
      }),
    },
    '/sitemap.xml': {
      get: operation('discovery', 'Sitemap of the landing pages', { '200': ok('The sitemap', ['application/xml; charset=utf-8']), ...COMMON_RESPONSES }),
    },
    '/viewer': {
      get: operation('iiif', 'Mirador, opening a manifest', { '200': ok('The viewer page', ['text/html; charset=utf-8']), ...COMMON_RESPONSES }, [
        queryParameter(
          'manifest',
          'The URL of the IIIF Presentation manifest to open',
          { type: 'string', format: 'uri' },
          { required: true, example: 'https://archive.example.org/iiif/3/110020/manifest' },
        ),
      ]),
    },
    '/viewer/{file}': {
      get: operation('iiif', "The viewer's script, content-addressed", { '200': ok('Mirador', ['text/javascript; charset=utf-8']), ...COMMON_RESPONSES }, [
        pathParameter('file', 'The file name the viewer page links to (it names the script’s digest)', 'mirador-0123456789abcdef.min.js'),
      ]),
    },
    '/schemas/{name}.schema.json': {
      get: operation('service', 'A published JSON Schema', { '200': ok('The JSON Schema', ['application/schema+json']), ...COMMON_RESPONSES }, [
        pathParameter('name', 'Schema name', 'record', { type: 'string', enum: Object.keys(publishedSchemas) }),
      ]),
    },
    '/openapi.json': {
      get: operation('service', 'This description', { '200': ok('OpenAPI 3.1', ['application/vnd.oai.openapi+json']), '304': ref('responses', 'NotModified') }),
    },
    '/health': { get: operation('service', 'Liveness', { '200': ok('Up', ['application/json']) }) },
  };
}

function components(): Json {
  const { $schema: _dialect, $id: _id, ...recordSchema } = JSON.parse(renderJsonSchema('record')) as Json;
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('schemas', 'Problem') } } });
  return {
    parameters: { RecordId: pathParameter('id', 'Record identifier', EXAMPLE_RECORD, { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' }) },
    responses: {
      NotModified: { description: 'The representation matches If-None-Match' },
      BadRequest: problem('A parameter is malformed; the problem names it'),
      NotFound: problem('No such resource'),
      Gone: problem('The record was withdrawn'),
      NotAcceptable: problem('No representation matches Accept; the problem lists those offered'),
      NotImplemented: problem('A valid IIIF request for a feature the service does not offer'),
      ContentTooLarge: problem(`The body is longer than the route reads (${MAX_OAI_BODY_BYTES} bytes for OAI-PMH); it is not read further`),
      Unavailable: {
        ...problem('Storage is unreachable; retry after the time given'),
        headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds' } },
      },
    },
    schemas: {
      ArchivalRecord: recordSchema,
      Problem: {
        type: 'object',
        description: 'RFC 9457 problem details',
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          instance: { type: 'string' },
        },
        required: ['type', 'title', 'status'],
      },
      Rights: {
        type: 'object',
        properties: {
          uri: { type: 'string', format: 'uri', description: 'rightsstatements.org or Creative Commons URI' },
          label: { type: 'string' },
          statement: { type: 'string', description: 'The archive’s statement, verbatim' },
          paragraphs: { type: 'array', items: { type: 'string' } },
          holder: { type: 'string' },
          contact: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string' } }, required: ['email'] },
        },
        required: ['uri', 'label', 'statement'],
      },
    },
  };
}

export function buildOpenApi(urls: ServiceUrls, service: { title: string; version: string }): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: service.title,
      version: service.version,
      description:
        'Archival records for machines: IIIF Presentation 3.0 and Image API 3.0, OAI-PMH 2.0, Dublin Core, MODS and MARCXML, CSL-JSON, BibTeX, RIS and formatted citations, FAIR Signposting. Every GET also answers HEAD and is open to every origin (CORS); those documenting 304 send a strong ETag and answer a matching If-None-Match with it.',
    },
    servers: [{ url: urls.base }],
    tags: ['records', 'citations', 'iiif', 'oai-pmh', 'discovery', 'service'].map((name) => ({ name })),
    paths: { ...recordPaths(), ...iiifPaths(), ...presentation2Paths(), ...contentSearchPaths(), ...oaiPaths(), ...discoveryPaths() },
    components: components(),
  };
}
