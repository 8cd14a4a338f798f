/** The repository the verbs answer from: its store, its URLs and names, and how it pages and caches. */
import type { WeightedLru } from '../cache/weighted-lru.ts';
import type { RecordStore, StoredEntry } from '../ports.ts';
import type { ServiceUrls } from '../urls.ts';
import type { XmlFragment } from '../xml/xml-tree.ts';
import { recordIdOf } from './oai-syntax.ts';

/** Records (or headers) per ListRecords/ListIdentifiers response, and sets per ListSets response. */
export const OAI_PAGE_SIZE = 100;

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

export const pageSizeOf = (repo: OaiRepository) => repo.pageSize ?? OAI_PAGE_SIZE;

/** The entry an OAI identifier names; undefined for another repository's identifier or an unknown record. */
export async function entryByIdentifier(repo: OaiRepository, identifier: string): Promise<StoredEntry | undefined> {
  const id = recordIdOf(repo.repositoryIdentifier, identifier);
  return id === undefined ? undefined : repo.records.get(id);
}
