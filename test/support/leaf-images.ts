/** Leaf images made by hand (valid per the Record schema), so manifest tests need no image pipeline. */
import type { LeafImageDeriver } from '../../functions/core/ingest/ingest-export.ts';
import { leafLabel } from '../../functions/core/records/leaves.ts';
import { type ArchivalRecord, ArchivalRecordSchema, type Leaf, type LeafImage, LeafImageSchema, type RecordContent } from '../../schemas/record.ts';

export interface ImageChoice {
  /** Leaf labels (`37`, `38ob.`) that have real scans; the other leaves get placeholders. */
  scans?: readonly string[];
  /** Leaf labels that get no image at all. */
  missing?: readonly string[];
}

/** A scan's size differs by leaf, so tests can tell that each canvas got its own image's size. */
export const scanSize = (leaf: Leaf) => ({ width: 2400 + leaf.number, height: 3200 + leaf.number });
export const PLACEHOLDER_SIZE = { width: 1240, height: 1754 };

function pyramid(width: number, height: number, tileSize: number) {
  const levels = [{ width, height }];
  for (let w = width, h = height; Math.max(w, h) > tileSize; ) {
    w = Math.ceil(w / 2);
    h = Math.ceil(h / 2);
    levels.push({ width: w, height: h });
  }
  return levels;
}

export function leafImage(recordId: string, leaf: Leaf, placeholder: boolean): LeafImage {
  const { width, height } = placeholder ? PLACEHOLDER_SIZE : scanSize(leaf);
  return LeafImageSchema.parse({
    id: `${recordId}-${leafLabel(leaf)}`,
    leaf,
    width,
    height,
    levels: pyramid(width, height, 512),
    tileSize: 512,
    placeholder,
    sha256: (placeholder ? 'a' : 'b').repeat(63) + (leaf.number % 10).toString(),
  });
}

export function imagesFor(content: Pick<RecordContent, 'id' | 'source'>, choice: ImageChoice = {}): LeafImage[] {
  return (content.source.archival?.leaves ?? [])
    .filter((leaf) => !choice.missing?.includes(leafLabel(leaf)))
    .map((leaf) => leafImage(content.id, leaf, !choice.scans?.includes(leafLabel(leaf))));
}

/** The record with hand-made images, checked against the schema. */
export function withImages(record: ArchivalRecord, choice: ImageChoice = {}): ArchivalRecord {
  return ArchivalRecordSchema.parse({ ...record, images: imagesFor(record, choice) });
}

/** A deriver that records hand-made images and stores no pixels. */
export const handMadeDeriver = (choice: ImageChoice = {}): LeafImageDeriver => ({
  derive: async (content) => ({ images: imagesFor(content, choice), objects: [] }),
});
