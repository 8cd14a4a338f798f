/**
 * The canvas each search source is shown on, so that a hit takes the viewer there. A text's hits
 * target the canvas its AnnotationPage is attached to in the manifest; a text that covers several
 * leaves (the source does not divide it by leaf) targets the first canvas it covers, since the
 * record does not say which leaf a passage is on. Title, summary and metadata describe the whole
 * record: their hits target its first canvas.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { buildPresentationContent } from '../iiif/presentation-3/build-canvases.ts';
import type { ServiceUrls } from '../urls.ts';
import type { SearchSource } from './search-sources.ts';

export interface HitTarget {
  canvas: string;
  /** The text's own annotation (for hits in a text), which the hit quotes. */
  annotation?: string;
  /** The language of the text, when the record says it. */
  language?: string;
}

export function hitTargets(record: ArchivalRecord, sources: readonly SearchSource[], urls: ServiceUrls): HitTarget[] {
  // Where texts are attached does not depend on what they say: laid out without their words, so
  // that a search does not render the texts as HTML.
  const { canvases, textPages } = buildPresentationContent({ ...record, texts: record.texts.map((text) => ({ ...text, text: '' })) }, urls);
  const firstCanvas = canvases[0]?.id ?? urls.manifest(record.id);
  return sources.map((source) => {
    if (source.field !== 'text') return { canvas: firstCanvas };
    const annotation = textPages[source.text]?.items[0];
    const target = annotation?.target;
    const canvas = (Array.isArray(target) ? target[0] : target) ?? firstCanvas;
    const language = record.texts[source.text]?.language;
    return { canvas, ...(annotation ? { annotation: annotation.id } : {}), ...(language ? { language } : {}) };
  });
}
