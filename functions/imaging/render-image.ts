/**
 * The sharp pipeline of an image request: read the planned part of the planned pyramid page,
 * scale it, mirror and rotate it, apply the quality, encode the format. Operations run in the
 * order Image API 3.0 section 4.6 gives (region, size, rotation, quality, format).
 */
import type { ImagePlan } from '../core/iiif/image-3/plan-image-request.ts';

/**
 * sharp, and libvips with it, is loaded by the first image rendered: it is most of the function's
 * cold start (ADR 0007), and redirects and info.json, a viewer's first requests, never need it.
 *
 * One libvips thread per render: how many renders run at once is the render queue's decision
 * (render-queue.ts), so renders do not multiply threads on top of it (sharp picks 1 on glibc
 * anyway, the CPU count elsewhere). libvips' operation cache stays on (tiles were no faster
 * without it) but smaller than its 50 MB default, and holds no files: every input is a buffer.
 */
let sharpModule: Promise<typeof import('sharp')> | undefined;
const loadSharp = () => {
  sharpModule ??= import('sharp').then((module) => {
    module.default.concurrency(1);
    module.default.cache({ memory: 32, files: 0, items: 100 });
    return module;
  });
  return sharpModule;
};

/** Bump when the same plan would give different bytes (it is part of every image ETag). */
export const RENDER_VERSION = 2;

/**
 * Chosen by measurement on a 6000x8000 scan (512-px tiles, one libvips thread): Huffman table
 * optimisation off saves about a fifth of a tile's time for 8% more bytes; 4:2:0 chroma (the
 * default) and quality 85 as the pyramid's own tiles were made.
 */
export const JPEG_OUTPUT = { quality: 85, optimiseCoding: false, chromaSubsampling: '4:2:0' } as const;

export async function renderImage(pyramid: Uint8Array, plan: ImagePlan): Promise<Buffer> {
  const { default: sharp } = await loadSharp();
  const { read, size, request } = plan;
  let image = sharp(pyramid, { page: read.page }).extract({ left: read.region.x, top: read.region.y, width: read.region.width, height: read.region.height });
  if (read.region.width !== size.width || read.region.height !== size.height) image = image.resize(size.width, size.height, { fit: 'fill' });
  if (request.rotation.mirror) image = image.flop();
  if (request.rotation.degrees !== 0) image = image.rotate(request.rotation.degrees);
  if (request.quality === 'gray') image = image.grayscale();
  if (request.quality === 'bitonal') image = image.threshold(128);
  switch (request.format) {
    case 'jpg':
      return image.jpeg(JPEG_OUTPUT).toBuffer();
    case 'png':
      return image.png().toBuffer();
    case 'webp':
      return image.webp({ quality: 85 }).toBuffer();
  }
}
