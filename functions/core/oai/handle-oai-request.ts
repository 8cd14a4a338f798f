/**
 * The OAI-PMH 2.0 repository: answers one request (its arguments, as received) with the XML
 * response document. Protocol errors are part of the answer; only storage failures throw. Each
 * verb is answered by its module in `verbs/`, inside the envelope (`oai-envelope.ts`).
 */
import { envelope, errorElements, type VerbResult } from './oai-envelope.ts';
import type { OaiRepository } from './oai-repository.ts';
import { parseOaiRequest } from './parse-oai-request.ts';
import { getRecord } from './verbs/get-record.ts';
import { identify } from './verbs/identify.ts';
import { listMetadataFormats } from './verbs/list-metadata-formats.ts';
import { listChanges } from './verbs/list-records.ts';
import { listSets } from './verbs/list-sets.ts';

// What the routes, the app and the tests use of the repository, importable from where they always were.
export { recordFragmentCache } from './oai-record-nodes.ts';
export { OAI_PAGE_SIZE, type OaiRepository } from './oai-repository.ts';

/** Answers one OAI-PMH request (its UTF-8 XML). `pairs` are its arguments in the order received, repeats included. */
export async function handleOaiRequest(pairs: readonly (readonly [string, string])[], repo: OaiRepository, now: Date): Promise<Uint8Array<ArrayBuffer>> {
  const parsed = parseOaiRequest(pairs);
  if (!parsed.ok) return envelope(now, repo.urls.oai, undefined, errorElements(parsed.errors));
  const request = parsed.request;
  let result: VerbResult;
  switch (request.verb) {
    case 'Identify':
      result = await identify(repo, now);
      break;
    case 'ListMetadataFormats':
      result = await listMetadataFormats(repo, request.identifier);
      break;
    case 'ListSets':
      result = await listSets(repo, request.resumptionToken);
      break;
    case 'GetRecord':
      result = await getRecord(repo, request.identifier, request.metadataPrefix);
      break;
    default:
      result = await listChanges(repo, request.verb, 'query' in request ? { query: request.query } : { resumptionToken: request.resumptionToken });
  }
  return envelope(now, repo.urls.oai, parsed.args, 'errors' in result ? errorElements(result.errors) : result.body);
}
