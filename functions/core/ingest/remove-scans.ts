/**
 * Removing scans, the one way a record loses one: the named leaves get placeholders again, in a
 * new version of the record. (A re-ingest keeps every scan the record has; ingest-export.ts.)
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { VersionConflictError } from '../errors.ts';
import { isTombstone } from '../ports.ts';
import { datestampAt } from '../records/datestamp.ts';
import { leafLabel } from '../records/leaves.ts';
import { storeObject } from '../records/store-object.ts';
import type { IngestDeps } from './ingest-export.ts';

export type RemoveScansOutcome =
  | { status: 'removed'; id: string; version: number; datestamp: string; removed: string[]; notScanned: string[] }
  | { status: 'unchanged'; id: string; version: number; datestamp: string; notScanned: string[] }
  | { status: 'unknown'; id: string }
  | { status: 'withdrawn'; id: string };

const MAX_CONFLICT_RETRIES = 3;
/** `37ob` as a file name or a shell gives it is the leaf `37ob.`. */
const normalLabel = (label: string) => (/^\d+ob$/.test(label) ? `${label}.` : label);

export async function removeScans(id: string, leaves: readonly string[], deps: IngestDeps): Promise<RemoveScansOutcome> {
  const wanted = new Set(leaves.map(normalLabel));
  for (let attempt = 0; ; attempt++) {
    const existing = await deps.records.get(id);
    if (!existing) return { status: 'unknown', id };
    if (isTombstone(existing)) return { status: 'withdrawn', id };
    const scanned = existing.images.filter((image) => !image.placeholder);
    const removed = scanned.filter((image) => wanted.has(leafLabel(image.leaf)));
    const notScanned = [...wanted].filter((label) => !removed.some((image) => leafLabel(image.leaf) === label));
    if (removed.length === 0 || !deps.images) return { status: 'unchanged', id, version: existing.version, datestamp: existing.datestamp, notScanned };
    const { provenance, version, datestamp, ...content } = existing;
    const keep = scanned.filter((image) => !removed.includes(image));
    const derived = await deps.images.derive(content, new Map(), keep);
    for (const object of derived.objects) await storeObject(deps.blobs, object.key, object.body, object.contentType);
    const now = deps.clock.now();
    const record: ArchivalRecord = {
      ...content,
      images: derived.images,
      provenance: { ...provenance, ingestedAt: now.toISOString() },
      version: version + 1,
      datestamp: datestampAt(now, datestamp),
    };
    try {
      await deps.records.put(record, version);
      return {
        status: 'removed',
        id,
        version: record.version,
        datestamp: record.datestamp,
        removed: removed.map((image) => leafLabel(image.leaf)),
        notScanned,
      };
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
    }
  }
}
