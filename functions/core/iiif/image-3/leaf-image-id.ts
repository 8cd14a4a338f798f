/**
 * Image identifiers of leaf images: `{recordId}-l{n}` for a leaf and `{recordId}-l{n}ob` for
 * its reverse side (`110020-l37`, `110020-l37ob`). Letters, digits, "-" and "_" only, so an
 * identifier never needs percent-encoding in an Image API URL.
 */
import { type Leaf, RECORD_ID_PATTERN } from '../../../../schemas/record.ts';

export function leafImageId(recordId: string, leaf: Leaf): string {
  return `${recordId}-l${leaf.number}${leaf.reverse ? 'ob' : ''}`;
}

const LEAF_IMAGE_ID = /^(?<recordId>.+)-l(?<number>[1-9]\d{0,8})(?<reverse>ob)?$/;

/** The record and leaf an image identifier names, or undefined when it is not a leaf image identifier. */
export function parseLeafImageId(id: string): { recordId: string; leaf: Leaf } | undefined {
  if (id.length > 80) return undefined;
  const groups = LEAF_IMAGE_ID.exec(id)?.groups;
  if (!groups?.recordId || !groups.number || !RECORD_ID_PATTERN.test(groups.recordId)) return undefined;
  return { recordId: groups.recordId, leaf: { number: Number(groups.number), reverse: groups.reverse !== undefined } };
}
