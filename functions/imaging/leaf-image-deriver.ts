/**
 * The ingest's LeafImageDeriver over sharp: one image per leaf of the record's archival
 * reference, the supplied scan when there is one and otherwise a generated placeholder, each
 * stored as given, as a tiled pyramidal TIFF with JPEG tiles, the derivative the image
 * service reads, and as the declared tiles of that pyramid, rendered (stored-tiles.ts). A record whose Source cites no leaf gets one placeholder for the whole
 * document, `{id}-l0`, that says so and gives the Source: no leaf is invented, and every
 * viewer has an image to paint (docs/adr/0010-iiif-for-every-viewer.md).
 *
 * Output is deterministic (same input, same bytes), so re-ingesting an unchanged export with
 * the same scans leaves the record unchanged; a leaf given no scan keeps the scan the record
 * already has for it.
 */
import sharp from 'sharp';
import type { LeafImage, RecordContent } from '../../schemas/record.ts';
import { originalKey, pyramidKey } from '../core/bucket-layout.ts';
import { leafImageId } from '../core/iiif/image-3/leaf-image-id.ts';
import { type DerivedObject, type LeafImageDeriver, ScanError } from '../core/ingest/ingest-export.ts';
import { DOCUMENT_LEAF, leafLabel } from '../core/records/leaves.ts';
import { sha256Hex } from '../core/records/record-fingerprint.ts';
import { documentPlaceholderSvg, leafReference, placeholderSvg } from './placeholder-svg.ts';
import { renderDeclaredTiles } from './stored-tiles.ts';

export const PYRAMID_TILE_SIZE = 512;
const PYRAMID_JPEG_QUALITY = 85;

/** Scan formats sharp reads, with the media type and file extension the original is stored under. */
const SCAN_FORMATS: { [format: string]: { contentType: string; extension: string } } = {
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  png: { contentType: 'image/png', extension: 'png' },
  tiff: { contentType: 'image/tiff', extension: 'tif' },
  webp: { contentType: 'image/webp', extension: 'webp' },
};

interface Source {
  bytes: Uint8Array;
  contentType: string;
  extension: string;
  placeholder: boolean;
}

/**
 * The tile size for an image: `largest`, or for an image smaller than that, its longer side
 * rounded up to the multiple of 16 that TIFF requires (libvips refuses to read back a TIFF
 * whose tiles dwarf the image).
 */
export function tileSizeFor(size: { width: number; height: number }, largest = PYRAMID_TILE_SIZE): number {
  return Math.min(largest, Math.ceil(Math.max(size.width, size.height) / 16) * 16);
}

/** The tiled pyramidal TIFF (JPEG tiles, pages halving down to one tile) of any image sharp reads. */
export async function buildPyramid(input: Uint8Array, tileSize: number): Promise<Buffer> {
  return sharp(input)
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .tiff({ tile: true, tileWidth: tileSize, tileHeight: tileSize, pyramid: true, compression: 'jpeg', quality: PYRAMID_JPEG_QUALITY })
    .toBuffer();
}

/** Sizes of a pyramid's pages, largest first, read from the TIFF's directories (no pixel is decoded). */
export async function pyramidLevels(pyramid: Uint8Array): Promise<{ width: number; height: number }[]> {
  const { pages = 1 } = await sharp(pyramid).metadata();
  const levels: { width: number; height: number }[] = [];
  for (let page = 0; page < pages; page++) {
    const { width, height } = await sharp(pyramid, { page }).metadata();
    levels.push({ width, height });
  }
  return levels;
}

/** The scan supplied for a leaf: by its label (`37`, `37ob.`), or `37ob` as a file name without the final dot gives it. */
function scanOf(scans: ReadonlyMap<string, Uint8Array>, label: string): Uint8Array | undefined {
  return scans.get(label) ?? (label.endsWith('.') ? scans.get(label.slice(0, -1)) : undefined);
}

async function scanSource(recordId: string, label: string, bytes: Uint8Array): Promise<Source> {
  const format = await sharp(bytes)
    .metadata()
    .then((m) => SCAN_FORMATS[m.format])
    .catch((error: unknown) => {
      throw new ScanError(label, `the scan of leaf ${label} of record ${recordId} is not an image: ${(error as Error).message}`);
    });
  if (!format) throw new ScanError(label, `the scan of leaf ${label} of record ${recordId} is not a JPEG, PNG, TIFF or WebP image`);
  return { bytes, ...format, placeholder: false };
}

export class SharpLeafImageDeriver implements LeafImageDeriver {
  /** @param tileSize the largest tile size; smaller images get smaller tiles */
  constructor(private readonly tileSize = PYRAMID_TILE_SIZE) {}

  async derive(
    content: RecordContent,
    scans: ReadonlyMap<string, Uint8Array>,
    keep: readonly LeafImage[] = [],
  ): Promise<{ images: LeafImage[]; objects: DerivedObject[] }> {
    const reference = content.source.archival;
    const kept = new Map(keep.map((image) => [image.id, image]));
    const images: LeafImage[] = [];
    const objects: DerivedObject[] = [];
    const seen = new Set<string>();
    for (const leaf of reference?.leaves ?? []) {
      const id = leafImageId(content.id, leaf);
      if (!reference || seen.has(id)) continue;
      seen.add(id);
      const label = leafLabel(leaf);
      const scan = scanOf(scans, label);
      const keptImage = kept.get(id);
      if (!scan && keptImage) {
        // A scan the record already has: its objects are stored, nothing is derived again.
        images.push({ ...keptImage, leaf });
        continue;
      }
      const source: Source = scan ? await scanSource(content.id, label, scan) : placeholderSource(placeholderSvg(leafReference(reference, leaf)));
      await this.store(content.id, id, leaf, source, { images, objects });
    }
    if ((reference?.leaves.length ?? 0) === 0) {
      // No leaf cited: one placeholder for the document, which names its Source as given.
      const leaf = { ...DOCUMENT_LEAF };
      await this.store(content.id, leafImageId(content.id, leaf), leaf, placeholderSource(documentPlaceholderSvg(content.source.citation)), {
        images,
        objects,
      });
    }
    return { images, objects };
  }

  /** Builds the pyramid of one image and adds it, and its source as given, to what the record stores. */
  private async store(
    recordId: string,
    id: string,
    leaf: LeafImage['leaf'],
    source: Source,
    into: { images: LeafImage[]; objects: DerivedObject[] },
  ): Promise<void> {
    const tileSize = tileSizeFor(await sharp(source.bytes).metadata(), this.tileSize);
    const pyramid = await buildPyramid(source.bytes, tileSize);
    const sha256 = sha256Hex(pyramid);
    const levels = await pyramidLevels(pyramid);
    const full = levels[0];
    if (!full) throw new Error(`the pyramid of image ${id} of record ${recordId} has no pages`);
    into.objects.push({ key: originalKey(recordId, leaf, sha256Hex(source.bytes), source.extension), body: source.bytes, contentType: source.contentType });
    into.objects.push({ key: pyramidKey(recordId, leaf, sha256), body: pyramid, contentType: 'image/tiff' });
    const image: LeafImage = { id, leaf, width: full.width, height: full.height, levels, tileSize, placeholder: source.placeholder, sha256 };
    // Every tile info.json declares, as the image service renders it (docs/adr/0016-stored-tiles.md).
    into.objects.push(...(await renderDeclaredTiles(recordId, image, pyramid)));
    into.images.push(image);
  }
}

const placeholderSource = (svg: string): Source => ({
  bytes: new TextEncoder().encode(svg),
  contentType: 'image/svg+xml',
  extension: 'svg',
  placeholder: true,
});
