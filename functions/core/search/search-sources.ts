/**
 * What a record's search covers, in a fixed order: each of its texts (translation, transcription),
 * its title, its summary, and the values of the manifest's metadata (date, reference, agents...).
 * The index refers to sources by their position in this list, and the hits target the canvas
 * each source is shown on (see `hit-targets.ts`).
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { buildMetadata } from '../iiif/presentation-3/build-metadata.ts';

export type SearchSource =
  /** `texts[text]` of the record. */
  | { field: 'text'; text: number; value: string }
  | { field: 'title' | 'summary'; value: string }
  /** One value of a metadata entry, under the entry's English label. */
  | { field: 'metadata'; label: string; value: string };

const english = (map: { [language: string]: string[] }) => Object.values(map).flat();

export function searchSources(record: ArchivalRecord): SearchSource[] {
  const sources: SearchSource[] = record.texts.map((text, index) => ({ field: 'text', text: index, value: text.text }));
  sources.push({ field: 'title', value: record.title });
  if (record.summary) sources.push({ field: 'summary', value: record.summary });
  for (const entry of buildMetadata(record)) {
    const label = english(entry.label).join(' ');
    for (const value of english(entry.value)) sources.push({ field: 'metadata', label, value });
  }
  return sources;
}
