/**
 * The OAI-PMH 2.0 repository: answers one request (its arguments, as received) with the XML
 * response document. Protocol errors are part of the answer; only storage failures throw.
 */

import type { ArchivalRecord } from '../../../schemas/record.ts';
import { WeightedLru } from '../cache/weighted-lru.ts';
import { InvalidCursorError, InvalidQueryError } from '../errors.ts';
import { isTombstone, type RecordStore, type SetEntry, type StoredEntry } from '../ports.ts';
import { harvestSetsOf } from '../records/harvest-sets.ts';
import type { ServiceUrls } from '../urls.ts';
import { el, serializeFragment, serializeXmlBytes, type XmlChildInput, type XmlElement, type XmlFragment } from '../xml/xml-tree.ts';
import { METADATA_FORMATS, metadataFormat } from './metadata-formats.ts';
import { type OaiError, oaiError } from './oai-errors.ts';
import { isEchoableIdentifier, isSetSpec, oaiIdentifier, recordIdOf } from './oai-syntax.ts';
import { type ListQuery, type OaiArguments, type OaiVerb, parseOaiRequest } from './parse-oai-request.ts';
import { decodeResumptionToken, encodeResumptionToken, type ListToken } from './resumption-token.ts';

/** Records (or headers) per ListRecords/ListIdentifiers response, and sets per ListSets response. */
export const OAI_PAGE_SIZE = 100;

export const OAI_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/';
const OAI_SCHEMA = 'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd';
const OAI_IDENTIFIER_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/oai-identifier';
const OAI_IDENTIFIER_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai-identifier.xsd';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface OaiRepository {
  records: RecordStore;
  urls: ServiceUrls;
  repositoryName: string;
  repositoryIdentifier: string;
  adminEmails: readonly string[];
  /** Signs resumption tokens. */
  tokenSecret: string;
  pageSize?: number;
  /** Serialized `record` elements kept between requests (a warm function's memory), by entry version. */
  recordFragments?: WeightedLru<XmlFragment>;
}

type Echo = ({ verb: OaiVerb } & OaiArguments) | undefined;
type VerbResult = { body: XmlElement } | { errors: OaiError[] };

const responseDateOf = (now: Date) => `${now.toISOString().slice(0, 19)}Z`;

function envelope(now: Date, baseUrl: string, echo: Echo, content: XmlChildInput): Uint8Array<ArrayBuffer> {
  const attributes: { [name: string]: string | undefined } = {};
  if (echo) {
    attributes.verb = echo.verb;
    for (const name of ['identifier', 'metadataPrefix', 'from', 'until', 'set', 'resumptionToken'] as const) {
      const value = echo[name];
      // An identifier that is not a URI cannot be echoed as the schema's anyURI; it is simply unknown.
      if (value !== undefined && (name !== 'identifier' || isEchoableIdentifier(value))) attributes[name] = value;
    }
  }
  return serializeXmlBytes(
    el(
      'OAI-PMH',
      { xmlns: OAI_NAMESPACE, 'xmlns:xsi': XSI, 'xsi:schemaLocation': `${OAI_NAMESPACE} ${OAI_SCHEMA}` },
      el('responseDate', {}, responseDateOf(now)),
      el('request', attributes, baseUrl),
      content,
    ),
  );
}

const errorElements = (errors: readonly OaiError[]) => errors.map((e) => el('error', { code: e.code }, e.message));

/** Set specs of an entry, limited to those the protocol's setSpec syntax allows. */
function setSpecsOf(entry: StoredEntry): string[] {
  const specs = isTombstone(entry) ? entry.sets : harvestSetsOf(entry).map((set) => set.spec);
  return specs.filter(isSetSpec);
}

function header(repo: OaiRepository, entry: StoredEntry): XmlElement {
  return el(
    'header',
    { status: isTombstone(entry) ? 'deleted' : undefined },
    el('identifier', {}, oaiIdentifier(repo.repositoryIdentifier, entry.id)),
    el('datestamp', {}, entry.datestamp),
    setSpecsOf(entry).map((spec) => el('setSpec', {}, spec)),
  );
}

function recordElement(repo: OaiRepository, entry: StoredEntry, prefix: string): XmlElement {
  const format = metadataFormat(prefix);
  const metadata = isTombstone(entry) || !format ? undefined : el('metadata', {}, format.build(entry as ArchivalRecord, repo.urls));
  return el('record', {}, header(repo, entry), metadata);
}

/** Where `record` stands in every response that has one: OAI-PMH > GetRecord|ListRecords > record. */
const RECORD_DEPTH = 2;

/** Bytes of serialized records a warm function keeps: a few thousand records in each format. */
const RECORD_FRAGMENTS_MAX_BYTES = 8 * 1024 * 1024;

export function recordFragmentCache(maxBytes = RECORD_FRAGMENTS_MAX_BYTES): WeightedLru<XmlFragment> {
  return new WeightedLru(maxBytes, (fragment) => fragment.utf8.byteLength);
}

/** The `record` element, serialized once per entry version, format and base URL when the repository keeps fragments. */
function recordNode(repo: OaiRepository, entry: StoredEntry, prefix: string): XmlElement | XmlFragment {
  const cache = repo.recordFragments;
  if (!cache) return recordElement(repo, entry, prefix);
  // Everything the element depends on: the entry's version names its content, datestamp and sets.
  const key = `${repo.urls.base} ${repo.repositoryIdentifier} ${prefix} ${entry.id} ${isTombstone(entry) ? 'deleted' : 'v'}${entry.version}`;
  let fragment = cache.get(key);
  if (fragment === undefined) {
    fragment = serializeFragment(recordElement(repo, entry, prefix), RECORD_DEPTH);
    cache.set(key, fragment, 2);
  }
  return fragment;
}

async function identify(repo: OaiRepository, now: Date): Promise<VerbResult> {
  // The oldest entry gives both the earliest datestamp and a sample identifier, in one query.
  const first = (await repo.records.listChanges({ limit: 1 })).items[0];
  return {
    body: el(
      'Identify',
      {},
      el('repositoryName', {}, repo.repositoryName),
      el('baseURL', {}, repo.urls.oai),
      el('protocolVersion', {}, '2.0'),
      repo.adminEmails.map((email) => el('adminEmail', {}, email)),
      el('earliestDatestamp', {}, first?.datestamp ?? responseDateOf(now)),
      el('deletedRecord', {}, 'persistent'),
      el('granularity', {}, 'YYYY-MM-DDThh:mm:ssZ'),
      el(
        'description',
        {},
        el(
          'oai-identifier',
          { xmlns: OAI_IDENTIFIER_NAMESPACE, 'xsi:schemaLocation': `${OAI_IDENTIFIER_NAMESPACE} ${OAI_IDENTIFIER_SCHEMA}` },
          el('scheme', {}, 'oai'),
          el('repositoryIdentifier', {}, repo.repositoryIdentifier),
          el('delimiter', {}, ':'),
          el('sampleIdentifier', {}, oaiIdentifier(repo.repositoryIdentifier, first?.id ?? 'record-id')),
        ),
      ),
    ),
  };
}

async function entryByIdentifier(repo: OaiRepository, identifier: string): Promise<StoredEntry | undefined> {
  const id = recordIdOf(repo.repositoryIdentifier, identifier);
  return id === undefined ? undefined : repo.records.get(id);
}

const idDoesNotExist = () => oaiError('idDoesNotExist', 'No item has this identifier in this repository.');

async function listMetadataFormats(repo: OaiRepository, identifier: string | undefined): Promise<VerbResult> {
  if (identifier !== undefined && !(await entryByIdentifier(repo, identifier))) return { errors: [idDoesNotExist()] };
  return {
    body: el(
      'ListMetadataFormats',
      {},
      METADATA_FORMATS.map((f) =>
        el('metadataFormat', {}, el('metadataPrefix', {}, f.prefix), el('schema', {}, f.schema), el('metadataNamespace', {}, f.namespace)),
      ),
    ),
  };
}

async function getRecord(repo: OaiRepository, identifier: string, prefix: string): Promise<VerbResult> {
  const entry = await entryByIdentifier(repo, identifier);
  if (!entry) return { errors: [idDoesNotExist()] };
  if (!metadataFormat(prefix)) return { errors: [cannotDisseminate(prefix)] };
  return { body: el('GetRecord', {}, recordNode(repo, entry, prefix)) };
}

const cannotDisseminate = (prefix: string) => oaiError('cannotDisseminateFormat', `The metadata format "${prefix}" is not supported by this repository.`);
const badToken = () => oaiError('badResumptionToken', 'The resumptionToken is invalid or was not issued by this repository.');

function tokenElement(token: string | undefined, cursor: number, completeListSize?: number): XmlElement {
  return el('resumptionToken', { completeListSize, cursor }, token ?? '');
}

const pageSizeOf = (repo: OaiRepository) => repo.pageSize ?? OAI_PAGE_SIZE;

async function listSets(repo: OaiRepository, resumptionToken: string | undefined): Promise<VerbResult> {
  let after: string | undefined;
  let offset = 0;
  if (resumptionToken !== undefined) {
    const state = decodeResumptionToken(resumptionToken, repo.tokenSecret);
    if (state?.verb !== 'ListSets') return { errors: [badToken()] };
    after = state.after;
    offset = state.offset;
  }
  const size = pageSizeOf(repo);
  let page: Awaited<ReturnType<RecordStore['listSets']>>;
  try {
    page = await setsPage(repo.records, after, size);
  } catch (error) {
    if (error instanceof InvalidCursorError) return { errors: [badToken()] };
    throw error;
  }
  const sets = page.items.filter((set) => isSetSpec(set.spec));
  if (sets.length === 0) return { errors: [oaiError('noSetHierarchy', 'This repository has no sets yet.')] };
  let token: XmlElement | undefined;
  if (page.next)
    token = tokenElement(encodeResumptionToken({ verb: 'ListSets', after: page.next, offset: offset + page.items.length }, repo.tokenSecret), offset);
  else if (resumptionToken !== undefined) token = tokenElement(undefined, offset, offset + page.items.length);
  return {
    body: el(
      'ListSets',
      {},
      sets.map((set) => el('set', {}, el('setSpec', {}, set.spec), el('setName', {}, set.name || set.spec))),
      token,
    ),
  };
}

/** One page of sets, filled to `size` even when the store returns short pages. */
async function setsPage(records: RecordStore, after: string | undefined, size: number) {
  const items: SetEntry[] = [];
  let cursor = after;
  for (;;) {
    const page = await records.listSets({ limit: size - items.length, ...(cursor === undefined ? {} : { after: cursor }) });
    items.push(...page.items);
    if (!page.next || items.length >= size) return page.next ? { items, next: page.next } : { items };
    cursor = page.next;
  }
}

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

async function listChanges(repo: OaiRepository, verb: 'ListRecords' | 'ListIdentifiers', start: { query: ListQuery } | { resumptionToken: string }) {
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
    token = tokenElement(encodeResumptionToken(state, repo.tokenSecret), offset);
  } else if (after !== undefined) {
    token = tokenElement(undefined, offset, offset + page.items.length);
  }
  const entries = verb === 'ListRecords' ? page.items.map((entry) => recordNode(repo, entry, query.prefix)) : page.items.map((entry) => header(repo, entry));
  return { body: el(verb, {}, entries, token) };
}

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
