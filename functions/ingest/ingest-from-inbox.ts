/**
 * The ingest function's work: an S3 event says an object landed in `inbox/`; read the export
 * `inbox/{name}.txt` and its optional overlay `inbox/{name}.json`, ingest them, log one JSON
 * entry per object, and throw when an export is rejected so that the failed event is retried and
 * then lands in the dead-letter queue. Either file may arrive first: an overlay whose export has
 * not arrived yet waits for it, and the export's own event then ingests both.
 */
import * as z from 'zod/mini';
import { INBOX_EXPORT_SUFFIX, INBOX_OVERLAY_SUFFIX, INBOX_PREFIX, inboxPairOf } from '../core/bucket-layout.ts';
import type { IngestInput, IngestOutcome } from '../core/ingest/ingest-export.ts';
import { formatProblem, type Problem } from '../core/ingest/problems.ts';

/** The parts of an S3 event notification the ingest reads. */
const S3EventSchema = z.object({
  Records: z.array(z.object({ s3: z.object({ object: z.object({ key: z.string().check(z.minLength(1)) }) }) })),
});

/** Object keys in S3 event notifications are URL-encoded, with `+` for a space. */
export const decodeEventKey = (key: string) => decodeURIComponent(key.replace(/\+/g, ' '));

export class IngestRejectedError extends Error {
  constructor(readonly rejections: { key: string; problems: Problem[] }[]) {
    super(`rejected: ${rejections.map(({ key, problems }) => `${key} (${problems.map((problem) => formatProblem(problem)).join('; ')})`).join(', ')}`);
    this.name = 'IngestRejectedError';
  }
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface InboxIngestDeps {
  inbox: { read(key: string): Promise<Uint8Array | undefined> };
  ingest: (input: IngestInput) => Promise<IngestOutcome>;
  /** One structured entry per call (the Lambda's JSON log format keeps it as an object). */
  log: (level: LogLevel, entry: { message: string; [field: string]: unknown }) => void;
}

export function createInboxIngest(deps: InboxIngestDeps): (event: unknown) => Promise<void> {
  return async (event) => {
    const parsed = S3EventSchema.safeParse(event);
    if (!parsed.success) throw new TypeError(`not an S3 event notification: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const rejections: { key: string; problems: Problem[] }[] = [];
    for (const record of parsed.data.Records) {
      const key = decodeEventKey(record.s3.object.key);
      const pair = inboxPairOf(key);
      if (!pair) {
        deps.log('warn', {
          message: `ignored: not an export (${INBOX_EXPORT_SUFFIX}) or overlay (${INBOX_OVERLAY_SUFFIX}) directly under ${INBOX_PREFIX}`,
          key,
        });
        continue;
      }
      const exportBytes = await deps.inbox.read(pair.exportKey);
      if (!exportBytes) {
        deps.log('info', { message: 'waiting for the export; it will be ingested with this overlay when it arrives', key, exportKey: pair.exportKey });
        continue;
      }
      const overlayBytes = await deps.inbox.read(pair.overlayKey);
      const input: IngestInput = { fileName: pair.exportKey, exportBytes };
      if (overlayBytes) input.overlayBytes = overlayBytes;
      const outcome = await deps.ingest(input);
      if (outcome.status === 'rejected') {
        deps.log('error', { message: 'export rejected', key: pair.exportKey, problems: outcome.problems.map((problem) => formatProblem(problem)) });
        rejections.push({ key: pair.exportKey, problems: outcome.problems });
      } else {
        deps.log('info', { message: `record ${outcome.status}`, key: pair.exportKey, overlay: overlayBytes ? pair.overlayKey : null, ...outcome });
      }
    }
    if (rejections.length > 0) throw new IngestRejectedError(rejections);
  };
}
