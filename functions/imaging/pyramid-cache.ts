/**
 * Pyramids kept in the container between requests: a least-recently-used cache bounded by
 * total bytes, keyed by the derivative's SHA-256 (so an entry can never go stale), and one
 * storage read per pyramid however many tile requests ask for it at once.
 */
import { WeightedLru } from '../core/cache/weighted-lru.ts';
import type { BlobStore } from '../core/ports.ts';

/** 256 MiB: a dozen 6000x8000 scans, well inside the image function's memory. */
export const DEFAULT_PYRAMID_CACHE_BYTES = 256 * 1024 * 1024;

/** Reads a whole object from its stream into one buffer, sized up front when the store says how big it is. */
async function readAll(blobs: BlobStore, key: string): Promise<Uint8Array> {
  const { body, size } = await blobs.getStream(key);
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    length += chunk.byteLength;
  }
  const bytes = new Uint8Array(size > 0 && size === length ? size : length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export class PyramidSource {
  private readonly cache: WeightedLru<Uint8Array>;
  private readonly loading = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly blobs: BlobStore,
    maxBytes = DEFAULT_PYRAMID_CACHE_BYTES,
  ) {
    this.cache = new WeightedLru(maxBytes, (bytes) => bytes.byteLength);
  }

  get cachedBytes(): number {
    return this.cache.weight;
  }

  /** The pyramid stored under `key`, whose SHA-256 is `sha256`. */
  load(key: string, sha256: string): Promise<Uint8Array> {
    const cached = this.cache.get(sha256);
    if (cached) return Promise.resolve(cached);
    const pending = this.loading.get(sha256);
    if (pending) return pending;
    const load = readAll(this.blobs, key)
      .then((bytes) => {
        this.cache.set(sha256, bytes);
        return bytes;
      })
      .finally(() => this.loading.delete(sha256));
    this.loading.set(sha256, load);
    return load;
  }
}
