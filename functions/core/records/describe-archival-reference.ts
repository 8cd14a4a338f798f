/**
 * The archival reference written out in words, for people and for crosswalks that want prose:
 * `APRF, f. 45, op. 1, d. 337, ll. 37-40.` is "Archive of the President of the Russian
 * Federation, fond 45, opis 1, delo 337, leaves 37-40". One place, so that IIIF metadata,
 * landing pages and bibliographic records never spell it differently.
 */
import type { ArchivalReference } from '../../../schemas/record.ts';
import { describeLeaves } from './leaves.ts';

/** "leaf 37", "leaves 37-40", "leaves 5, 5ob., 6, 6ob."; undefined when the reference names no leaves. */
export function describeLeafRange(leaves: ArchivalReference['leaves']): string | undefined {
  if (leaves.length === 0) return undefined;
  return `${leaves.length === 1 ? 'leaf' : 'leaves'} ${describeLeaves(leaves)}`;
}

/** The reference in words: repository name, then fond, opis, delo and leaves as far as the source gives them. */
export function describeArchivalReference(reference: ArchivalReference): string {
  const parts = [reference.repository.name, `fond ${reference.fond}`];
  if (reference.opis !== undefined) parts.push(`opis ${reference.opis}`);
  if (reference.papka !== undefined) parts.push(`papka ${reference.papka}`);
  if (reference.delo !== undefined) parts.push(`delo ${reference.delo}`);
  const leaves = describeLeafRange(reference.leaves);
  if (leaves) parts.push(leaves);
  return parts.join(', ');
}
