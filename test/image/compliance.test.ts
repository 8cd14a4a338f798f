/**
 * Image API 3.0 compliance (level 2, plus mirroring, upscaling and the Link headers) over the
 * quadrant test image, checked pixel by pixel: every region, size, rotation, mirroring,
 * quality and format form, info.json, the base URI redirect, errors, CORS and Link headers.
 */
import { createRequire } from 'node:module';
import { getImageServiceLevel, isImageService, parseImageServiceRequest } from '@iiif/parser/image-3';
import { describe, expect, it, vi } from 'vitest';
import { serviceUrls } from '../../functions/core/urls.ts';
import { TEST_BASE_URL } from '../support/fixtures.ts';
import { imageService, imageUrl, TEST_IMAGE_ID } from '../support/image-service-fixture.ts';
import { type Colour, corners, HEIGHT, pixelsOf, WIDTH } from '../support/quadrant-image.ts';

/** RFC 8288 Link headers, read by an independent parser (http-link-header ships no types). */
const LinkHeader = createRequire(import.meta.url)('http-link-header') as {
  parse(value: string): { get(attribute: string, value: string): { uri: string }[] };
};

const SERVICE_ID = serviceUrls(TEST_BASE_URL).imageService(TEST_IMAGE_ID);
const UNCHANGED: Colour[] = ['magenta', 'green', 'blue', 'yellow'];

async function fetchImage(params: string) {
  const { app } = await imageService();
  const res = await app.request(imageUrl(params));
  if (res.status !== 200) throw new Error(`${params}: ${res.status} ${await res.text()}`);
  return { res, pixels: await pixelsOf(await res.arrayBuffer()) };
}

describe('image information (info.json)', () => {
  it('is JSON-LD with the Image API 3 context as profile parameter', async () => {
    const { app } = await imageService();
    const res = await app.request(imageUrl('info.json'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json;profile="http://iiif.io/api/image/3/context.json"');
  });

  it('is plain JSON for a client that asks for application/json only', async () => {
    const { app } = await imageService();
    const res = await app.request(imageUrl('info.json'), { headers: { Accept: 'application/json' } });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('vary')).toContain('Accept');
  });

  it('describes the image, its limits, pyramid sizes, tiles and version 3 extras', async () => {
    const { app } = await imageService();
    const info = await (await app.request(imageUrl('info.json'))).json();
    expect(info).toEqual({
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: SERVICE_ID,
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level2',
      width: WIDTH,
      height: HEIGHT,
      maxWidth: 2400,
      maxHeight: 2400,
      maxArea: 4_000_000,
      sizes: [
        { width: 300, height: 200 },
        { width: 600, height: 400 },
        { width: 1200, height: 800 },
      ],
      tiles: [{ width: 512, height: 512, scaleFactors: [1, 2, 4] }],
      rights: 'http://rightsstatements.org/vocab/InC-EDU/1.0/',
      extraQualities: ['color', 'gray', 'bitonal'],
      extraFormats: ['webp'],
      extraFeatures: ['mirroring', 'sizeUpscaling', 'canonicalLinkHeader', 'profileLinkHeader'],
      partOf: [{ id: `${TEST_BASE_URL}/iiif/3/110020/manifest`, type: 'Manifest', label: { none: [expect.any(String)] } }],
    });
  });

  it('names only features that the Image API 3.0 feature table defines', async () => {
    const { app } = await imageService();
    const info = (await (await app.request(imageUrl('info.json'))).json()) as { extraFeatures: string[] };
    // Section 5.7 of the specification; version 2 names (sizeByWhListed, sizeByForcedWh, sizeAboveFull...) are not among them.
    const version3Features = [
      'baseUriRedirect',
      'canonicalLinkHeader',
      'cors',
      'jsonldMediaType',
      'mirroring',
      'profileLinkHeader',
      'regionByPct',
      'regionByPx',
      'regionSquare',
      'rotationArbitrary',
      'rotationBy90s',
      'sizeByConfinedWh',
      'sizeByH',
      'sizeByPct',
      'sizeByW',
      'sizeByWh',
      'sizeUpscaling',
    ];
    expect(info.extraFeatures.filter((feature) => !version3Features.includes(feature))).toEqual([]);
  });

  it('reads back as a level 2 image service with an independent IIIF parser', async () => {
    const { app } = await imageService();
    const info = await (await app.request(imageUrl('info.json'))).json();
    expect(isImageService(info)).toBe(true);
    expect(getImageServiceLevel(info as Parameters<typeof getImageServiceLevel>[0])).toBe(2);
  });

  it('is answered from the record without reading or decoding the image', async () => {
    const { app, blobs } = await imageService();
    await app.request(imageUrl('info.json'));
    expect(blobs.reads).toBe(0);
  });

  it('carries the compliance level in a profile Link header', async () => {
    const { app } = await imageService();
    const res = await app.request(imageUrl('info.json'));
    expect(LinkHeader.parse(res.headers.get('link') ?? '').get('rel', 'profile')[0]?.uri).toBe('http://iiif.io/api/image/3/level2.json');
  });

  it.each(['GET', 'HEAD'])('is where the base URI redirects a %s with 303, open to every origin', async (method) => {
    const { app } = await imageService();
    const res = await app.request(`/iiif/image/3/${TEST_IMAGE_ID}`, { method });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${SERVICE_ID}/info.json`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('lists only sizes within the declared limits, and max respects them', async () => {
    const { app } = await imageService({ limits: { maxWidth: 1000, maxHeight: 1000, maxArea: 1_000_000 } });
    const info = (await (await app.request(imageUrl('info.json'))).json()) as { sizes: unknown[] };
    expect(info.sizes).toEqual([
      { width: 300, height: 200 },
      { width: 600, height: 400 },
    ]);
    const pixels = await pixelsOf(await (await app.request(imageUrl('full/max/0/default.png'))).arrayBuffer());
    expect([pixels.width, pixels.height]).toEqual([1000, 666]);
  });
});

describe('regions', () => {
  it.each([
    ['full', 1200, 800, UNCHANGED],
    ['square', 800, 800, ['red', 'green', 'blue', 'yellow']],
    ['600,0,600,400', 600, 400, ['green', 'green', 'green', 'green']],
    ['0,0,100,100', 100, 100, ['magenta', 'magenta', 'magenta', 'magenta']],
    ['550,350,100,100', 100, 100, ['red', 'green', 'blue', 'yellow']],
    ['1100,700,200,200', 100, 100, ['yellow', 'yellow', 'yellow', 'yellow']],
    ['pct:50,50,50,50', 600, 400, ['yellow', 'yellow', 'yellow', 'yellow']],
    ['pct:0,0,5,5', 60, 40, ['magenta', 'magenta', 'magenta', 'magenta']],
    ['pct:25,25,50,50', 600, 400, ['red', 'green', 'blue', 'yellow']],
    ['pct:41.6,7.5,66.6,100', 701, 740, ['red', 'green', 'blue', 'yellow']],
  ] as const)('%s gives %ix%i with the right pixels', async (region, width, height, expected) => {
    const { pixels } = await fetchImage(`${region}/max/0/default.png`);
    expect([pixels.width, pixels.height]).toEqual([width, height]);
    expect(corners(pixels)).toEqual(expected);
  });
});

describe('sizes', () => {
  it.each([
    ['max', 1200, 800],
    ['^max', 2400, 1600],
    ['600,', 600, 400],
    [',200', 300, 200],
    ['pct:25', 300, 200],
    ['1200,800', 1200, 800],
    ['300,300', 300, 300],
    ['!300,300', 300, 200],
    ['!2000,2000', 1200, 800],
    ['^1800,', 1800, 1200],
    ['%5E1800,', 1800, 1200],
    ['^,1200', 1800, 1200],
    ['^pct:150', 1800, 1200],
    ['^2400,1000', 2400, 1000],
    ['^!2000,2000', 2000, 1333],
  ])('%s gives %ix%i with the right pixels', async (size, width, height) => {
    const { pixels } = await fetchImage(`full/${size}/0/default.png`);
    expect([pixels.width, pixels.height]).toEqual([width, height]);
    expect(corners(pixels)).toEqual(UNCHANGED);
  });

  it('scales the region, not the full image', async () => {
    const { pixels } = await fetchImage('600,400,600,400/300,/0/default.png');
    expect([pixels.width, pixels.height]).toEqual([300, 200]);
    expect(corners(pixels)).toEqual(['yellow', 'yellow', 'yellow', 'yellow']);
  });
});

describe('rotation and mirroring', () => {
  it.each([
    ['0', 300, 200, UNCHANGED],
    ['360', 300, 200, UNCHANGED],
    ['90', 200, 300, ['blue', 'magenta', 'yellow', 'green']],
    ['180', 300, 200, ['yellow', 'blue', 'green', 'magenta']],
    ['270', 200, 300, ['green', 'yellow', 'magenta', 'blue']],
    ['!0', 300, 200, ['green', 'magenta', 'yellow', 'blue']],
    ['!90', 200, 300, ['yellow', 'green', 'blue', 'magenta']],
    ['!180', 300, 200, ['blue', 'yellow', 'magenta', 'green']],
    ['!270', 200, 300, ['magenta', 'blue', 'green', 'yellow']],
  ] as const)('%s gives %ix%i with the corners in the right places', async (rotation, width, height, expected) => {
    const { pixels } = await fetchImage(`full/300,/${rotation}/default.png`);
    expect([pixels.width, pixels.height]).toEqual([width, height]);
    expect(corners(pixels)).toEqual(expected);
  });
});

describe('qualities', () => {
  it.each(['default', 'color'])('%s keeps the colours', async (quality) => {
    const { pixels } = await fetchImage(`full/300,/0/${quality}.png`);
    expect(corners(pixels)).toEqual(UNCHANGED);
  });

  it('gray has no colour and keeps the quadrants apart by brightness', async () => {
    const { pixels } = await fetchImage('full/300,/0/gray.png');
    const samples = [
      [150, 50],
      [250, 50],
      [50, 150],
      [250, 150],
    ].map(([x = 0, y = 0]) => pixels.rgb(x, y));
    for (const [r, g, b] of samples) expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThanOrEqual(2);
    const [red, green, blue, yellow] = samples.map(([r]) => r);
    expect(yellow).toBeGreaterThan(green ?? 0);
    expect(green).toBeGreaterThan(red ?? 0);
    expect(red).toBeGreaterThan(blue ?? 0);
  });

  it('bitonal has only black and white pixels', async () => {
    const { pixels } = await fetchImage('full/300,/0/bitonal.png');
    const values = new Set<number>();
    for (let y = 0; y < pixels.height; y++) for (let x = 0; x < pixels.width; x++) for (const v of pixels.rgb(x, y)) values.add(v);
    expect([...values].sort((a, b) => a - b)).toEqual([0, 255]);
    expect(pixels.rgb(250, 150)).toEqual([255, 255, 255]);
    expect(pixels.rgb(50, 150)).toEqual([0, 0, 0]);
  });
});

describe('formats', () => {
  it.each([
    ['jpg', 'image/jpeg', [0xff, 0xd8, 0xff]],
    ['png', 'image/png', [0x89, 0x50, 0x4e, 0x47]],
    ['webp', 'image/webp', [0x52, 0x49, 0x46, 0x46]],
  ])('%s is served as %s with the right pixels', async (format, contentType, magic) => {
    const { app } = await imageService();
    const res = await app.request(imageUrl(`full/300,/0/default.${format}`));
    expect(res.headers.get('content-type')).toBe(contentType);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, magic.length)]).toEqual(magic);
    expect(corners(await pixelsOf(bytes))).toEqual(UNCHANGED);
  });
});

describe('tiles as a viewer requests them', () => {
  it.each([
    ['0,0,512,512/512,', 512, 512, ['magenta', 'red', 'blue', 'blue']],
    ['1024,512,176,288/176,', 176, 288, ['yellow', 'yellow', 'yellow', 'yellow']],
    ['0,0,1024,800/512,', 512, 400, ['magenta', 'green', 'blue', 'yellow']],
    ['0,0,1200,800/300,', 300, 200, UNCHANGED],
  ] as const)('%s gives %ix%i', async (tile, width, height, expected) => {
    const { pixels } = await fetchImage(`${tile}/0/default.jpg`);
    expect([pixels.width, pixels.height]).toEqual([width, height]);
    expect(corners(pixels)).toEqual(expected);
  });

  it('serves every size info.json lists', async () => {
    const { app } = await imageService();
    const info = (await (await app.request(imageUrl('info.json'))).json()) as { sizes: { width: number; height: number }[] };
    for (const { width, height } of info.sizes) {
      const pixels = await pixelsOf(await (await app.request(imageUrl(`full/${width},${height}/0/default.jpg`))).arrayBuffer());
      expect([pixels.width, pixels.height]).toEqual([width, height]);
    }
  });
});

describe('errors', () => {
  it.each([
    ['0,0,0,10/max/0/default.jpg', 400, 'zero-width region'],
    ['0,0,10,0/max/0/default.jpg', 400, 'zero-height region'],
    ['1200,0,10,10/max/0/default.jpg', 400, 'region beyond the right edge'],
    ['0,800,10,10/max/0/default.jpg', 400, 'region below the image'],
    ['pct:100,0,10,10/max/0/default.jpg', 400, 'percent region beyond the image'],
    ['pct:0,0,0,10/max/0/default.jpg', 400, 'zero percent region'],
    ['10,10,10/max/0/default.jpg', 400, 'three-part region'],
    ['-1,0,10,10/max/0/default.jpg', 400, 'negative region'],
    ['1.5,0,10,10/max/0/default.jpg', 400, 'fractional pixel region'],
    ['everything/max/0/default.jpg', 400, 'unknown region keyword'],
    ['full/1201,/0/default.jpg', 400, 'width above the region without ^'],
    ['full/,801/0/default.jpg', 400, 'height above the region without ^'],
    ['full/1300,800/0/default.jpg', 400, 'w,h above the region without ^'],
    ['full/pct:101/0/default.jpg', 400, 'percent above 100 without ^'],
    ['full/^2401,/0/default.jpg', 400, '^ beyond maxWidth'],
    ['full/^2100,2000/0/default.jpg', 400, '^ beyond maxArea'],
    ['full/^pct:300/0/default.jpg', 400, '^pct beyond the limits'],
    ['full/0,/0/default.jpg', 400, 'zero width'],
    ['full/pct:0/0/default.jpg', 400, 'zero percent'],
    ['full/full/0/default.jpg', 400, 'the version 2 size "full"'],
    ['full/,/0/default.jpg', 400, 'empty size'],
    ['full/!300,/0/default.jpg', 400, 'confined size without a height'],
    ['full/max/361/default.jpg', 400, 'rotation above 360'],
    ['full/max/-90/default.jpg', 400, 'negative rotation'],
    ['full/max/right/default.jpg', 400, 'rotation that is not a number'],
    ['full/max/22.5/default.jpg', 501, 'arbitrary rotation'],
    ['full/max/!45/default.png', 501, 'mirrored arbitrary rotation'],
    ['full/max/0/sepia.jpg', 400, 'unknown quality'],
    ['full/max/0/Default.jpg', 400, 'quality in the wrong case'],
    ['full/max/0/default.xyz', 400, 'unknown format'],
    ['full/max/0/default.jpeg', 400, 'a media type name that is not a format'],
    ['full/max/0/default', 400, 'no format'],
    ['full/max/0/default.tif', 501, 'tif'],
    ['full/max/0/default.gif', 501, 'gif'],
    ['full/max/0/default.jp2', 501, 'jp2'],
    ['full/max/0/default.pdf', 501, 'pdf'],
  ])('%s is %i (%s)', async (params, status) => {
    const { app } = await imageService();
    const res = await app.request(imageUrl(params));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail.length).toBeGreaterThan(0);
  });

  it.each([
    ['110020-l99', 'a leaf the record does not have'],
    ['110020-l37ob', 'a reverse side the record does not have'],
    ['110020-l0', 'a document image, which only a record whose Source cites no leaf has'],
    ['424242-l1', 'an unknown record'],
  ])('%s is 404 (%s)', async (id) => {
    const { app } = await imageService();
    expect((await app.request(imageUrl('full/max/0/default.jpg', id))).status).toBe(404);
    expect((await app.request(imageUrl('info.json', id))).status).toBe(404);
  });

  it.each(['110020', 'bogus', '110020-37', 'a%2F..%2Fb-l1', '110020-l0ob'])('%s is refused with 404 before any storage read', async (id) => {
    const { app, records, blobs } = await imageService();
    const get = vi.spyOn(records, 'get');
    expect((await app.request(imageUrl('full/max/0/default.jpg', id))).status).toBe(404);
    expect((await app.request(imageUrl('info.json', id))).status).toBe(404);
    expect((await app.request(`/iiif/image/3/${id}`)).status).toBe(404);
    expect(get).not.toHaveBeenCalled();
    expect(blobs.reads).toBe(0);
    get.mockRestore();
  });

  it('refuses a size beyond the limits without reading the pyramid', async () => {
    const { app, blobs } = await imageService();
    expect((await app.request(imageUrl('full/^3000,/0/default.jpg'))).status).toBe(400);
    expect(blobs.reads).toBe(0);
  });
});

describe('HTTP', () => {
  it.each([
    ['an image', imageUrl('full/max/0/default.jpg')],
    ['info.json', imageUrl('info.json')],
    ['the base URI', `/iiif/image/3/${TEST_IMAGE_ID}`],
    ['an error', imageUrl('full/max/0/sepia.jpg')],
    ['an unknown image', imageUrl('info.json', '110020-l99')],
  ])('opens CORS on %s', async (_what, path) => {
    const { app } = await imageService();
    const res = await app.request(path, { headers: { Origin: 'https://viewer.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers a CORS preflight', async () => {
    const { app } = await imageService();
    const res = await app.request(imageUrl('info.json'), {
      method: 'OPTIONS',
      headers: { Origin: 'https://viewer.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it.each([
    ['pct:50,0,50,50/600,/0/color.png', '600,0,600,400/max/0/color.png'],
    ['0,0,1200,800/1200,800/360/default.jpg', 'full/max/0/default.jpg'],
    ['square/!300,300/!90/gray.webp', '200,0,800,800/300,300/!90/gray.webp'],
    ['full/^1800,/0/default.jpg', 'full/^1800,1200/0/default.jpg'],
    ['full/^max/0/default.jpg', 'full/^max/0/default.jpg'],
    ['full/pct:50/180/bitonal.png', 'full/600,400/180/bitonal.png'],
  ])('links %s to its canonical form %s', async (params, canonical) => {
    const { app } = await imageService();
    const links = LinkHeader.parse((await app.request(imageUrl(params))).headers.get('link') ?? '');
    const uri = links.get('rel', 'canonical')[0]?.uri ?? '';
    expect(uri).toBe(`${SERVICE_ID}/${canonical}`);
    expect(parseImageServiceRequest(uri, 'iiif/image/3')).toMatchObject({ type: 'image', identifier: TEST_IMAGE_ID });
    expect(links.get('rel', 'profile')[0]?.uri).toBe('http://iiif.io/api/image/3/level2.json');
  });

  it('gives equivalent requests the same ETag as their canonical form', async () => {
    const { app } = await imageService();
    const first = await app.request(imageUrl('pct:50,0,50,50/600,/0/default.jpg'));
    const canonical = await app.request(imageUrl('600,0,600,400/max/0/default.jpg'));
    expect(first.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('etag')).toBe(canonical.headers.get('etag'));
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d{5,}/);
  });

  it('answers a matching If-None-Match with 304, without reading the pyramid', async () => {
    const { app, blobs } = await imageService();
    const etag = (await app.request(imageUrl('full/300,/0/default.jpg'))).headers.get('etag') ?? '';
    blobs.reads = 0;
    const res = await app.request(imageUrl('full/300,/0/default.jpg'), { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(304);
    expect(blobs.reads).toBe(0);
  });

  it('reads a pyramid from storage once and then from memory', async () => {
    const { app, blobs } = await imageService();
    // Off the tile grid: declared tiles are stored bytes, not pyramid reads.
    await Promise.all(['1,0,512,512/512,', '513,0,512,512/512,', 'full/299,'].map((p) => app.request(imageUrl(`${p}/0/default.jpg`))));
    await app.request(imageUrl('full/600,/0/default.jpg'));
    expect(blobs.reads).toBe(1);
  });

  it('answers HEAD on an image with its headers and no body', async () => {
    const { app } = await imageService();
    const res = await app.request(imageUrl('full/300,/0/default.jpg'), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(await res.text()).toBe('');
  });

  it('names the service after the host the CDN forwarded, when that host is trusted', async () => {
    const { app } = await imageService({ env: { TRUST_FORWARDED_HOST: 'true', OAI_REPOSITORY_IDENTIFIER: 'archive.example.org' } });
    const headers = { 'X-Forwarded-Host': 'd111111abcdef8.cloudfront.net' };
    const info = (await (await app.request(imageUrl('info.json'), { headers })).json()) as { id: string };
    expect(info.id).toBe(`https://d111111abcdef8.cloudfront.net/iiif/image/3/${TEST_IMAGE_ID}`);
    const image = await app.request(imageUrl('full/300,/0/default.jpg'), { headers });
    expect(image.headers.get('link')).toContain(`<https://d111111abcdef8.cloudfront.net/iiif/image/3/${TEST_IMAGE_ID}/full/300,200/0/default.jpg>`);
  });

  it('answers only requests that carry the origin secret, when one is configured', async () => {
    const secret = 'origin-secret-of-at-least-32-characters';
    const { app } = await imageService({ env: { ORIGIN_SECRET: secret } });
    expect((await app.request(imageUrl('info.json'))).status).toBe(403);
    expect((await app.request(imageUrl('info.json'), { headers: { 'X-Origin-Secret': secret } })).status).toBe(200);
  });

  it('serves a placeholder for a leaf without a scan', async () => {
    const { app } = await imageService();
    const info = (await (await app.request(imageUrl('info.json', '110020-l38'))).json()) as { width: number; height: number };
    expect([info.width, info.height]).toEqual([1000, 1400]);
    const res = await app.request(imageUrl('full/250,/0/default.jpg', '110020-l38'));
    expect(res.status).toBe(200);
  });
});
