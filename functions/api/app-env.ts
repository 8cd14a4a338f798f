import type { Config } from '../../schemas/config.ts';
import type { WeightedLru } from '../core/cache/weighted-lru.ts';
import type { AdminOperations } from '../core/ingest/admin-operations.ts';
import type { BlobStore, Clock, RecordStore } from '../core/ports.ts';
import type { ServiceUrls } from '../core/urls.ts';
import type { XmlFragment } from '../core/xml/xml-tree.ts';
import type { RepresentationCache } from '../http/representation-cache.ts';

/** Everything the app needs from outside, built once per container by the entrypoint. */
export interface AppDeps {
  config: Config;
  records: RecordStore;
  /** The objects bucket, read only: records' search indexes. Without it a search builds the index from the record. */
  blobs?: BlobStore;
  clock: Clock;
  /** The write operations, present only where this process may write (the local server); absent in the Lambda API. */
  admin?: AdminOperations;
}

export interface RequestDeps extends AppDeps {
  urls: ServiceUrls;
  /** Rendered bodies by ETag and base URL, shared by the requests of one container. */
  representations: RepresentationCache;
  /** Serialized OAI-PMH `record` elements, shared by the requests of one container. */
  oaiRecordFragments: WeightedLru<XmlFragment>;
}

export type AppEnv = { Variables: { deps: RequestDeps } };
