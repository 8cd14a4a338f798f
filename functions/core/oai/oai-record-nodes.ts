/**
 * The `header` and `record` elements (with the record's `metadata` in the format asked for), and
 * the cache of serialized `record` elements a warm function keeps between requests.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { WeightedLru } from '../cache/weighted-lru.ts';
import { isTombstone, type StoredEntry } from '../ports.ts';
import { harvestSetsOf } from '../records/harvest-sets.ts';
import { el, serializeFragment, type XmlElement, type XmlFragment } from '../xml/xml-tree.ts';
import { metadataFormat } from './metadata-formats.ts';
import type { OaiRepository } from './oai-repository.ts';
import { isSetSpec, oaiIdentifier } from './oai-syntax.ts';

/** Set specs of an entry, limited to those the protocol's setSpec syntax allows. */
function setSpecsOf(entry: StoredEntry): string[] {
  const specs = isTombstone(entry) ? entry.sets : harvestSetsOf(entry).map((set) => set.spec);
  return specs.filter(isSetSpec);
}

export function header(repo: OaiRepository, entry: StoredEntry): XmlElement {
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
export function recordNode(repo: OaiRepository, entry: StoredEntry, prefix: string): XmlElement | XmlFragment {
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
