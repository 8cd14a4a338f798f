/**
 * Declared tiles as stored bytes (docs/adr/0016-stored-tiles.md). Ingest renders every tile
 * info.json declares with the service's own renderer and stores the bytes under the tile's
 * canonical path; a request that is exactly one of those tiles is answered with them, byte for
 * byte what a render would give, so the ETag scheme stays one and no pixel is decoded.
 */
import type { LeafImage } from '../../schemas/record.ts';
import { tileKey } from '../core/bucket-layout.ts';
import { NotFoundError } from '../core/errors.ts';
import { declaredTiles, isDeclaredTile, storedTilePath } from '../core/iiif/image-3/declared-tiles.ts';
import { DEFAULT_IMAGE_LIMITS } from '../core/iiif/image-3/image-limits.ts';
import { parseImageRequest } from '../core/iiif/image-3/parse-image-request.ts';
import { type ImagePlan, planImageRequest } from '../core/iiif/image-3/plan-image-request.ts';
import type { DerivedObject } from '../core/ingest/ingest-export.ts';
import type { BlobStore } from '../core/ports.ts';
import { PyramidSource } from './pyramid-cache.ts';
import { RENDER_VERSION, renderImage } from './render-image.ts';

/** 64 MiB of tiles kept in the container: a few thousand, the working set of many viewers. */
export const DEFAULT_TILE_CACHE_BYTES = 64 * 1024 * 1024;

type TiledLeafImage = Pick<LeafImage, 'id' | 'leaf' | 'sha256' | 'width' | 'height' | 'levels' | 'tileSize'>;

const storedKey = (recordId: string, image: TiledLeafImage, plan: ImagePlan) =>
  tileKey(recordId, image.leaf, image.sha256, RENDER_VERSION, storedTilePath(plan));

/** Every declared tile of an image, rendered from its pyramid as the service renders it, as objects to store. */
export async function renderDeclaredTiles(recordId: string, image: TiledLeafImage, pyramid: Uint8Array): Promise<DerivedObject[]> {
  const objects: DerivedObject[] = [];
  for (const tile of declaredTiles(image)) {
    const [region = '', size = '', rotation = '', file = ''] = tile.path.split('/');
    const request = parseImageRequest({ region, size, rotation, file });
    const plan = request.ok ? planImageRequest(request.value, image, DEFAULT_IMAGE_LIMITS) : request;
    if (!plan.ok) throw new Error(`declared tile ${tile.path} of image ${image.id} cannot be planned: ${plan.message}`);
    objects.push({ key: storedKey(recordId, image, plan.value), body: await renderImage(pyramid, plan.value), contentType: 'image/jpeg' });
  }
  return objects;
}

/** How long an image found without stored tiles is rendered without asking the bucket again. */
const UNTILED_FOR_MS = 5 * 60 * 1000;
/** Images remembered as untiled, at most (then forgotten all at once). */
const MAX_UNTILED = 10_000;

/** Stored tiles read from the bucket through a bounded in-container cache (keys are content-addressed, never stale). */
export class StoredTiles {
  private readonly cache: PyramidSource;
  /**
   * Images whose tile was not in the bucket (ingested before tiles were stored, or a killed
   * ingest), by scan digest, until when: their tiles are rendered meanwhile without a read per
   * request. A render gives the same bytes, so remembering too long costs time, never correctness.
   */
  private readonly untiled = new Map<string, number>();

  constructor(blobs: BlobStore, maxBytes = DEFAULT_TILE_CACHE_BYTES) {
    this.cache = new PyramidSource(blobs, maxBytes);
  }

  /**
   * The stored bytes of the tile the plan asks for; undefined when the plan is not exactly a
   * declared tile, or its tile was never stored (an image ingested before tiles were).
   */
  async read(recordId: string, image: TiledLeafImage, plan: ImagePlan): Promise<Uint8Array | undefined> {
    if (!isDeclaredTile(image, plan) || this.knownUntiled(image.sha256)) return undefined;
    const key = storedKey(recordId, image, plan);
    return this.cache.load(key, key).catch((error: unknown) => {
      if (!(error instanceof NotFoundError)) throw error;
      this.rememberUntiled(image.sha256);
      return undefined;
    });
  }

  private knownUntiled(sha256: string): boolean {
    const until = this.untiled.get(sha256);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.untiled.delete(sha256);
    return false;
  }

  private rememberUntiled(sha256: string): void {
    if (this.untiled.size >= MAX_UNTILED) this.untiled.clear();
    this.untiled.set(sha256, Date.now() + UNTILED_FOR_MS);
  }
}
