/** The ingest use case's dependencies over the given stores: one place, used by the CLI, the local server and the ingest Lambda. */
import type { ArchiveProfile } from '../../schemas/archive-profile.ts';
import type { IngestDeps } from '../core/ingest/ingest-export.ts';
import { type BlobStore, type RecordStore, systemClock } from '../core/ports.ts';
import { SharpLeafImageDeriver } from './leaf-image-deriver.ts';

export function createIngestDeps(stores: { records: RecordStore; blobs: BlobStore }, profile: ArchiveProfile): IngestDeps {
  return { ...stores, clock: systemClock, profile, images: new SharpLeafImageDeriver() };
}
