/**
 * The sets a record belongs to, derived from its parsed archival reference and its genre.
 * Specs are hierarchical (OAI-PMH style, `:`-separated) so that a parent set contains its
 * children: repository:APRF > repository:APRF:fond:45 > ...:opis:1 > ...:delo:337.
 */
import type { RecordContent } from '../../../schemas/record.ts';
import type { SetEntry } from '../ports.ts';

/** The levels a set spec can have; storage keeps one index per level. */
export const SET_LEVELS = ['repository', 'fond', 'opis', 'delo', 'type'] as const;
export type SetLevel = (typeof SET_LEVELS)[number];

/** Characters an OAI-PMH setSpec token allows, less `~`, which escapes the others, and `!`, which joins a papka and its delo. */
const SPEC_TOKEN = /[^A-Za-z0-9\-_.*'()]/g;

/**
 * A spec-safe form of a value: whitespace runs become `-`, any other character outside the
 * setSpec alphabet becomes `~HH` per UTF-8 byte, so distinct values keep distinct tokens.
 */
export function specToken(value: string): string {
  return value
    .trim()
    .replace(/\s+/g, '-')
    .replace(SPEC_TOKEN, (c) => [...new TextEncoder().encode(c)].map((b) => `~${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

export interface HarvestSet extends SetEntry {
  level: SetLevel;
}

export function harvestSetsOf(record: Pick<RecordContent, 'source' | 'genre'>): HarvestSet[] {
  const sets: HarvestSet[] = [];
  const ref = record.source.archival;
  if (ref) {
    let spec = `repository:${specToken(ref.repository.abbreviation)}`;
    sets.push({ level: 'repository', spec, name: ref.repository.name });
    spec += `:fond:${specToken(ref.fond)}`;
    sets.push({ level: 'fond', spec, name: `${ref.repository.abbreviation}, fond ${ref.fond}` });
    if (ref.opis !== undefined) {
      spec += `:opis:${specToken(ref.opis)}`;
      sets.push({ level: 'opis', spec, name: `${ref.repository.abbreviation}, fond ${ref.fond}, opis ${ref.opis}` });
      if (ref.delo !== undefined) {
        // A delo is numbered within its papka where the reference names one: `302!10` is papka 302, delo 10.
        const papka = ref.papka === undefined ? '' : `${specToken(ref.papka)}!`;
        spec += `:delo:${papka}${specToken(ref.delo)}`;
        const papkaName = ref.papka === undefined ? '' : `, papka ${ref.papka}`;
        sets.push({ level: 'delo', spec, name: `${ref.repository.abbreviation}, fond ${ref.fond}, opis ${ref.opis}${papkaName}, delo ${ref.delo}` });
      }
    }
  }
  if (record.genre) sets.push({ level: 'type', spec: `type:${specToken(record.genre.toLowerCase())}`, name: `Document type: ${record.genre}` });
  return sets;
}

/** The level of a set spec, or undefined when it is not a spec this service makes. */
export function setLevelOf(spec: string): SetLevel | undefined {
  if (/^type:[^:]+$/.test(spec)) return 'type';
  const m = /^repository:[^:]+(?::fond:[^:]+(?::opis:[^:]+(?::delo:[^:]+)?)?)?$/.exec(spec);
  if (!m) return undefined;
  const depth = spec.split(':').length / 2;
  return (['repository', 'fond', 'opis', 'delo'] as const)[depth - 1];
}
