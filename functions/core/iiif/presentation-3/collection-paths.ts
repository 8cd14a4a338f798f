/**
 * Where each IIIF Collection lives, below `/iiif/3/collection/`, and how the archival ones map
 * to the harvest set specs they list (docs/adr/0005-iiif-collection-paging.md):
 *
 *   top                          every collection below
 *   all                          every record
 *   archive/APRF                 repository:APRF
 *   archive/APRF/45              repository:APRF:fond:45
 *   archive/APRF/45/1            repository:APRF:fond:45:opis:1
 *   archive/APRF/45/1/337        repository:APRF:fond:45:opis:1:delo:337
 */
import type { RecordContent } from '../../../../schemas/record.ts';
import { harvestSetsOf, type SetLevel } from '../../records/harvest-sets.ts';

export const TOP_COLLECTION = 'top';
export const ALL_COLLECTION = 'all';
export const ARCHIVE_PREFIX = 'archive';

export const ALL_COLLECTION_LABEL = 'All records';

/** The archival levels, outermost first; a collection at level n lists collections at level n + 1. */
export const ARCHIVAL_LEVELS = ['repository', 'fond', 'opis', 'delo'] as const satisfies readonly SetLevel[];
export type ArchivalLevel = (typeof ARCHIVAL_LEVELS)[number];

/** One spec token: what `specToken` produces (the setSpec alphabet, `~HH` escapes included). */
const TOKEN = /^[A-Za-z0-9\-_.!~*'()]+$/;

export type CollectionAddress =
  | { kind: 'top' }
  | { kind: 'all' }
  | { kind: 'archival'; spec: string; level: ArchivalLevel; parentSpec?: string; childLevel?: ArchivalLevel };

/** The collection path of an archival set spec (`repository:APRF:fond:45` is `archive/APRF/45`), or undefined for other specs. */
export function archivalCollectionPath(spec: string): string | undefined {
  const parts = spec.split(':');
  if (parts.length % 2 !== 0 || parts.length > ARCHIVAL_LEVELS.length * 2) return undefined;
  const tokens: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const token = parts[i + 1];
    if (parts[i] !== ARCHIVAL_LEVELS[i / 2] || token === undefined || !TOKEN.test(token)) return undefined;
    tokens.push(token);
  }
  return [ARCHIVE_PREFIX, ...tokens].join('/');
}

/** What a collection path (already split into decoded segments) addresses; undefined when it is none of ours. */
export function parseCollectionPath(segments: readonly string[]): CollectionAddress | undefined {
  const [head, ...rest] = segments;
  if (segments.length === 1 && head === TOP_COLLECTION) return { kind: 'top' };
  if (segments.length === 1 && head === ALL_COLLECTION) return { kind: 'all' };
  if (head !== ARCHIVE_PREFIX || rest.length === 0 || rest.length > ARCHIVAL_LEVELS.length || !rest.every((t) => TOKEN.test(t))) return undefined;
  const specs = rest.map((_, depth) =>
    rest
      .slice(0, depth + 1)
      .map((token, i) => `${ARCHIVAL_LEVELS[i]}:${token}`)
      .join(':'),
  );
  const level = ARCHIVAL_LEVELS[rest.length - 1];
  const spec = specs[specs.length - 1];
  if (!level || !spec) return undefined;
  const address: CollectionAddress = { kind: 'archival', spec, level };
  const parentSpec = specs[specs.length - 2];
  if (parentSpec) address.parentSpec = parentSpec;
  const childLevel = ARCHIVAL_LEVELS[rest.length];
  if (childLevel) address.childLevel = childLevel;
  return address;
}

/**
 * The deepest archival collection a record belongs to, with its label (the set's name), or
 * undefined when its source is not an archival reference.
 */
export function archivalCollectionOf(record: Pick<RecordContent, 'source' | 'genre'>): { path: string; label: string } | undefined {
  const deepest = harvestSetsOf(record)
    .filter((set) => set.level !== 'type')
    .at(-1);
  const path = deepest && archivalCollectionPath(deepest.spec);
  return deepest && path ? { path, label: deepest.name } : undefined;
}
