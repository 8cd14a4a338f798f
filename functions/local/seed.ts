import { findExportFiles, readIngestInput } from '../adapters/ingest-files.ts';
import { type IngestDeps, ingestExport } from '../core/ingest/ingest-export.ts';
import { formatOutcome } from '../core/ingest/ingest-report.ts';

/** Ingests every export of `dir` when the store is empty (the local stack's first start). */
export async function seedIfEmpty(deps: IngestDeps, dir: string, log: (line: string) => void): Promise<void> {
  if ((await deps.records.earliestDatestamp()) !== undefined) return;
  for (const file of await findExportFiles([dir])) {
    log(formatOutcome(file, await ingestExport(await readIngestInput(file), deps)));
  }
}
