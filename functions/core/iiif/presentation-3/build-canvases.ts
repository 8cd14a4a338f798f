/**
 * One Canvas per leaf of the archival reference, painted with that leaf's image, and the
 * record's texts as `supplementing` annotations: one AnnotationPage per text, served at its own
 * id and referenced from every canvas the text covers (every canvas of the record when the
 * source does not say which leaves it covers), its one annotation targeting those canvases.
 */
import type { ArchivalRecord, Leaf, LeafImage, RecordText } from '../../../../schemas/record.ts';
import { isDocumentImage, leafCitation, leafLabel, leafName, sameLeaf } from '../../records/leaves.ts';
import type { ServiceUrls } from '../../urls.ts';
import { fullImage } from './image-resources.ts';
import { described, languageless, languageName } from './language-map.ts';
import { textAsHtml } from './text-html.ts';
import type { Annotation, AnnotationPage, Canvas, LanguageMap } from './types.ts';

/** Size of a canvas whose leaf has no image: the proportions of an A4 page. */
export const NOMINAL_CANVAS = { width: 1000, height: 1414 } as const;

export const PLACEHOLDER_NOTE = 'The archive holds no scan of this leaf: the image is a generated placeholder that says so and shows the archival reference.';
export const DOCUMENT_PLACEHOLDER_NOTE =
  'The source cites no leaves and the archive holds no scan of this document: the image is a generated placeholder that says so and gives the source.';
export const NO_IMAGE_NOTE = `No image of this leaf is available; the canvas has a nominal size of ${NOMINAL_CANVAS.width} × ${NOMINAL_CANVAS.height}.`;

/** The last path segment of a leaf's canvas: `l37`, `l37ob`. */
export function canvasName(leaf: Leaf): string {
  return leafName(leaf);
}

interface CanvasPlan {
  name: string;
  /** `l. 37` (a shelf mark, in no language) or, for a whole document, an English word. */
  label: LanguageMap;
  /** How the label reads in prose. */
  citation: string;
  leaf?: Leaf;
  image?: LeafImage;
}

/**
 * The canvases to draw: every leaf the reference cites, else every leaf with an image, else one
 * canvas for the document, painted with the document's placeholder when the record has one.
 */
function planCanvases(record: ArchivalRecord): CanvasPlan[] {
  const leaves = record.source.archival?.leaves ?? [];
  const leafImages = record.images.filter((image) => !isDocumentImage(image));
  const fromLeaves = (leaves.length > 0 ? leaves : leafImages.map((image) => image.leaf)).map((leaf) => {
    const citation = `l. ${leafLabel(leaf)}`;
    const plan: CanvasPlan = { name: canvasName(leaf), label: languageless(citation), citation, leaf };
    const image = leafImages.find((candidate) => sameLeaf(candidate.leaf, leaf));
    if (image) plan.image = image;
    return plan;
  });
  if (fromLeaves.length > 0) return fromLeaves;
  const document: CanvasPlan = { name: 'document', label: described('Document'), citation: 'the document' };
  const image = record.images.find(isDocumentImage);
  if (image) document.image = image;
  return [document];
}

function canvasNote(plan: CanvasPlan): string | undefined {
  if (!plan.image) return NO_IMAGE_NOTE;
  if (!plan.image.placeholder) return undefined;
  return plan.leaf ? PLACEHOLDER_NOTE : DOCUMENT_PLACEHOLDER_NOTE;
}

function paintedCanvas(record: ArchivalRecord, plan: CanvasPlan, urls: ServiceUrls): Canvas {
  const id = urls.iiifPart(record.id, `canvas/${plan.name}`);
  const { image } = plan;
  const page: AnnotationPage = { id: `${id}/page/painting`, type: 'AnnotationPage', items: [] };
  if (image) {
    const body = fullImage(image, urls);
    if (image.placeholder) body.label = described(`Placeholder: no scan of ${plan.citation} is held`);
    page.items.push({ id: `${id}/annotation/painting`, type: 'Annotation', motivation: 'painting', body, target: id });
  }
  const note = canvasNote(plan);
  return {
    id,
    type: 'Canvas',
    label: plan.label,
    ...(note ? { summary: described(note) } : {}),
    width: image?.width ?? NOMINAL_CANVAS.width,
    height: image?.height ?? NOMINAL_CANVAS.height,
    items: [page],
  };
}

function textLabel(text: RecordText, covered: readonly CanvasPlan[], undivided: boolean): string {
  const what = `${languageName(text.language)} ${text.kind}`;
  const leaves = covered.flatMap((plan) => (plan.leaf ? [plan.leaf] : []));
  if (leaves.length === 0) return `${what} of the document`;
  const of = `${what} of ${leafCitation(leaves)}`;
  return undivided ? `${of} (the source does not divide the text by leaf)` : of;
}

/** What a record's IIIF space holds besides its manifest: its canvases, and one AnnotationPage per text. */
export interface PresentationContent {
  canvases: Canvas[];
  /** In the order of the record's texts; each canvas it covers references it by id. */
  textPages: AnnotationPage[];
}

export function buildPresentationContent(record: ArchivalRecord, urls: ServiceUrls): PresentationContent {
  const plans = planCanvases(record);
  const canvases = plans.map((plan) => paintedCanvas(record, plan, urls));
  const textPages: AnnotationPage[] = [];
  const seen = new Map<string, number>();

  for (const text of record.texts) {
    const wanted = text.leaves ?? [];
    let covered = plans.filter((plan) => plan.leaf && wanted.some((leaf) => plan.leaf && sameLeaf(leaf, plan.leaf)));
    if (covered.length === 0) covered = plans;
    const coveredCanvases = covered.flatMap((plan) => canvases[plans.indexOf(plan)] ?? []);
    const [first] = coveredCanvases;
    if (!first) continue;
    const targets = coveredCanvases.map((canvas) => canvas.id);
    const undivided = covered.length > 1;

    const key = `${text.kind}-${text.language}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    const name = count === 1 ? key : `${key}-${count}`;
    const label = described(textLabel(text, covered, undivided));
    const annotation: Annotation = {
      id: urls.iiifPart(record.id, `annotation/${name}`),
      type: 'Annotation',
      motivation: 'supplementing',
      label,
      body: { type: 'TextualBody', value: textAsHtml(text.text), language: text.language, format: 'text/html' },
      target: targets.length === 1 ? first.id : targets,
    };
    const page: AnnotationPage = { id: urls.iiifPart(record.id, `annotations/${name}`), type: 'AnnotationPage', label, items: [annotation] };
    textPages.push(page);
    for (const canvas of coveredCanvases) canvas.annotations = [...(canvas.annotations ?? []), { id: page.id, type: 'AnnotationPage', label }];
  }
  return { canvases, textPages };
}

export function buildCanvases(record: ArchivalRecord, urls: ServiceUrls): Canvas[] {
  return buildPresentationContent(record, urls).canvases;
}
