/**
 * ListRecords and ListIdentifiers: the changed items (records, or their headers) in datestamp
 * order, filtered by set and dates, a page at a time, continued by a resumption token.
 */
import { InvalidCursorError, InvalidQueryError } from '../../errors.ts';
import type { RecordStore, StoredEntry } from '../../ports.ts';
import { el, type XmlElement } from '../../xml/xml-tree.ts';
import { metadataFormat } from '../metadata-formats.ts';
import type { VerbResult } from '../oai-envelope.ts';
import { badToken, cannotDisseminate, oaiError } from '../oai-errors.ts';
import { header, recordNode } from '../oai-record-nodes.ts';
import { type OaiRepository, pageSizeOf } from '../oai-repository.ts';
import type { ListQuery } from '../parse-oai-request.ts';
import { decodeResumptionToken, encodeResumptionToken, type ListToken, resumptionTokenElement } from '../resumption-token.ts';

/**
 * One page of changes, filled to `size` even when the store returns short pages (DynamoDB stops
 * a query at 1 MB), with one entry of look-ahead so that a token is issued only when more follow.
 */
async function changesPage(records: RecordStore, query: ListQuery, after: string | undefined, size: number) {
  const items: StoredEntry[] = [];
  let cursor = after;
  for (;;) {
    const page = await records.listChanges({
      limit: size + 1 - items.length,
      ...(query.set === undefined ? {} : { set: query.set }),
      ...(query.from === undefined ? {} : { from: query.from }),
      ...(query.until === undefined ? {} : { until: query.until }),
      ...(cursor === undefined ? {} : { after: cursor }),
    });
    items.push(...page.items);
    if (!page.next || items.length > size) break;
    cursor = page.next;
  }
  return { items: items.slice(0, size), more: items.length > size };
}

export async function listChanges(
  repo: OaiRepository,
  verb: 'ListRecords' | 'ListIdentifiers',
  start: { query: ListQuery } | { resumptionToken: string },
): Promise<VerbResult> {
  let query: ListQuery;
  let after: string | undefined;
  let offset = 0;
  if ('resumptionToken' in start) {
    const state = decodeResumptionToken(start.resumptionToken, repo.tokenSecret);
    if (!state || state.verb !== verb) return { errors: [badToken()] };
    const token = state as ListToken;
    query = { prefix: token.prefix };
    if (token.set !== undefined) query.set = token.set;
    if (token.from !== undefined) query.from = token.from;
    if (token.until !== undefined) query.until = token.until;
    after = token.after;
    offset = token.offset;
  } else {
    query = start.query;
  }
  if (!metadataFormat(query.prefix)) return { errors: [cannotDisseminate(query.prefix)] };

  const size = pageSizeOf(repo);
  let page: Awaited<ReturnType<typeof changesPage>>;
  try {
    page = await changesPage(repo.records, query, after, size);
  } catch (error) {
    if (error instanceof InvalidCursorError) return { errors: [badToken()] };
    if (error instanceof InvalidQueryError) return { errors: [oaiError('badArgument', error.message)] };
    throw error;
  }
  // A token's remaining entries can only vanish if they moved past `until` since it was issued.
  if (page.items.length === 0) return { errors: [oaiError('noRecordsMatch', 'No records match the request.')] };
  let token: XmlElement | undefined;
  const last = page.items[page.items.length - 1];
  if (page.more && last) {
    const state: ListToken = { verb, prefix: query.prefix, after: `${last.datestamp}#${last.id}`, offset: offset + page.items.length };
    if (query.set !== undefined) state.set = query.set;
    if (query.from !== undefined) state.from = query.from;
    if (query.until !== undefined) state.until = query.until;
    token = resumptionTokenElement(encodeResumptionToken(state, repo.tokenSecret), offset);
  } else if (after !== undefined) {
    token = resumptionTokenElement(undefined, offset, offset + page.items.length);
  }
  const entries = verb === 'ListRecords' ? page.items.map((entry) => recordNode(repo, entry, query.prefix)) : page.items.map((entry) => header(repo, entry));
  return { body: el(verb, {}, entries, token) };
}
