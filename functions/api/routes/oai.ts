/** `/oai`: the OAI-PMH 2.0 endpoint, GET with a query string or POST with a form-encoded body. */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { handleOaiRequest, type OaiRepository } from '../../core/oai/handle-oai-request.ts';
import { METADATA_FORMATS } from '../../core/oai/metadata-formats.ts';
import { OAI_VERBS } from '../../core/oai/parse-oai-request.ts';
import { readBodyWithin } from '../../http/read-body.ts';
import { reply } from '../../http/reply.ts';
import type { AppEnv, RequestDeps } from '../app-env.ts';
import { type OpenApiPaths, ok, operation, ref, type Schema } from '../openapi/operations.ts';

const FORM = 'application/x-www-form-urlencoded';
/** More than any legal request needs; a longer body is refused with 413. */
export const MAX_OAI_BODY_BYTES = 8 * 1024;

/** The repository as one base URL sees it, built once per RequestDeps (that is, per base URL). */
const repositories = new WeakMap<RequestDeps, OaiRepository>();

function repositoryOf(deps: RequestDeps): OaiRepository {
  let repository = repositories.get(deps);
  if (!repository) {
    const { config, records, urls, oaiRecordFragments } = deps;
    repository = {
      records,
      urls,
      recordFragments: oaiRecordFragments,
      repositoryName: config.oai.repositoryName,
      repositoryIdentifier: config.oai.repositoryIdentifier,
      adminEmails: [config.oai.adminEmail],
      tokenSecret: config.tokenSecret,
    };
    repositories.set(deps, repository);
  }
  return repository;
}

async function answer(c: Context<AppEnv>, pairs: [string, string][]): Promise<Response> {
  const deps = c.get('deps');
  const xml = await handleOaiRequest(pairs, repositoryOf(deps), deps.clock.now());
  // Protocol errors are answers too: always 200, always XML.
  return reply(c, xml, 200, { 'Content-Type': 'text/xml; charset=utf-8', 'Cache-Control': 'no-cache' });
}

/** The form body's arguments; a body of another type carries none the protocol can read. */
async function formArguments(c: Context<AppEnv>): Promise<[string, string][] | undefined> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
  const body = await readBodyWithin(c, MAX_OAI_BODY_BYTES);
  if (type !== FORM) return undefined;
  return [...new URLSearchParams(Buffer.from(body).toString('utf8'))];
}

export const oaiRoutes = new Hono<AppEnv>()
  .get('/oai', (c) => {
    const url = c.req.url;
    const query = url.indexOf('?');
    return answer(c, query === -1 ? [] : [...new URLSearchParams(url.slice(query + 1))]);
  })
  .post('/oai', async (c) => {
    const pairs = await formArguments(c);
    // Without readable arguments there is no verb: the protocol's answer is badVerb.
    return answer(c, pairs ?? []);
  });

/** The protocol's arguments, the same in the query (GET) and in the form body (POST). */
const ARGUMENTS: { name: string; description: string; schema: Schema }[] = [
  { name: 'verb', description: 'The OAI-PMH request', schema: { type: 'string', enum: [...OAI_VERBS] } },
  { name: 'identifier', description: 'An OAI identifier, `oai:{repositoryIdentifier}:{id}`', schema: { type: 'string' } },
  { name: 'metadataPrefix', description: 'Metadata format', schema: { type: 'string', enum: METADATA_FORMATS.map((f) => f.prefix) } },
  { name: 'from', description: 'UTC date or datetime (`YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`)', schema: { type: 'string' } },
  { name: 'until', description: 'UTC date or datetime, the same granularity as `from`', schema: { type: 'string' } },
  { name: 'set', description: 'A setSpec, as ListSets gives them', schema: { type: 'string' } },
  { name: 'resumptionToken', description: 'The token of the previous list response', schema: { type: 'string' } },
];
const RESPONSES = {
  '200': ok('An OAI-PMH response; protocol errors are answered in it, with status 200', ['text/xml; charset=utf-8']),
  '503': ref('responses', 'Unavailable'),
};

export const oaiPaths: OpenApiPaths = {
  '/oai': {
    get: operation(
      'oai-pmh',
      'OAI-PMH 2.0 (Dublin Core, MODS 3.7, MARCXML, DataCite 4.7)',
      RESPONSES,
      ARGUMENTS.map((a) => ({ ...a, in: 'query' as const, ...(a.name === 'verb' ? { required: true, example: 'Identify' } : {}) })),
    ),
    post: operation('oai-pmh', 'OAI-PMH 2.0, arguments in a form body', { ...RESPONSES, '413': ref('responses', 'ContentTooLarge') }, [], {
      requestBody: {
        required: true,
        content: {
          [FORM]: {
            schema: {
              type: 'object',
              properties: Object.fromEntries(ARGUMENTS.map((a) => [a.name, { ...a.schema, description: a.description }])),
              required: ['verb'],
            },
          },
        },
      },
    }),
  },
};
