/**
 * The resources of a record's Presentation 2.1 space served at their own ids: the texts'
 * AnnotationLists (clients fetch `otherContent` by id), the sequence, the canvases and the range,
 * each with the JSON-LD context; a canvas and a list also say which manifest they are within.
 */
import type { ArchivalRecord } from '../../../../schemas/record.ts';
import type { ServiceUrls } from '../../urls.ts';
import { buildPresentation2Content } from './build-manifest.ts';
import { type AnnotationList2, type Canvas2, PRESENTATION_2_CONTEXT, type Range2, type Sequence2 } from './types.ts';

export type Presentation2Part = AnnotationList2 | Canvas2 | Sequence2 | Range2;

export function findPresentation2Part(record: ArchivalRecord, urls: ServiceUrls, id: string): Presentation2Part | undefined {
  const { manifest, annotationLists } = buildPresentation2Content(record, urls);
  const within = [{ '@id': manifest['@id'], '@type': 'sc:Manifest' as const, label: manifest.label }];
  const served = <T extends Presentation2Part>(resource: T): T => ({ '@context': PRESENTATION_2_CONTEXT, ...resource });
  for (const list of annotationLists) if (list['@id'] === id) return { ...served(list), within };
  for (const sequence of manifest.sequences) {
    if (sequence['@id'] === id) return served(sequence);
    for (const canvas of sequence.canvases) if (canvas['@id'] === id) return { ...served(canvas), within };
  }
  for (const range of manifest.structures) if (range['@id'] === id) return served(range);
  return undefined;
}
