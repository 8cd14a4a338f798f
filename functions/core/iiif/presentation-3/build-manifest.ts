/**
 * The IIIF Presentation 3.0 Manifest of a record: a pure function of the Record and the
 * service's URLs. Whatever the Record does not say is left out, never invented.
 */
import type { ArchivalRecord, DateParts } from '../../../../schemas/record.ts';
import { leafCitation } from '../../records/leaves.ts';
import { contentSearchServices } from '../../search/search-services.ts';
import type { ServiceUrls } from '../../urls.ts';
import { buildCanvases } from './build-canvases.ts';
import { buildMetadata } from './build-metadata.ts';
import { ALL_COLLECTION, ALL_COLLECTION_LABEL, archivalCollectionOf } from './collection-paths.ts';
import { representativeImage, thumbnailImage } from './image-resources.ts';
import { CATALOGUE_LANGUAGE, described, languageName } from './language-map.ts';
import { type LinkedResource, type Manifest, PRESENTATION_CONTEXT, type Reference } from './types.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `navDate`: the start of the record's date, at midnight UTC; absent for undated records. */
export function navDateOf(start: DateParts | undefined): string | undefined {
  if (!start) return undefined;
  return `${pad(start.year, 4)}-${pad(start.month ?? 1)}-${pad(start.day ?? 1)}T00:00:00Z`;
}

/** The record's machine-readable descriptions, served by the record routes. */
export function seeAlsoOf(record: ArchivalRecord, urls: ServiceUrls): LinkedResource[] {
  return [
    {
      id: urls.recordRendering(record.id, 'dc.xml'),
      type: 'Dataset',
      label: described('Dublin Core record (oai_dc)'),
      format: 'application/xml',
      profile: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
    },
    {
      id: urls.recordRendering(record.id, 'mods.xml'),
      type: 'Dataset',
      label: described('MODS 3.7 record'),
      format: 'application/mods+xml',
      profile: 'http://www.loc.gov/mods/v3',
    },
    {
      id: urls.recordRendering(record.id, 'jsonld'),
      type: 'Dataset',
      label: described('DCMI Terms record (JSON-LD)'),
      format: 'application/ld+json',
      profile: 'http://purl.org/dc/terms/',
    },
  ];
}

/**
 * The id of the archive as an Agent: this service's home, with a fragment for the archive it
 * publishes, so the Agent is not confused with its homepage (a web page, a resource of its own).
 */
export function providerId(urls: ServiceUrls): string {
  return `${urls.base}/#archive`;
}

/** The collections the record is listed in: every record, and the deepest archival level of its reference. */
export function partOfRecord(record: ArchivalRecord, urls: ServiceUrls): Reference[] {
  const partOf: Reference[] = [{ id: urls.collection(ALL_COLLECTION), type: 'Collection', label: described(ALL_COLLECTION_LABEL) }];
  const archival = archivalCollectionOf(record);
  if (archival) partOf.push({ id: urls.collection(archival.path), type: 'Collection', label: described(archival.label) });
  return partOf;
}

export function buildManifest(record: ArchivalRecord, urls: ServiceUrls): Manifest {
  const canvases = buildCanvases(record, urls);
  const { publisher } = record;
  const leaves = record.source.archival?.leaves ?? [];

  const navDate = navDateOf(record.date.start);
  const image = representativeImage(record.images);
  const translation = record.texts.find((text) => text.kind === 'translation');

  const manifest: Manifest = {
    '@context': PRESENTATION_CONTEXT,
    id: urls.manifest(record.id),
    type: 'Manifest',
    label: described(record.title),
    ...(record.summary ? { summary: described(record.summary) } : {}),
    metadata: buildMetadata(record),
    requiredStatement: { label: described('Rights'), value: described(record.rights.statement) },
    rights: record.rights.uri,
    provider: [
      {
        id: providerId(urls),
        type: 'Agent',
        label: described(publisher.institution ? `${publisher.name}, ${publisher.institution}` : publisher.name),
        homepage: [{ id: publisher.homepage, type: 'Text', label: described(publisher.name), format: 'text/html' }],
      },
    ],
    homepage: [
      { id: urls.record(record.id), type: 'Text', label: described(record.title), format: 'text/html', language: [CATALOGUE_LANGUAGE] },
      {
        id: record.provenance.originalUrl,
        type: 'Text',
        label: described(`${record.title} (${publisher.name})`),
        format: 'text/html',
        language: [CATALOGUE_LANGUAGE],
      },
    ],
    ...(navDate ? { navDate } : {}),
    ...(image ? { thumbnail: [thumbnailImage(image, urls)] } : {}),
    seeAlso: seeAlsoOf(record, urls),
    ...(translation
      ? {
          rendering: [
            {
              id: urls.recordRendering(record.id, 'txt'),
              type: 'Text',
              label: described(`${languageName(translation.language)} translation (plain text)`),
              format: 'text/plain',
              language: [translation.language],
            },
          ],
        }
      : {}),
    partOf: partOfRecord(record, urls),
    service: contentSearchServices(record.id, urls),
    items: canvases,
    structures: [
      {
        id: urls.iiifPart(record.id, 'range/document'),
        type: 'Range',
        label: described(leaves.length > 0 ? `${record.genre ?? 'Document'}, ${leafCitation(leaves)}` : (record.genre ?? 'Document')),
        items: canvases.map((canvas) => ({ id: canvas.id, type: 'Canvas' })),
      },
    ],
  };
  return manifest;
}
