/** The write operations through a running local server's admin routes (it holds the emulators' store). */
import type { AdminOperations } from '../api/app-env.ts';
import type { IngestRequest } from '../api/routes/admin.ts';
import type { IngestOutcome } from '../core/ingest/ingest-export.ts';
import type { WithdrawOutcome } from '../core/ingest/withdraw-record.ts';

export function remoteAdmin(serverUrl: string, token: string): AdminOperations {
  const post = (path: string, body?: unknown) =>
    fetch(`${serverUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    async ingest(input) {
      const body: IngestRequest = {
        fileName: input.fileName,
        export: Buffer.from(input.exportBytes).toString('base64'),
        scans: Object.fromEntries([...(input.scans ?? new Map()).entries()].map(([leaf, bytes]) => [leaf, Buffer.from(bytes).toString('base64')])),
      };
      if (input.overlayBytes) body.overlay = Buffer.from(input.overlayBytes).toString('base64');
      const res = await post('/admin/ingest', body);
      if (res.status === 200 || res.status === 201 || res.status === 422) return (await res.json()) as IngestOutcome;
      throw new Error(`the server answered ${res.status}: ${await res.text()}`);
    },
    async withdraw(id) {
      const res = await post(`/admin/withdraw/${encodeURIComponent(id)}`);
      if (res.status === 404) return { status: 'unknown', id };
      if (res.status === 200) return (await res.json()) as WithdrawOutcome;
      throw new Error(`the server answered ${res.status}: ${await res.text()}`);
    },
  };
}
