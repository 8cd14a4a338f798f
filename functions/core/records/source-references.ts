/**
 * The archival references of a record's Source, as crosswalks need them: all of them, the
 * primary first; and the part of the citation that is the references, as written, without the
 * credits and notes that follow them (`source.remainder`).
 */
import type { ArchivalReference, Source } from '../../../schemas/record.ts';

/** Every archival reference of the Source, the primary one first; none when it is not parsed. */
export function archivalReferencesOf(source: Source): ArchivalReference[] {
  return source.archival ? [source.archival, ...(source.additionalArchival ?? [])] : [];
}

/**
 * The references as the citation writes them: `RGANI, f. 5, op. 49, d. 131, ll. 193-194.` of
 * `RGANI, f. 5, op. 49, d. 131, ll. 193-194. Translated by Gary Goldberg.`; the whole citation
 * when it has no remainder; undefined when the Source is not an archival reference.
 */
export function referenceTextOf(source: Source): string | undefined {
  if (!source.archival) return undefined;
  const { citation, remainder } = source;
  if (!remainder || !citation.endsWith(remainder)) return citation;
  return citation
    .slice(0, citation.length - remainder.length)
    .trim()
    .replace(/\s*[,;:]$/, '');
}

/**
 * Whether the record is an archival original, an unpublished document: its Source is an archival
 * reference or an acquisition note (`Obtained by ...`), not a publication it was taken from.
 * MARC's leader and 008 (manuscript or printed language material) and MODS `manuscript` read it.
 */
export const isArchivalOriginal = (source: Source): boolean => source.kind !== 'bibliographic';
