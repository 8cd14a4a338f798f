/**
 * The IIIF Presentation 2.1 Manifest of a record, for legacy clients (Mirador 2, Universal
 * Viewer 3, aggregators): the Presentation 3 Manifest built over the 2.1 URL space and
 * translated, so that both versions say the same things about the same record.
 *
 *   3.0                         2.1
 *   label, summary, metadata    label, description, metadata
 *   rights, requiredStatement   license, attribution (with the provider's name)
 *   homepage, seeAlso           related, seeAlso
 *   rendering                   the sequence's rendering
 *   partOf                      within
 *   items (Canvases)            one sc:Sequence of sc:Canvases, images as sc:painting annotations
 *   annotations (text pages)    otherContent: one sc:AnnotationList per text
 *   structures                  structures (sc:Range)
 */
import type { ArchivalRecord } from '../../../../schemas/record.ts';
import { presentation2SearchService } from '../../search/search-services.ts';
import type { ServiceUrls } from '../../urls.ts';
import { IMAGE_2_COMPLIANCE_PROFILE, IMAGE_2_CONTEXT } from '../image-2/service-profile.ts';
import { buildPresentationContent } from '../presentation-3/build-canvases.ts';
import { buildManifest } from '../presentation-3/build-manifest.ts';
import { CATALOGUE_LANGUAGE, described } from '../presentation-3/language-map.ts';
import type { AnnotationPage, Canvas, ImageResource, LinkedResource, Reference } from '../presentation-3/types.ts';
import { toValues } from './language-values.ts';
import { presentation2Space } from './presentation-2-space.ts';
import {
  type AnnotationList2,
  type Canvas2,
  type ImageResource2,
  type LinkedResource2,
  type Manifest2,
  PRESENTATION_2_CONTEXT,
  type Reference2,
  type TextAnnotation2,
} from './types.ts';

/** A 3.0 image body (its service already in the 2.1 space) as a 2.1 `dctypes:Image`. */
export function imageResource2(image: ImageResource): ImageResource2 {
  const [service] = image.service;
  const resource: ImageResource2 = {
    '@id': image.id,
    '@type': 'dctypes:Image',
    format: image.format,
    width: image.width,
    height: image.height,
    service: { '@context': IMAGE_2_CONTEXT, '@id': service?.id ?? image.id, profile: IMAGE_2_COMPLIANCE_PROFILE },
  };
  if (image.label) resource.label = toValues(image.label);
  return resource;
}

export function linked(resource: LinkedResource): LinkedResource2 {
  return { '@id': resource.id, label: toValues(resource.label), format: resource.format, ...(resource.profile ? { profile: resource.profile } : {}) };
}

export function reference2(reference: Reference): Reference2 {
  const translated: Reference2 = { '@id': reference.id, '@type': reference.type === 'Manifest' ? 'sc:Manifest' : 'sc:Collection' };
  if (reference.label) translated.label = toValues(reference.label);
  const [thumbnail] = reference.thumbnail ?? [];
  if (thumbnail) translated.thumbnail = imageResource2(thumbnail);
  return translated;
}

const lastSegment = (id: string) => id.slice(id.lastIndexOf('/') + 1);

/**
 * A text's AnnotationList: its one 3.0 annotation painted, as 2.1 paints texts, on each canvas it
 * covers (2.1 clients expect one target per annotation), the list served at the page's own id.
 */
export function annotationList2(page: AnnotationPage): AnnotationList2 {
  const resources: TextAnnotation2[] = page.items.flatMap((annotation) => {
    const body = annotation.body;
    if (body.type !== 'TextualBody') return [];
    const targets = typeof annotation.target === 'string' ? [annotation.target] : annotation.target;
    return targets.map((target) => ({
      '@id': targets.length === 1 ? annotation.id : `${annotation.id}#${lastSegment(target)}`,
      '@type': 'oa:Annotation' as const,
      motivation: 'sc:painting' as const,
      resource: { '@type': 'cnt:ContentAsText' as const, chars: body.value, format: body.format, language: body.language },
      on: target,
    }));
  });
  return { '@id': page.id, '@type': 'sc:AnnotationList', ...(page.label ? { label: toValues(page.label) } : {}), resources };
}

function canvas2(canvas: Canvas): Canvas2 {
  const images = canvas.items.flatMap((page) =>
    page.items.flatMap((annotation) =>
      annotation.body.type === 'Image'
        ? [
            {
              '@id': annotation.id,
              '@type': 'oa:Annotation' as const,
              motivation: 'sc:painting' as const,
              resource: imageResource2(annotation.body),
              on: canvas.id,
            },
          ]
        : [],
    ),
  );
  const translated: Canvas2 = { '@id': canvas.id, '@type': 'sc:Canvas', label: toValues(canvas.label), width: canvas.width, height: canvas.height, images };
  if (canvas.summary) translated.description = toValues(canvas.summary);
  if (canvas.annotations) {
    translated.otherContent = canvas.annotations.map((page) => ({
      '@id': page.id,
      '@type': 'sc:AnnotationList' as const,
      ...(page.label ? { label: toValues(page.label) } : {}),
    }));
  }
  return translated;
}

/** What a record's 2.1 space holds: the manifest, and one AnnotationList per text. */
export interface Presentation2Content {
  manifest: Manifest2;
  annotationLists: AnnotationList2[];
}

export function buildPresentation2Content(record: ArchivalRecord, urls: ServiceUrls): Presentation2Content {
  const space = presentation2Space(urls);
  const v3 = buildManifest(record, space);
  const { textPages } = buildPresentationContent(record, space);
  // 2.1 has no provider: what must be shown is the rights statement, then who provides the record.
  const providers = v3.provider.flatMap((agent) => Object.values(agent.label).flat());
  const attribution = toValues(
    providers.length > 0
      ? {
          ...v3.requiredStatement.value,
          [CATALOGUE_LANGUAGE]: [...(v3.requiredStatement.value[CATALOGUE_LANGUAGE] ?? []), `Provided by ${providers.join(', ')}`],
        }
      : v3.requiredStatement.value,
  );
  const [thumbnail] = v3.thumbnail ?? [];

  const manifest: Manifest2 = {
    '@context': PRESENTATION_2_CONTEXT,
    '@id': v3.id,
    '@type': 'sc:Manifest',
    label: toValues(v3.label),
    ...(v3.summary ? { description: toValues(v3.summary) } : {}),
    metadata: v3.metadata.map((entry) => ({ label: toValues(entry.label), value: toValues(entry.value) })),
    license: v3.rights,
    attribution,
    // Presentation 3's default behavior, which the 3.0 manifest leaves implicit.
    viewingHint: 'individuals',
    ...(v3.navDate ? { navDate: v3.navDate } : {}),
    ...(thumbnail ? { thumbnail: imageResource2(thumbnail) } : {}),
    related: v3.homepage.map(linked),
    seeAlso: v3.seeAlso.map(linked),
    within: v3.partOf.map(reference2),
    // Content Search 1.0 (the version 2.x viewers read), answered over the 2.1 canvases.
    service: [presentation2SearchService(record.id, space)],
    sequences: [
      {
        '@id': space.iiifPart(record.id, 'sequence/normal'),
        '@type': 'sc:Sequence',
        label: toValues(described('Archival order')),
        viewingHint: 'individuals',
        // On the sequence, where 2.x viewers (Universal Viewer's download dialog) look for it.
        ...(v3.rendering ? { rendering: v3.rendering.map(linked) } : {}),
        canvases: v3.items.map(canvas2),
      },
    ],
    structures: v3.structures.map((range) => ({
      '@id': range.id,
      '@type': 'sc:Range',
      label: toValues(range.label),
      viewingHint: 'top',
      canvases: range.items.map((item) => item.id),
    })),
  };
  return { manifest, annotationLists: textPages.map(annotationList2) };
}

export function buildManifest2(record: ArchivalRecord, urls: ServiceUrls): Manifest2 {
  return buildPresentation2Content(record, urls).manifest;
}
