/**
 * A record's search index in the blob store: written at ingest, read by the search services.
 * Its key follows from the record (`searchIndexObjectKey`), so a search reads the record and
 * that one object. A record stored before indexes existed (or under an older index version) has
 * none at its key: the index is then built from the record in memory, which is what the ingest
 * would have stored, and the next ingest of the record stores it.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { searchIndexObjectKey } from '../bucket-layout.ts';
import { NotFoundError } from '../errors.ts';
import type { BlobStore } from '../ports.ts';
import { buildSearchIndex, decodeSearchIndex, encodeSearchIndex, SEARCH_INDEX_VERSION, type SearchIndex, searchIndexDigest } from './search-index.ts';
import { type SearchSource, searchSources } from './search-sources.ts';

export interface RecordSearchIndex {
  sources: SearchSource[];
  index: SearchIndex;
  /** Where it came from: the stored object, or built from the record because none was stored. */
  origin: 'stored' | 'built';
}

export const searchIndexKeyOf = (recordId: string, sources: readonly SearchSource[]) =>
  searchIndexObjectKey(recordId, searchIndexDigest(sources), SEARCH_INDEX_VERSION);

/** Stores the record's index unless it is stored already (the ingest calls this before it writes the record). */
export async function storeSearchIndex(blobs: BlobStore, record: ArchivalRecord): Promise<string> {
  const sources = searchSources(record);
  const key = searchIndexKeyOf(record.id, sources);
  // Content-addressed as `storeObject` writes: asked first, so an index already stored is not even built.
  if (!(await blobs.exists(key))) await blobs.put(key, encodeSearchIndex(buildSearchIndex(sources)), 'application/json');
  return key;
}

/** The record's index: the stored one, else one built from the record. */
export async function readSearchIndex(record: ArchivalRecord, blobs: BlobStore | undefined): Promise<RecordSearchIndex> {
  const sources = searchSources(record);
  if (blobs) {
    try {
      const index = decodeSearchIndex(await blobs.get(searchIndexKeyOf(record.id, sources)), sources);
      if (index) return { sources, index, origin: 'stored' };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return { sources, index: buildSearchIndex(sources), origin: 'built' };
}
