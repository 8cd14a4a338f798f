/**
 * The parts of IIIF Presentation API 3.0 this service emits, typed just enough to keep the
 * crosswalks honest. The IIIF JSON Schema (schemas/vendor/iiif) is what the tests hold them to.
 */

export const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';
/** Media type of every Presentation 3 response. */
export const PRESENTATION_MEDIA_TYPE = `application/ld+json;profile="${PRESENTATION_CONTEXT}"`;

/** A language map: BCP 47 tag (or `none`) to values. */
export type LanguageMap = { [language: string]: string[] };

export interface MetadataEntry {
  label: LanguageMap;
  value: LanguageMap;
}

export interface ImageService {
  id: string;
  type: 'ImageService3';
  profile: 'level0' | 'level1' | 'level2';
}

export interface ImageResource {
  id: string;
  type: 'Image';
  format: string;
  width: number;
  height: number;
  service: ImageService[];
  label?: LanguageMap;
}

/** A text as HTML built from its escaped characters (see `textAsHtml`): a viewer shows it, never runs it. */
export interface TextualBody {
  type: 'TextualBody';
  value: string;
  language: string;
  format: 'text/html';
}

export interface Annotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'painting' | 'supplementing';
  label?: LanguageMap;
  body: ImageResource | TextualBody;
  target: string | string[];
}

export interface AnnotationPage {
  '@context'?: string;
  id: string;
  type: 'AnnotationPage';
  label?: LanguageMap;
  items: Annotation[];
}

/** An AnnotationPage by reference: a client fetches it from its id. */
export interface AnnotationPageReference {
  id: string;
  type: 'AnnotationPage';
  label?: LanguageMap;
}

export interface Canvas {
  '@context'?: string;
  id: string;
  type: 'Canvas';
  label: LanguageMap;
  summary?: LanguageMap;
  width: number;
  height: number;
  thumbnail?: ImageResource[];
  partOf?: Reference[];
  items: AnnotationPage[];
  annotations?: AnnotationPageReference[];
}

export interface Reference {
  id: string;
  type: 'Collection' | 'Manifest' | 'Canvas';
  label?: LanguageMap;
  thumbnail?: ImageResource[];
}

/** A linked web page or document (homepage, seeAlso, rendering). */
export interface LinkedResource {
  id: string;
  type: 'Text' | 'Dataset';
  label: LanguageMap;
  format: string;
  profile?: string;
  language?: string[];
}

export interface Agent {
  id: string;
  type: 'Agent';
  label: LanguageMap;
  homepage: LinkedResource[];
}

export interface Range {
  '@context'?: string;
  id: string;
  type: 'Range';
  label: LanguageMap;
  items: Reference[];
}

export interface Manifest {
  '@context': string;
  id: string;
  type: 'Manifest';
  label: LanguageMap;
  summary?: LanguageMap;
  metadata: MetadataEntry[];
  requiredStatement: MetadataEntry;
  rights: string;
  provider: Agent[];
  homepage: LinkedResource[];
  navDate?: string;
  thumbnail?: ImageResource[];
  seeAlso: LinkedResource[];
  rendering?: LinkedResource[];
  partOf: Reference[];
  /** Services of the whole manifest (Content Search), as their own modules describe them. */
  service?: object[];
  items: Canvas[];
  structures: Range[];
}

export interface Collection {
  '@context': string;
  id: string;
  type: 'Collection';
  label: LanguageMap;
  summary?: LanguageMap;
  /** On the top collection: the IIIF Change Discovery feed of every manifest. */
  seeAlso?: LinkedResource[];
  partOf?: Reference[];
  items: Reference[];
}
