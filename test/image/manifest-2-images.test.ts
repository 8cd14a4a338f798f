/**
 * The 2.1 manifest and the 2.1 image service agree: every image a 2.1 manifest of 110020 names
 * (painted bodies, the thumbnail, and what manifesto.js, Universal Viewer's reader, builds from
 * the services) is served by the Image API 2.1 routes at the size the manifest declares, and each
 * service's info.json has the id the manifest gives it. Leaf 37 is a real scan, 38-40 placeholders.
 */
import * as manifesto from 'manifesto.js';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.ts';
import { fixedClock, TEST_BASE_URL, testConfig } from '../support/fixtures.ts';
import { imageService } from '../support/image-service-fixture.ts';

type Resource = { '@id': string; width: number; height: number; service: { '@id': string; profile: string } };
type Manifest2 = { thumbnail: Resource; sequences: { canvases: { '@id': string; images: { resource: Resource }[] }[] }[] };

let images: Awaited<ReturnType<typeof imageService>>['app'];
let manifest: Manifest2;

const path = (url: string) => {
  expect(url.startsWith(`${TEST_BASE_URL}/iiif/image/2/`), url).toBe(true);
  return url.slice(TEST_BASE_URL.length);
};

async function servedSize(url: string) {
  const res = await images.request(path(url));
  expect(res.status, url).toBe(200);
  const { width, height } = await sharp(new Uint8Array(await res.arrayBuffer())).metadata();
  return { width, height };
}

beforeAll(async () => {
  const service = await imageService();
  images = service.app;
  const api = createApp({ config: testConfig(), records: service.records, clock: fixedClock() });
  manifest = (await (await api.request('/iiif/2/110020/manifest')).json()) as Manifest2;
});

describe('the images of the 2.1 manifest of 110020', () => {
  const painted = () => manifest.sequences.flatMap((sequence) => sequence.canvases.flatMap((canvas) => canvas.images.map((image) => image.resource)));

  it('are served by the 2.1 image service at the size each declares', async () => {
    expect(painted()).toHaveLength(4);
    for (const resource of [...painted(), manifest.thumbnail]) {
      expect(await servedSize(resource['@id'])).toEqual({ width: resource.width, height: resource.height });
    }
  });

  it('name services whose 2.1 info.json has that id and the level 2 profile', async () => {
    for (const { service } of painted()) {
      const info = (await (await images.request(`${path(service['@id'])}/info.json`)).json()) as { '@id': string; profile: [string] };
      expect(info['@id']).toBe(service['@id']);
      expect(info.profile[0]).toBe(service.profile);
    }
  });

  it('give manifesto.js image URLs that the 2.1 service answers at the width asked for', async () => {
    const canvases = (manifesto.parseManifest(manifest) as manifesto.Manifest).getSequences()[0]?.getCanvases() ?? [];
    expect(canvases).toHaveLength(4);
    for (const canvas of canvases) expect((await servedSize(canvas.getCanonicalImageUri(300))).width).toBe(300);
  });
});
