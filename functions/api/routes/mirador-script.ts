/**
 * Mirador's self-contained UMD bundle (global `Mirador`), read once, lazily, from where the
 * Lambda bundle puts it (beside the bundled code) or else from the npm package. It is served at
 * a URL that carries a digest of its bytes, so it can be cached for a year.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type ContentCoding, encodeBody } from '../../http/compress.ts';

export interface MiradorScript {
  bytes: Uint8Array<ArrayBuffer>;
  /** File name with a digest of the bytes: `mirador-<digest>.min.js`. */
  fileName: string;
  /** Strong ETag of the identity encoding. */
  etag: string;
  /** The bytes in a content-coding, computed once per coding. */
  encoded(coding: ContentCoding): Promise<Uint8Array<ArrayBuffer>>;
}

/** Where the bundle may be: beside this module once bundled for Lambda, else in the mirador package. */
export function miradorScriptCandidates(): (string | URL)[] {
  const candidates: (string | URL)[] = [new URL('./mirador.min.js', import.meta.url)];
  try {
    // The package exports only "." ("require" resolves to dist/mirador.min.js); its dist paths are not exported.
    const resolved = createRequire(import.meta.url).resolve('mirador');
    if (resolved.endsWith('mirador.min.js')) candidates.push(resolved);
  } catch {
    // Not installed: the bundled copy is the only candidate.
  }
  return candidates;
}

/** The bytes of the first candidate that exists. */
export async function readFirst(candidates: readonly (string | URL)[]): Promise<Uint8Array<ArrayBuffer>> {
  for (const candidate of candidates) {
    try {
      return new Uint8Array(await readFile(candidate));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`Mirador's bundle (mirador.min.js) was not found; looked in: ${candidates.map(String).join(', ')}`);
}

export function miradorScriptFrom(bytes: Uint8Array<ArrayBuffer>): MiradorScript {
  const digest = createHash('sha256').update(bytes).digest('hex');
  const encodings = new Map<ContentCoding, Promise<Uint8Array<ArrayBuffer>>>();
  return {
    bytes,
    fileName: `mirador-${digest.slice(0, 16)}.min.js`,
    etag: digest.slice(0, 32),
    encoded(coding) {
      let encoded = encodings.get(coding);
      if (!encoded) {
        encoded = encodeBody(bytes, coding);
        encodings.set(coding, encoded);
      }
      return encoded;
    },
  };
}

let loading: Promise<MiradorScript> | undefined;

/** The bundle, read on first use and kept for the life of the process (a failed read is retried next time). */
export function loadMiradorScript(): Promise<MiradorScript> {
  if (!loading) {
    loading = readFirst(miradorScriptCandidates()).then(miradorScriptFrom);
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
