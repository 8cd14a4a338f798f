/**
 * Where a leaf's images live in the bucket: `images/{recordId}/l{n}[ob]/...`, content-addressed
 * by SHA-256, so a key never changes what it holds and a record switches images in one write.
 */
import type { Leaf } from '../../schemas/record.ts';

const leafFolder = (recordId: string, leaf: Leaf) => `images/${recordId}/l${leaf.number}${leaf.reverse ? 'ob' : ''}`;

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
