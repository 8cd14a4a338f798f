/**
 * The parts of IIIF Presentation API 2.1 this service emits for legacy clients, typed just enough
 * to keep the translation from Presentation 3 honest; iiif-prezi's ManifestReader (the 2.1
 * validator) and manifesto.js are what the tests hold them to.
 */
import type { Presentation2SearchService } from '../../search/search-services.ts';
import type { IMAGE_2_COMPLIANCE_PROFILE, IMAGE_2_CONTEXT } from '../image-2/service-profile.ts';

export const PRESENTATION_2_CONTEXT = 'http://iiif.io/api/presentation/2/context.json';
/** Media type of every Presentation 2.1 response. */
export const PRESENTATION_2_MEDIA_TYPE = `application/ld+json;profile="${PRESENTATION_2_CONTEXT}"`;

/** A string in a language (`{"@value", "@language"}`), or a plain string for values in no language. */
export type LanguageValue = string | { '@value': string; '@language': string };
/** One value or several: what 2.1 allows for `label`, `description`, `attribution` and metadata values. */
export type Values = LanguageValue | LanguageValue[];

export interface MetadataPair2 {
  label: Values;
  value: Values;
}

export interface ImageService2 {
  '@context': typeof IMAGE_2_CONTEXT;
  '@id': string;
  profile: typeof IMAGE_2_COMPLIANCE_PROFILE;
}

export interface ImageResource2 {
  '@id': string;
  '@type': 'dctypes:Image';
  format: string;
  width: number;
  height: number;
  service: ImageService2;
  label?: Values;
}

export interface PaintingAnnotation2 {
  '@id': string;
  '@type': 'oa:Annotation';
  motivation: 'sc:painting';
  resource: ImageResource2;
  on: string;
}

/** A text painted on a canvas: a transcription or translation, as HTML built from escaped characters. */
export interface TextAnnotation2 {
  '@id': string;
  '@type': 'oa:Annotation';
  motivation: 'sc:painting';
  resource: { '@type': 'cnt:ContentAsText'; chars: string; format: 'text/html'; language: string };
  on: string;
}

export interface AnnotationListReference2 {
  '@id': string;
  '@type': 'sc:AnnotationList';
  label?: Values;
}

export interface AnnotationList2 extends AnnotationListReference2 {
  '@context'?: string;
  resources: TextAnnotation2[];
  within?: { '@id': string; '@type': 'sc:Manifest'; label: Values }[];
}

export interface Canvas2 {
  '@context'?: string;
  '@id': string;
  '@type': 'sc:Canvas';
  label: Values;
  description?: Values;
  width: number;
  height: number;
  images: PaintingAnnotation2[];
  otherContent?: AnnotationListReference2[];
  within?: { '@id': string; '@type': 'sc:Manifest'; label: Values }[];
}

export interface Sequence2 {
  '@context'?: string;
  '@id': string;
  '@type': 'sc:Sequence';
  label: Values;
  viewingHint: 'individuals';
  rendering?: LinkedResource2[];
  canvases: Canvas2[];
}

export interface Range2 {
  '@context'?: string;
  '@id': string;
  '@type': 'sc:Range';
  label: Values;
  viewingHint: 'top';
  canvases: string[];
}

/** A linked web page or document (`related`, `seeAlso`, `rendering`). */
export interface LinkedResource2 {
  '@id': string;
  label: Values;
  format: string;
  profile?: string;
}

export interface Reference2 {
  '@id': string;
  '@type': 'sc:Collection' | 'sc:Manifest';
  label?: Values;
  thumbnail?: ImageResource2;
}

export interface Manifest2 {
  '@context': typeof PRESENTATION_2_CONTEXT;
  '@id': string;
  '@type': 'sc:Manifest';
  label: Values;
  description?: Values;
  metadata: MetadataPair2[];
  license: string;
  attribution: Values;
  viewingHint: 'individuals';
  navDate?: string;
  thumbnail?: ImageResource2;
  related: LinkedResource2[];
  seeAlso: LinkedResource2[];
  within: Reference2[];
  service: Presentation2SearchService[];
  sequences: Sequence2[];
  structures: Range2[];
}

export interface Collection2 {
  '@context': typeof PRESENTATION_2_CONTEXT;
  '@id': string;
  '@type': 'sc:Collection';
  label: Values;
  description?: Values;
  seeAlso?: LinkedResource2[];
  within?: Reference2[];
  collections: Reference2[];
  manifests: Reference2[];
}
