/**
 * The write operations through a running local server's admin routes (it holds the emulators'
 * store). Whatever the server answers reaches the operator: a rejection's every problem, or the
 * reason a request failed, as the server's problem states it.
 */
import type { IngestRequest } from '../../schemas/admin-request.ts';
import type { ArchiveProfile } from '../../schemas/archive-profile.ts';
import type { AdminOperations } from '../core/ingest/admin-operations.ts';
import type { IngestOutcome } from '../core/ingest/ingest-export.ts';
import type { RemoveScansOutcome } from '../core/ingest/remove-scans.ts';
import type { WithdrawOutcome } from '../core/ingest/withdraw-record.ts';

/** The server's reason for an answer that is not an outcome. */
async function failure(res: Response): Promise<Error> {
  const text = await res.text();
  let detail = text.slice(0, 2000);
  try {
    const problem = JSON.parse(text) as { detail?: string; problems?: string[] };
    detail = [problem.detail, ...(problem.problems ?? [])].filter(Boolean).join('; ') || detail;
  } catch {
    // Not problem JSON: the text as it came.
  }
  return new Error(`the server answered ${res.status}: ${detail}`);
}

/** `profile`: sent with every ingest, so the server reads the exports with the profile the operator named (ADR 0003). */
export function remoteAdmin(serverUrl: string, token: string, options: { profile?: ArchiveProfile } = {}): AdminOperations {
  const post = (path: string, body: unknown) =>
    fetch(`${serverUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  return {
    async ingest(input) {
      const body: IngestRequest = {
        fileName: input.fileName,
        export: Buffer.from(input.exportBytes).toString('base64'),
        scans: Object.fromEntries([...(input.scans ?? new Map()).entries()].map(([leaf, bytes]) => [leaf, Buffer.from(bytes).toString('base64')])),
      };
      if (input.overlayBytes) body.overlay = Buffer.from(input.overlayBytes).toString('base64');
      if (input.reinstate) body.reinstate = input.reinstate;
      const profile = input.profile ?? options.profile;
      if (profile) body.profile = profile;
      const res = await post('/admin/ingest', body);
      if (res.status === 200 || res.status === 201 || res.status === 422) return (await res.json()) as IngestOutcome;
      throw await failure(res);
    },
    async withdraw(id, reason) {
      const res = await post(`/admin/withdraw/${encodeURIComponent(id)}`, reason === undefined ? {} : { reason });
      if (res.status === 404) return { status: 'unknown', id };
      if (res.status === 200) return (await res.json()) as WithdrawOutcome;
      throw await failure(res);
    },
    async removeScans(id, leaves) {
      const res = await post(`/admin/remove-scans/${encodeURIComponent(id)}`, { leaves });
      if (res.status === 404) return { status: 'unknown', id };
      if (res.status === 200) return (await res.json()) as RemoveScansOutcome;
      throw await failure(res);
    },
  };
}
