/** The image service when its render queue is full: 503 with Retry-After, and everything else still answers. */
import { describe, expect, it } from 'vitest';
import { createImageApp } from '../../functions/image/app.ts';
import { RenderLanes } from '../../functions/image/render-queue.ts';
import { SharpLeafImageDeriver } from '../../functions/imaging/leaf-image-deriver.ts';
import { seededStores, testConfig } from '../support/fixtures.ts';

const TILE = '/iiif/image/3/110020-l37/0,0,256,256/256,/0/default.jpg';

describe('a full render queue', () => {
  it('answers 503 with Retry-After as problem JSON, serves info.json meanwhile, and renders again once there is room', async () => {
    const { records, blobs } = await seededStores({ images: new SharpLeafImageDeriver() });
    // No render may wait: one held in each lane fills the service.
    const renders = new RenderLanes({ largeConcurrency: 1, largeWaiting: 0, smallConcurrency: 1, smallWaiting: 0 });
    const app = createImageApp({ config: testConfig(), records, blobs, renders });

    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const small = renders.small.run(() => held);
    const large = renders.large.run(() => held);

    const busy = await app.request(TILE);
    expect(busy.status).toBe(503);
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(busy.headers.get('content-type')).toContain('application/problem+json');
    expect(await busy.json()).toMatchObject({ status: 503, title: 'Service Unavailable' });
    // No image work: answered while every render slot is taken.
    expect((await app.request('/iiif/image/3/110020-l37/info.json')).status).toBe(200);

    release();
    await Promise.all([small, large]);
    const rendered = await app.request(TILE);
    expect(rendered.status).toBe(200);
    expect(rendered.headers.get('content-type')).toBe('image/jpeg');
  });
});
