/**
 * Declared tiles answered from the bytes ingest stored, on the real local stack (dynalite and
 * s3rver through the SDK): byte for byte what the renderer makes for the same URL, without a
 * render; everything else still rendered; HEAD never rendered; a new scan, new tiles.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveProfile } from '../../functions/adapters/ingest-files.ts';
import { pyramidKey } from '../../functions/core/bucket-layout.ts';
import { DEFAULT_IMAGE_LIMITS } from '../../functions/core/iiif/image-3/image-limits.ts';
import { parseImageRequest } from '../../functions/core/iiif/image-3/parse-image-request.ts';
import { planImageRequest } from '../../functions/core/iiif/image-3/plan-image-request.ts';
import { ingestExport } from '../../functions/core/ingest/ingest-export.ts';
import { isTombstone } from '../../functions/core/ports.ts';
import { createImageApp } from '../../functions/image/app.ts';
import { RenderLanes } from '../../functions/image/render-queue.ts';
import { SharpLeafImageDeriver } from '../../functions/imaging/leaf-image-deriver.ts';
import { renderImage } from '../../functions/imaging/render-image.ts';
import { StoredTiles } from '../../functions/imaging/stored-tiles.ts';
import { ARCHIVE_PROFILE, EXPORT_110020, fixedClock, OVERLAY_110020, testConfig } from '../support/fixtures.ts';
import { emulatedStores } from '../support/local-stack.ts';
import { MemoryBlobStore } from '../support/memory-stores.ts';
import { quadrantImagePng } from '../support/quadrant-image.ts';

/** The render lanes the app really uses, counting every render they admit. */
class CountingRenders extends RenderLanes {
  count = 0;
  override run<T>(...args: Parameters<RenderLanes['run']>): Promise<T> {
    this.count++;
    return super.run(...(args as [Parameters<RenderLanes['run']>[0], () => Promise<T>, AbortSignal?]));
  }
}

const ID = '110020-l37';
const url = (params: string) => `/iiif/image/3/${ID}/${params}`;
const ALIGNED = '512,0,512,512/512,512/0/default.jpg';
/** The smallest page's one tile: the whole 1200x800 image at scale 4. */
const WHOLE = 'full/300,200/0/default.jpg';
const UNALIGNED = '500,0,512,512/512,512/0/default.jpg';

let stack: Awaited<ReturnType<typeof emulatedStores>>;

async function ingestScan(scan: Buffer, clock = fixedClock()) {
  const outcome = await ingestExport(
    {
      fileName: '110020.txt',
      exportBytes: await readFile(EXPORT_110020),
      overlayBytes: await readFile(OVERLAY_110020),
      scans: new Map([['37', new Uint8Array(scan)]]),
    },
    { records: stack.records, blobs: stack.blobs, clock, profile: await loadArchiveProfile(ARCHIVE_PROFILE), images: new SharpLeafImageDeriver() },
  );
  if (outcome.status === 'rejected') throw new Error(JSON.stringify(outcome.problems));
}

async function currentImage() {
  const record = await stack.records.get('110020');
  const image = record && !isTombstone(record) ? record.images.find((i) => i.id === ID) : undefined;
  if (!image) throw new Error('no image');
  return image;
}

async function planOf(path: string) {
  const image = await currentImage();
  const [region = '', size = '', rotation = '', file = ''] = path.split('/');
  const request = parseImageRequest({ region, size, rotation, file });
  const plan = request.ok ? planImageRequest(request.value, image, DEFAULT_IMAGE_LIMITS) : request;
  if (!plan.ok) throw new Error(plan.message);
  return { image, plan: plan.value };
}

/** What the renderer makes for a request path, from the pyramid in the bucket. */
async function rendered(path: string): Promise<Buffer> {
  const { image, plan } = await planOf(path);
  return renderImage(await stack.blobs.get(pyramidKey('110020', image.leaf, image.sha256)), plan);
}

function service() {
  const renders = new CountingRenders();
  return { app: createImageApp({ config: testConfig(), records: stack.records, blobs: stack.blobs, renders }), renders };
}

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

beforeAll(async () => {
  stack = await emulatedStores();
  await ingestScan(await quadrantImagePng());
}, 60_000);
afterAll(async () => stack?.close());

describe('stored tiles on the local stack', () => {
  it('answers a declared tile with the bytes the renderer makes for it, without rendering', async () => {
    const { app, renders } = service();
    for (const path of [ALIGNED, WHOLE, '0,0,512,512/max/0/default.jpg', '1024,512,176,288/176,288/0/default.jpg']) {
      const res = await app.request(url(path));
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      const body = await bytes(res);
      expect(body.equals(await rendered(path)), path).toBe(true);
      expect(res.headers.get('content-length')).toBe(String(body.byteLength));
    }
    expect(renders.count).toBe(0);
  });

  it('serves the colour quality of a declared tile from the same bytes, under its own canonical link', async () => {
    const { app, renders } = service();
    const color = await app.request(url(ALIGNED.replace('default.jpg', 'color.jpg')));
    const plain = await app.request(url(ALIGNED));
    expect((await bytes(color)).equals(await bytes(plain))).toBe(true);
    expect(color.headers.get('link')).toContain('/512,0,512,512/max/0/color.jpg>;rel="canonical"');
    expect(color.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    expect(renders.count).toBe(0);
  });

  it('still renders every request that is not exactly a declared tile', async () => {
    const { app, renders } = service();
    for (const path of [
      UNALIGNED,
      '512,0,512,512/256,256/0/default.jpg',
      '512,0,512,512/512,512/90/default.jpg',
      '512,0,512,512/512,512/0/gray.jpg',
      '512,0,512,512/512,512/0/default.png',
    ]) {
      const res = await app.request(url(path));
      expect(res.status, path).toBe(200);
      expect((await bytes(res)).equals(await rendered(path)), path).toBe(true);
    }
    expect(renders.count).toBe(5);
  });

  it('answers HEAD from the plan, never rendering, with the headers GET gives', async () => {
    const { app, renders } = service();
    for (const path of [UNALIGNED, ALIGNED, 'full/max/0/default.png']) {
      const head = await app.request(url(path), { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      expect(renders.count, path).toBe(0);
      const get = await app.request(url(path));
      for (const name of ['content-type', 'etag', 'link', 'cache-control', 'access-control-allow-origin'])
        expect(head.headers.get(name), `${path} ${name}`).toBe(get.headers.get(name));
      // The length is known only where the bytes are stored.
      if (path === ALIGNED) expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
      else expect(head.headers.get('content-length')).toBeNull();
      renders.count = 0;
    }
  });

  it('serves the new scan tiles after a re-ingest with a new scan', async () => {
    const before = await bytes(await service().app.request(url(ALIGNED)));
    const negated = await sharp(await quadrantImagePng())
      .negate()
      .png()
      .toBuffer();
    await ingestScan(negated, fixedClock('2026-11-27T12:00:00.000Z'));
    const { app, renders } = service();
    const after = await bytes(await app.request(url(ALIGNED)));
    expect(after.equals(before)).toBe(false);
    expect(after.equals(await rendered(ALIGNED))).toBe(true);
    const { data } = await sharp(after).raw().toBuffer({ resolveWithObject: true });
    // The tile at 512,0 is in the red quadrant's right part and the green one's left: negated, neither is red.
    expect(data[0]).toBeLessThan(128);
    expect(renders.count).toBe(0);
  }, 60_000);
});

describe('an image without stored tiles', () => {
  it('is asked for once, then its declared tiles are rendered without a read per request', async () => {
    // A bucket holding none of the image's tiles, as for an image ingested before tiles were stored.
    const bucket = new MemoryBlobStore();
    let reads = 0;
    const counted = Object.assign(Object.create(bucket) as MemoryBlobStore, {
      get: (key: string) => {
        reads++;
        return bucket.get(key);
      },
    });
    const tiles = new StoredTiles(counted);
    for (const path of [ALIGNED, WHOLE, ALIGNED]) {
      const { image, plan } = await planOf(path);
      expect(await tiles.read('110020', image, plan)).toBeUndefined();
    }
    expect(reads).toBe(1);
  });
});
