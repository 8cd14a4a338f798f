/**
 * One Canvas per leaf of the archival reference, painted with that leaf's image, and the
 * record's texts as `supplementing` annotations. A text the source does not divide by leaf is
 * attached once, to the first leaf it covers, targets every leaf it covers, and says so.
 */
import type { ArchivalRecord, Leaf, LeafImage, RecordText } from '../../../../schemas/record.ts';
import { describeLeaves, leafLabel } from '../../ingest/parse-source-citation.ts';
import type { ServiceUrls } from '../../urls.ts';
import { fullImage } from './image-resources.ts';
import { described, languageless, languageName } from './language-map.ts';
import type { Annotation, AnnotationPage, Canvas, LanguageMap } from './types.ts';

/** Size of a canvas whose leaf has no image: the proportions of an A4 page. */
export const NOMINAL_CANVAS = { width: 1000, height: 1414 } as const;

export const PLACEHOLDER_NOTE = 'The archive holds no scan of this leaf: the image is a generated placeholder that says so and shows the archival reference.';
export const NO_IMAGE_NOTE = `No image of this leaf is available; the canvas has a nominal size of ${NOMINAL_CANVAS.width} × ${NOMINAL_CANVAS.height}.`;

/** How archivists cite leaves: `l. 37`, `ll. 37-40`. */
export function leafCitation(leaves: readonly Leaf[]): string {
  return `${leaves.length === 1 ? 'l.' : 'll.'} ${describeLeaves(leaves)}`;
}

/** The last path segment of a leaf's canvas: `l37`, `l37ob`. */
export function canvasName(leaf: Leaf): string {
  return `l${leaf.number}${leaf.reverse ? 'ob' : ''}`;
}

const sameLeaf = (a: Leaf, b: Leaf) => a.number === b.number && a.reverse === b.reverse;

interface CanvasPlan {
  name: string;
  /** `l. 37` (a shelf mark, in no language) or, for a whole document, an English word. */
  label: LanguageMap;
  /** How the label reads in prose. */
  citation: string;
  leaf?: Leaf;
  image?: LeafImage;
}

/** The canvases to draw: every leaf the reference cites, else every leaf with an image, else one canvas for the document. */
function planCanvases(record: ArchivalRecord): CanvasPlan[] {
  const leaves = record.source.archival?.leaves ?? [];
  const fromLeaves = (leaves.length > 0 ? leaves : record.images.map((image) => image.leaf)).map((leaf) => {
    const citation = `l. ${leafLabel(leaf)}`;
    const plan: CanvasPlan = { name: canvasName(leaf), label: languageless(citation), citation, leaf };
    const image = record.images.find((candidate) => sameLeaf(candidate.leaf, leaf));
    if (image) plan.image = image;
    return plan;
  });
  return fromLeaves.length > 0 ? fromLeaves : [{ name: 'document', label: described('Document'), citation: 'the document' }];
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
  const note = !image ? NO_IMAGE_NOTE : image.placeholder ? PLACEHOLDER_NOTE : undefined;
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

export function buildCanvases(record: ArchivalRecord, urls: ServiceUrls): Canvas[] {
  const plans = planCanvases(record);
  const canvases = plans.map((plan) => paintedCanvas(record, plan, urls));
  const seen = new Map<string, number>();

  for (const text of record.texts) {
    const wanted = text.leaves ?? [];
    let covered = plans.filter((plan) => plan.leaf && wanted.some((leaf) => plan.leaf && sameLeaf(leaf, plan.leaf)));
    if (covered.length === 0) covered = plans;
    const hostIndex = plans.indexOf(covered[0] as CanvasPlan);
    const host = canvases[hostIndex];
    if (!host) continue;
    const targets = covered.map((plan) => canvases[plans.indexOf(plan)]?.id ?? host.id);
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
      body: { type: 'TextualBody', value: text.text, language: text.language, format: 'text/plain' },
      target: targets.length === 1 ? host.id : targets,
    };
    host.annotations = [
      ...(host.annotations ?? []),
      { id: urls.iiifPart(record.id, `annotations/${name}`), type: 'AnnotationPage', label, items: [annotation] },
    ];
  }
  return canvases;
}
