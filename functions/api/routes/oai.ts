/** `/oai`: the OAI-PMH 2.0 endpoint, GET with a query string or POST with a form-encoded body. */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { handleOaiRequest, type OaiRepository } from '../../core/oai/handle-oai-request.ts';
import { readBodyWithin } from '../../http/read-body.ts';
import { reply } from '../../http/reply.ts';
import type { AppEnv, RequestDeps } from '../app-env.ts';

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
