/**
 * Image identifiers of leaf images: `{recordId}-l{n}` for a leaf and `{recordId}-l{n}ob` for
 * its reverse side (`110020-l37`, `110020-l37ob`). Letters, digits, "-" and "_" only, so an
 * identifier never needs percent-encoding in an Image API URL.
 *
 * A record whose Source cites no leaf has one image for the whole document, `{recordId}-l0`:
 * leaf 0, which no archival reference can cite (leaves count from 1), so it never collides with
 * a leaf's image (docs/adr/0010-iiif-for-every-viewer.md; `DOCUMENT_LEAF` in core/records/leaves.ts).
 */
import { type Leaf, RECORD_ID_PATTERN } from '../../../../schemas/record.ts';
import { DOCUMENT_LEAF, leafName } from '../../records/leaves.ts';

export function leafImageId(recordId: string, leaf: Leaf): string {
  return `${recordId}-${leafName(leaf)}`;
}

const LEAF_IMAGE_ID = /^(?<recordId>.+)-l(?:(?<number>[1-9]\d{0,8})(?<reverse>ob)?|(?<document>0))$/;

/** The record and leaf an image identifier names, or undefined when it is not a leaf image identifier. */
export function parseLeafImageId(id: string): { recordId: string; leaf: Leaf } | undefined {
  if (id.length > 80) return undefined;
  const groups = LEAF_IMAGE_ID.exec(id)?.groups;
  if (!groups?.recordId || !RECORD_ID_PATTERN.test(groups.recordId)) return undefined;
  if (groups.document) return { recordId: groups.recordId, leaf: { ...DOCUMENT_LEAF } };
  if (!groups.number) return undefined;
  return { recordId: groups.recordId, leaf: { number: Number(groups.number), reverse: groups.reverse !== undefined } };
}
