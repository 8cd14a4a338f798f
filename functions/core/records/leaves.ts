/**
 * A record's leaves as the service writes them: the label archivists give a leaf (`37`, `37ob.`),
 * the compact list the pages and viewers show, the name a leaf has in keys and identifiers
 * (`l37`, `l37ob`), and leaf 0, the whole document of a Source that cites no leaf. (Reading leaf
 * lists from a Source: `core/ingest/parse-source-citation.ts`.)
 */
import type { Leaf } from '../../../schemas/record.ts';

/**
 * The "leaf" of a record's document image: no leaf, the document as a whole. Leaves count from
 * 1, so no archival reference cites it (docs/adr/0010-iiif-for-every-viewer.md).
 */
export const DOCUMENT_LEAF: Leaf = Object.freeze({ number: 0, reverse: false });

/** True for the image that stands for a whole document whose Source cites no leaf. */
export function isDocumentImage(image: { leaf: Leaf }): boolean {
  return image.leaf.number === 0;
}

export const sameLeaf = (a: Leaf, b: Leaf) => a.number === b.number && a.reverse === b.reverse;

/** Label of a leaf as archivists write it: `37`, `37ob.`. */
export function leafLabel(leaf: Leaf): string {
  return leaf.reverse ? `${leaf.number}ob.` : String(leaf.number);
}

/** Compact leaf list for display: `37-40`, `5-6ob.` is left expanded as `5, 5ob., 6, 6ob.`. */
export function describeLeaves(leaves: readonly Leaf[]): string {
  const first = leaves[0];
  const last = leaves[leaves.length - 1];
  const contiguous = leaves.every((leaf, i) => !leaf.reverse && (i === 0 || leaf.number === (leaves[i - 1]?.number ?? 0) + 1));
  if (first && last && contiguous && leaves.length > 1) return `${first.number}-${last.number}`;
  return leaves.map(leafLabel).join(', ');
}

/** How archivists cite leaves: `l. 37`, `ll. 37-40`. */
export function leafCitation(leaves: readonly Leaf[]): string {
  return `${leaves.length === 1 ? 'l.' : 'll.'} ${describeLeaves(leaves)}`;
}

/** A leaf in an object key, an image identifier or a canvas URL: `l37`, `l37ob` (letters and digits only). */
export function leafName(leaf: Leaf): string {
  return `l${leaf.number}${leaf.reverse ? 'ob' : ''}`;
}
