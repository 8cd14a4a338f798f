/**
 * The write operations on the archive, one set for every way they are reached: the ingest CLI on
 * a store it opens itself, the local server's admin routes, and the CLI through those routes.
 */
import { type IngestDeps, type IngestInput, type IngestOutcome, ingestExport } from './ingest-export.ts';
import { type RemoveScansOutcome, removeScans } from './remove-scans.ts';
import { type WithdrawOutcome, withdrawRecord } from './withdraw-record.ts';

export interface AdminOperations {
  ingest(input: IngestInput): Promise<IngestOutcome>;
  withdraw(id: string, reason?: string): Promise<WithdrawOutcome>;
  removeScans(id: string, leaves: readonly string[]): Promise<RemoveScansOutcome>;
}

export const adminOperations = (deps: IngestDeps): AdminOperations => ({
  ingest: (input) => ingestExport(input, deps),
  withdraw: (id, reason) => withdrawRecord(id, deps, reason),
  removeScans: (id, leaves) => removeScans(id, leaves, deps),
});
