import { type ArchivalRecord, RECORD_ID_PATTERN, type Tombstone } from '../../schemas/record.ts';
import { isTombstone, type RecordStore } from '../core/ports.ts';
import { badRequest, HttpProblem, notFound } from './problem.ts';

/** Validates an id taken from a URL, or throws a 400 problem naming it. */
export function checkedRecordId(raw: string): string {
  if (!RECORD_ID_PATTERN.test(raw)) {
    throw badRequest(`"${raw.slice(0, 80)}" is not a record identifier (1-64 letters, digits, "-" or "_")`);
  }
  return raw;
}

/** 410 for a withdrawn record: when and why, and what it was, so a reader who cited it knows. */
export class WithdrawnRecordProblem extends HttpProblem {
  constructor(readonly tombstone: Tombstone) {
    const reason = tombstone.withdrawal?.reason;
    super(410, 'Gone', `Record "${tombstone.id}" was withdrawn${reason ? `: ${reason}` : '.'}`, {
      withdrawn: tombstone.withdrawal?.at ?? tombstone.datestamp,
      ...(reason ? { reason } : {}),
      ...(tombstone.formerly ? { formerly: tombstone.formerly } : {}),
    });
  }
}

/** The live record with this id; 404 when unknown, 410 when deleted. */
export async function loadRecord(records: RecordStore, rawId: string): Promise<ArchivalRecord> {
  const id = checkedRecordId(rawId);
  const entry = await records.get(id);
  if (!entry) throw notFound(`No record "${id}".`);
  if (isTombstone(entry)) throw new WithdrawnRecordProblem(entry);
  return entry;
}
