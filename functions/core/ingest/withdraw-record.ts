/**
 * Withdrawing a record: its item becomes a tombstone (same key, same harvest and set indexes, a
 * new version and datestamp), so OAI-PMH harvesters learn of the deletion (`deletedRecord` is
 * persistent) and the record's URLs answer 410. Its stored export and objects stay in the bucket.
 * The tombstone keeps when and why, and what a reader who cited the record needs to recognise it
 * (title, date, source); a later ingest of its export leaves it withdrawn unless told to reinstate it.
 */
import type { Tombstone } from '../../../schemas/record.ts';
import { VersionConflictError } from '../errors.ts';
import { type Clock, isTombstone, type RecordStore } from '../ports.ts';
import { datestampAt } from '../records/datestamp.ts';
import { harvestSetsOf } from '../records/harvest-sets.ts';

export type WithdrawOutcome =
  | { status: 'withdrawn'; id: string; version: number; datestamp: string }
  | { status: 'already-withdrawn'; id: string; version: number; datestamp: string }
  | { status: 'unknown'; id: string };

const MAX_CONFLICT_RETRIES = 3;

export async function withdrawRecord(id: string, deps: { records: RecordStore; clock: Clock }, reason?: string): Promise<WithdrawOutcome> {
  for (let attempt = 0; ; attempt++) {
    const existing = await deps.records.get(id);
    if (!existing) return { status: 'unknown', id };
    if (isTombstone(existing)) return { status: 'already-withdrawn', id, version: existing.version, datestamp: existing.datestamp };
    const now = deps.clock.now();
    const tombstone: Tombstone = {
      id,
      deleted: true,
      version: existing.version + 1,
      datestamp: datestampAt(now, existing.datestamp),
      sets: harvestSetsOf(existing).map((set) => set.spec),
      withdrawal: { at: now.toISOString(), ...(reason?.trim() ? { reason: reason.trim() } : {}) },
      formerly: { title: existing.title, date: existing.date.display, source: existing.source.citation },
    };
    try {
      await deps.records.delete(tombstone, existing.version);
      return { status: 'withdrawn', id, version: tombstone.version, datestamp: tombstone.datestamp };
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
    }
  }
}
