/**
 * Checks for IIIF Presentation 3 documents: the IIIF JSON Schema (vendored from the IIIF
 * presentation validator, draft-07, validated with ajv) and the semantic rules it cannot express.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { repoPath } from './fixtures.ts';

type Json = { [key: string]: unknown };

const SCHEMA_ID = 'http://iiif.io/api/presentation/3/schema.json';

function createValidator() {
  // strict: false because the published schema carries keywords ajv does not know (e.g. "type:").
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addSchema(JSON.parse(readFileSync(repoPath('schemas/vendor/iiif/iiif_3_0.json'), 'utf8')) as object);
  return ajv;
}

let ajv: ReturnType<typeof createValidator> | undefined;

/** Schema errors of a Manifest, Collection, AnnotationPage or Annotation (the schema's top level), or of a fragment such as `#/classes/canvas`. */
export function schemaErrors(document: unknown, fragment = ''): string[] {
  ajv ??= createValidator();
  const validate = ajv.getSchema(`${SCHEMA_ID}${fragment}`);
  if (!validate) throw new Error(`no schema ${SCHEMA_ID}${fragment}`);
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** The part of the schema a served document is held to: the top level for Manifest, Collection, AnnotationPage and Annotation. */
export function schemaFragmentOf(document: object): string {
  const { type } = document as Json;
  return type === 'Canvas' ? '#/classes/canvas' : type === 'Range' ? '#/classes/range' : '';
}

/** Roles of references a crawl of the service follows to fetch documents: collections, manifests, canvases, pages, annotations, ranges. */
export function followedByCrawl(ref: Reference): boolean {
  if (['items', 'partOf', 'canvas'].includes(ref.role)) return ['Collection', 'Manifest', 'Canvas'].includes(ref.type ?? '');
  return ref.role === 'annotations' || ref.role === 'part';
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** Every object in a document, with the property path that leads to it. */
function* walk(value: unknown, path: string[] = []): Generator<{ node: Json; path: string[] }> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* walk(item, [...path, String(i)]);
  } else if (isObject(value)) {
    yield { node: value, path };
    for (const [key, child] of Object.entries(value)) yield* walk(child, [...path, key]);
  }
}

const resolvePath = (document: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (isObject(node) || Array.isArray(node) ? (node as { [key: string]: unknown })[key] : undefined), document);

const targetIds = (annotation: Json): string[] =>
  asArray(annotation.target).flatMap((t) => (typeof t === 'string' ? [t] : isObject(t) && typeof t.id === 'string' ? [t.id] : []));

/**
 * What the schema misses: the id is the URL the document was fetched from; canvas ids have no
 * fragment; every annotation has a motivation and a target; in a manifest or canvas, painting
 * annotations appear only in a canvas's `items` and nothing else does; an annotation a canvas
 * embeds in its `annotations` targets that canvas; image services declare level0, 1 or 2; every
 * annotation target and range item is a canvas of the same manifest (for a Canvas,
 * AnnotationPage, Annotation or Range fetched on its own, give the canvases of its manifest as
 * `manifestCanvases`).
 */
export function semanticProblems(resource: object, fetchedUrl: string, manifestCanvases: readonly string[] = []): string[] {
  const document = resource as Json;
  const problems: string[] = [];
  if (document.id !== fetchedUrl) problems.push(`id ${String(document.id)} is not the URL it was fetched from, ${fetchedUrl}`);
  const canvasIds = new Set<string>(manifestCanvases);
  for (const { node, path } of walk(document)) {
    const where = `/${path.join('/')}`;
    if (node.type === 'Canvas' && typeof node.id === 'string') {
      if (node.id.includes('#')) problems.push(`${where}: canvas id ${node.id} has a fragment`);
      if (document.type === 'Manifest' && path.length === 2 && path[0] === 'items') canvasIds.add(node.id);
    }
  }
  if (document.type === 'Canvas' && typeof document.id === 'string') canvasIds.add(document.id);

  for (const { node, path } of walk(document)) {
    const where = `/${path.join('/')}`;
    if (node.type === 'Annotation') {
      const motivations = asArray(node.motivation);
      if (motivations.length === 0) problems.push(`${where}: annotation without motivation`);
      const targets = targetIds(node);
      if (targets.length === 0) problems.push(`${where}: annotation without target`);
      for (const target of targets)
        if (!canvasIds.has(target.split('#')[0] ?? '')) problems.push(`${where}: target ${target} is not a canvas of this manifest`);
      // A canvas's painting content sits at .../items/{page}/items/{annotation}; the canvas's `annotations` hold everything else.
      // An AnnotationPage or Annotation served on its own is either; where it belongs is where a canvas embeds or references it.
      if (document.type === 'Manifest' || document.type === 'Canvas') {
        const inPaintingSlot = path.at(-4) === 'items' && path.at(-2) === 'items';
        const painting = motivations.includes('painting');
        if (painting && !inPaintingSlot) problems.push(`${where}: painting annotation outside a canvas's items`);
        if (!painting && inPaintingSlot) problems.push(`${where}: non-painting annotation in a canvas's items`);
      }
      const canvasPath = path.at(-4) === 'annotations' ? path.slice(0, -4) : undefined;
      const canvas = canvasPath && resolvePath(document, canvasPath);
      if (isObject(canvas) && canvas.type === 'Canvas' && !targets.some((target) => target.split('#')[0] === canvas.id))
        problems.push(`${where}: an annotation in the annotations of canvas ${String(canvas.id)} does not target it`);
    }
    if (node.type === 'ImageService3' || node.type === 'ImageService2') {
      if (typeof node.profile !== 'string' || !/^level[012]$/.test(node.profile)) problems.push(`${where}: image service profile ${String(node.profile)}`);
    }
    if (node.type === 'Range') {
      for (const item of asArray(node.items)) {
        if (isObject(item) && item.type === 'Canvas' && !canvasIds.has(String(item.id)))
          problems.push(`${where}: range item ${String(item.id)} is not a canvas of this manifest`);
      }
    }
  }
  return problems;
}

export interface Reference {
  id: string;
  /**
   * Where it was found: `partOf`, `items`, `seeAlso`, `rendering`, `homepage`, `thumbnail`, `service`, `body`, `canvas`,
   * `annotations` (a page a canvas references) or `part` (an embedded AnnotationPage, Annotation or Range).
   */
  role: string;
  /** The media type or resource type the reference promises. */
  type?: string;
  format?: string;
}

/**
 * The URL a client fetches for a reference: an image service's `info.json`, a search or
 * autocomplete service with a query (they answer only to one), else the id itself.
 */
export function probeUrl(ref: Reference): string {
  if (/^(SearchService|AutoCompleteService)[12]$/.test(ref.type ?? '')) return `${ref.id}?q=stalin`;
  return ref.role === 'service' ? `${ref.id}/info.json` : ref.id;
}

/** The ids a document points at that a client may fetch: the ones that must resolve. */
export function referencedIds(resource: object): Reference[] {
  const document = resource as Json;
  const refs: Reference[] = [];
  const add = (value: unknown, role: string) => {
    for (const item of asArray(value)) {
      // Services of older APIs (Content Search 1.0) are listed with `@id` and `@type`.
      const id = isObject(item) ? (item.id ?? item['@id']) : undefined;
      const type = isObject(item) ? (item.type ?? item['@type']) : undefined;
      if (isObject(item) && typeof id === 'string') {
        refs.push({
          id,
          role,
          ...(typeof type === 'string' ? { type } : {}),
          ...(typeof item.format === 'string' ? { format: item.format } : {}),
        });
      }
    }
  };
  for (const { node, path } of walk(document)) {
    const parentKey = path.at(-2) ?? '';
    for (const role of ['partOf', 'seeAlso', 'rendering', 'homepage', 'thumbnail', 'service']) if (role in node) add(node[role], role);
    if (node.type === 'Annotation' && node.motivation === 'painting') add(node.body, 'body');
    if (document.type === 'Collection' && parentKey === 'items' && path.length === 2) add(node, 'items');
    if (document.type === 'Manifest' && node.type === 'Canvas' && parentKey === 'items' && path.length === 2) add(node, 'canvas');
    // Pages a canvas references (or embeds) in `annotations`, and every embedded page, annotation and range: each id resolves.
    if (node.type === 'Canvas' && 'annotations' in node) add(node.annotations, 'annotations');
    if (path.length > 0 && ['AnnotationPage', 'Annotation', 'Range'].includes(String(node.type)) && path.at(-2) !== 'annotations') add(node, 'part');
  }
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.role} ${ref.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Across documents: every page a canvas of the manifest references in `annotations` was served
 * (`pages`, by id) and each annotation on it targets that canvas.
 */
export function coverageProblems(manifest: object, pages: ReadonlyMap<string, object>): string[] {
  const problems: string[] = [];
  for (const canvas of asArray((manifest as Json).items).filter(isObject)) {
    for (const ref of asArray(canvas.annotations).filter(isObject)) {
      const page = isObject(ref) && Array.isArray(ref.items) ? ref : pages.get(String(ref.id));
      if (!page) {
        problems.push(`canvas ${String(canvas.id)}: annotation page ${String(ref.id)} was not served`);
        continue;
      }
      for (const annotation of asArray((page as Json).items).filter(isObject))
        if (!targetIds(annotation).some((target) => target.split('#')[0] === canvas.id))
          problems.push(`canvas ${String(canvas.id)}: annotation ${String(annotation.id)} of page ${String(ref.id)} does not target it`);
    }
  }
  return problems;
}
