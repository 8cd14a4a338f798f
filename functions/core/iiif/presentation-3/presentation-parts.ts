/**
 * Every resource of a record's IIIF space that has an id of its own, as it is served at that id:
 * canvases, their painting pages and annotations, the texts' AnnotationPages and annotations,
 * and ranges. Each is the same object the manifest embeds or references, with the JSON-LD
 * context; a canvas also says which manifest it is part of.
 */
import type { ArchivalRecord } from '../../../../schemas/record.ts';
import type { ServiceUrls } from '../../urls.ts';
import { buildPresentationContent } from './build-canvases.ts';
import { buildManifest } from './build-manifest.ts';
import { type Annotation, type AnnotationPage, type Canvas, PRESENTATION_CONTEXT, type Range } from './types.ts';

export type PresentationPart = Canvas | AnnotationPage | Annotation | Range;

/** The resource with this id in the record's IIIF space, ready to serve, or undefined. */
export function findPresentationPart(record: ArchivalRecord, urls: ServiceUrls, id: string): PresentationPart | undefined {
  const manifest = buildManifest(record, urls);
  const partOf = [{ id: manifest.id, type: 'Manifest' as const, label: manifest.label }];
  const served = <T extends PresentationPart>(resource: T): T => ({ '@context': PRESENTATION_CONTEXT, ...resource });

  for (const canvas of manifest.items) {
    if (canvas.id === id) return { ...served(canvas), partOf };
    for (const page of canvas.items) {
      if (page.id === id) return served(page);
      for (const annotation of page.items) if (annotation.id === id) return served(annotation);
    }
  }
  for (const page of buildPresentationContent(record, urls).textPages) {
    if (page.id === id) return served(page);
    for (const annotation of page.items) if (annotation.id === id) return served(annotation);
  }
  for (const range of manifest.structures) if (range.id === id) return served(range);
  return undefined;
}
