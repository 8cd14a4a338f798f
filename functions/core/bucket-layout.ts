/**
 * The one bucket's layout, shared by the stores, the ingest and the CDK stack: every prefix and
 * every key. What the service writes is content-addressed, so a key never changes what it holds
 * and a record switches objects in one write: the export and its overlay byte for byte under
 * `sources/`, its texts and search index under `text/`, its leaf images under `images/`. Exports
 * are dropped into `inbox/`, which only the ingest reads.
 */
import type { Leaf, RecordText } from '../../schemas/record.ts';
import { leafName } from './records/leaves.ts';

export const SOURCES_PREFIX = 'sources/';
/** Records' long texts (ADR 0002) and search indexes: read by every function that reads records. */
export const TEXT_PREFIX = 'text/';
export const IMAGES_PREFIX = 'images/';
/** The prefixes the service writes and reads; no other key is ever read or written through a blob store. */
export const SERVICE_PREFIXES = [SOURCES_PREFIX, TEXT_PREFIX, IMAGES_PREFIX] as const;

export const sourceObjectKey = (id: string, sha256: string) => `${SOURCES_PREFIX}${id}/${sha256}.txt`;
export const overlayObjectKey = (id: string, sha256: string) => `${SOURCES_PREFIX}${id}/${sha256}.overlay.json`;
export const textObjectKey = (id: string, sha256: string, text: Pick<RecordText, 'kind' | 'language'>) =>
  `${TEXT_PREFIX}${id}/${sha256}.${text.kind}.${text.language}.txt`;
/**
 * A record's search index (`core/search/`), beside its texts: named by the digest of everything it
 * is built from and its format version, so its key follows from the record alone.
 */
export const searchIndexObjectKey = (id: string, digest: string, version: number) => `${TEXT_PREFIX}${id}/${digest}.search-v${version}.json`;

/** A leaf's images: `images/{recordId}/l{n}[ob]/...`, by SHA-256. */
const leafFolder = (recordId: string, leaf: Leaf) => `${IMAGES_PREFIX}${recordId}/${leafName(leaf)}`;

/** The tiled pyramidal TIFF the image service reads; `sha256` is the one recorded on the LeafImage. */
export const pyramidKey = (recordId: string, leaf: Leaf, sha256: string) => `${leafFolder(recordId, leaf)}/${sha256}.pyramid.tif`;

/** The scan as supplied (or the placeholder's SVG source), kept byte for byte. */
export const originalKey = (recordId: string, leaf: Leaf, sha256: string, extension: string) => `${leafFolder(recordId, leaf)}/${sha256}.original.${extension}`;

/**
 * A declared tile as the renderer made it at ingest, under its canonical request path
 * (`x,y,w,h/max/0/default.jpg`): beside its pyramid, by the pyramid's SHA-256 (a new scan never
 * reads an old scan's tiles) and the render version that made it (a renderer whose output
 * changes never serves tiles it did not make).
 */
export const tileKey = (recordId: string, leaf: Leaf, sha256: string, renderVersion: number, path: string) =>
  `${leafFolder(recordId, leaf)}/${sha256}.tiles/r${renderVersion}/${path}`;

/** Where exports (`{name}.txt`) and their overlays (`{name}.json`) are dropped; the ingest reads them there. */
export const INBOX_PREFIX = 'inbox/';
export const INBOX_EXPORT_SUFFIX = '.txt';
export const INBOX_OVERLAY_SUFFIX = '.json';
/** The objects whose arrival in the inbox starts an ingest. */
export const INBOX_SUFFIXES = [INBOX_EXPORT_SUFFIX, INBOX_OVERLAY_SUFFIX] as const;

export interface InboxPair {
  exportKey: string;
  overlayKey: string;
}

/** The export and overlay keys of the pair an inbox object belongs to; undefined for anything else. */
export function inboxPairOf(key: string): InboxPair | undefined {
  if (!key.startsWith(INBOX_PREFIX)) return undefined;
  const file = key.slice(INBOX_PREFIX.length);
  const suffix = INBOX_SUFFIXES.find((candidate) => file.endsWith(candidate));
  const name = suffix === undefined ? '' : file.slice(0, -suffix.length);
  if (name === '' || name.includes('/')) return undefined;
  return { exportKey: `${INBOX_PREFIX}${name}${INBOX_EXPORT_SUFFIX}`, overlayKey: `${INBOX_PREFIX}${name}${INBOX_OVERLAY_SUFFIX}` };
}
