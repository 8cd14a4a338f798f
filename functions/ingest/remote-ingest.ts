/** Ingest through a running local server's write route (it holds the emulators' store). */

import type { IngestRequest } from '../api/routes/admin-ingest.ts';
import type { IngestInput, IngestOutcome } from '../core/ingest/ingest-export.ts';

export function remoteIngest(serverUrl: string, token: string) {
  return async (input: IngestInput): Promise<IngestOutcome> => {
    const body: IngestRequest = {
      fileName: input.fileName,
      export: Buffer.from(input.exportBytes).toString('base64'),
      scans: Object.fromEntries([...(input.scans ?? new Map()).entries()].map(([leaf, bytes]) => [leaf, Buffer.from(bytes).toString('base64')])),
    };
    if (input.overlayBytes) body.overlay = Buffer.from(input.overlayBytes).toString('base64');
    const res = await fetch(`${serverUrl}/admin/ingest`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (res.status === 200 || res.status === 201 || res.status === 422) return (await res.json()) as IngestOutcome;
    throw new Error(`the server answered ${res.status}: ${await res.text()}`);
  };
}
