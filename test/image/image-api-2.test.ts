/**
 * The Image API 2.1 syntax of the image service (docs/adr/0015-iiif-2-for-legacy-clients.md):
 * the 2.1 forms read into the same request the 3.0 planner plans (so the two syntaxes give the
 * same pixels), the 2.1 canonical form, upscaling without `^`, info.json in 2.1, and the
 * versions' headers kept apart. The standard's own validator runs in iiif-image-validator-2.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { canonicalRequest2 } from '../../functions/core/iiif/image-2/canonical-request.ts';
import { parseImageRequest2 } from '../../functions/core/iiif/image-2/parse-image-request.ts';
import { parseSize2 } from '../../functions/core/iiif/image-2/parse-size.ts';
import { planImageRequest } from '../../functions/core/iiif/image-3/plan-image-request.ts';
import { serviceUrls } from '../../functions/core/urls.ts';
import { ORIGIN_SECRET_HEADER } from '../../functions/http/edge-headers.ts';
import { TEST_BASE_URL } from '../support/fixtures.ts';
import { imageService, TEST_IMAGE_ID, TEST_LIMITS } from '../support/image-service-fixture.ts';
import { corners, HEIGHT, pixelsOf, WIDTH } from '../support/quadrant-image.ts';

const url2 = (params: string, id = TEST_IMAGE_ID) => `/iiif/image/2/${id}/${params}`;
const url3 = (params: string, id = TEST_IMAGE_ID) => `/iiif/image/3/${id}/${params}`;
const SERVICE_2 = serviceUrls(TEST_BASE_URL).imageService2(TEST_IMAGE_ID);
const IMAGE = { width: WIDTH, height: HEIGHT, levels: [{ width: WIDTH, height: HEIGHT }] };

function plan2(region: string, size: string, rotation = '0', file = 'default.jpg') {
  const request = parseImageRequest2({ region, size, rotation, file });
  if (!request.ok) throw new Error(request.message);
  return planImageRequest(request.value, IMAGE, TEST_LIMITS);
}

describe('2.1 sizes, read for the one planner', () => {
  it.each([
    ['full', 'full', { width: WIDTH, height: HEIGHT }],
    ['max', 'full', { width: WIDTH, height: HEIGHT }],
    ['600,', '600,', { width: 600, height: 400 }],
    [',400', '600,', { width: 600, height: 400 }],
    ['pct:50', '600,', { width: 600, height: 400 }],
    ['600,600', '600,600', { width: 600, height: 600 }],
    ['!600,600', '600,', { width: 600, height: 400 }],
    // 2.1 enlarges without `^` (sizeAboveFull), within the declared limits.
    ['2400,', '2400,', { width: 2400, height: 1600 }],
    ['pct:200', '2400,', { width: 2400, height: 1600 }],
    ['!2400,2400', '2400,', { width: 2400, height: 1600 }],
  ])('%s is %s, %j', (size, canonical, dimensions) => {
    const plan = plan2('full', size);
    expect(plan.ok && plan.value.size).toEqual(dimensions);
    expect(plan.ok && canonicalRequest2(plan.value)).toBe(`full/${canonical}/0/default.jpg`);
  });

  it.each(['^max', '^600,', 'max,', 'full,', '0,', 'pct:0', '!600,', 'pct:x', '', '600'])('%s is malformed (400), naming the 2.1 forms', (size) => {
    const outcome = parseSize2(size);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.status).toBe(400);
  });

  it('refuses a size beyond the limits with 400, as 3.0 does', () => {
    const plan = plan2('full', '3000,');
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.message).toMatch(/exceeds this service's limits/);
  });

  it('keeps regions, rotation (mirrored too), qualities and formats in the 3.0 syntax, which 2.1 shares', () => {
    const plan = plan2('pct:0,0,50,50', '300,', '!90', 'gray.png');
    expect(plan.ok && canonicalRequest2(plan.value)).toBe('0,0,600,400/300,/!90/gray.png');
    expect(parseImageRequest2({ region: 'full', size: 'full', rotation: '45', file: 'default.jpg' })).toMatchObject({ ok: false, status: 501 });
    expect(parseImageRequest2({ region: 'full', size: 'full', rotation: '0', file: 'native.jpg' })).toMatchObject({ ok: false, status: 400 });
    expect(parseImageRequest2({ region: 'full', size: 'full', rotation: '0', file: 'default.tif' })).toMatchObject({ ok: false, status: 501 });
  });
});

describe('the 2.1 routes of the image service', () => {
  it('give the same pixels as the 3.0 request they mean', async () => {
    const { app } = await imageService();
    const two = await app.request(url2('0,0,600,400/300,/!90/default.png'));
    const three = await app.request(url3('0,0,600,400/300,/!90/default.png'));
    expect(two.status).toBe(200);
    expect(corners(await pixelsOf(await two.arrayBuffer()))).toEqual(corners(await pixelsOf(await three.arrayBuffer())));
  });

  it('upscale without ^, which 3.0 refuses', async () => {
    const { app } = await imageService();
    expect((await app.request(url2('full/1800,/0/default.jpg'))).status).toBe(200);
    expect((await app.request(url3('full/1800,/0/default.jpg'))).status).toBe(400);
  });

  it('send the 2.1 canonical Link and profile, and an ETag of their own', async () => {
    const { app } = await imageService();
    const two = await app.request(url2('full/full/0/default.jpg'));
    const three = await app.request(url3('full/max/0/default.jpg'));
    expect(two.headers.get('Link')).toBe(`<${SERVICE_2}/full/full/0/default.jpg>;rel="canonical", <http://iiif.io/api/image/2/level2.json>;rel="profile"`);
    expect(two.headers.get('ETag')).not.toBe(three.headers.get('ETag'));
    const again = await app.request(url2('full/max/0/default.jpg'), { headers: { 'If-None-Match': two.headers.get('ETag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it('redirect the base URI to the 2.1 info.json', async () => {
    const { app } = await imageService();
    const res = await app.request(`/iiif/image/2/${TEST_IMAGE_ID}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`${SERVICE_2}/info.json`);
  });

  it.each([
    ['unknown image', url2('full/full/0/default.jpg', '110020-l99'), 404],
    ['bad identifier', url2('full/full/0/default.jpg', 'x'), 404],
    ['3.0-only size', url2('full/^max/0/default.jpg'), 400],
    ['bad region', url2('0,0,0,0/full/0/default.jpg'), 400],
    ['bad quality', url2('full/full/0/native.jpg'), 400],
  ])('answer a %s with a problem, never a 500', async (_, path, status) => {
    const { app } = await imageService();
    const res = await app.request(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  });
});

describe('2.1 image information (info.json)', () => {
  it('describes the same image as the 3.0 info.json, in 2.1 terms', async () => {
    const { app } = await imageService();
    const two = (await (await app.request(url2('info.json'))).json()) as { [key: string]: unknown };
    const three = (await (await app.request(url3('info.json'))).json()) as { [key: string]: unknown };
    expect(two).toMatchObject({
      '@context': 'http://iiif.io/api/image/2/context.json',
      '@id': SERVICE_2,
      protocol: 'http://iiif.io/api/image',
      width: three.width,
      height: three.height,
      sizes: three.sizes,
      tiles: three.tiles,
      license: three.rights,
    });
    expect(two.profile).toEqual([
      'http://iiif.io/api/image/2/level2.json',
      {
        formats: ['webp'],
        qualities: ['color', 'gray', 'bitonal'],
        supports: ['regionSquare', 'mirroring', 'sizeAboveFull', 'canonicalLinkHeader', 'profileLinkHeader'],
        maxWidth: TEST_LIMITS.maxWidth,
        maxHeight: TEST_LIMITS.maxHeight,
        maxArea: TEST_LIMITS.maxArea,
      },
    ]);
  });

  it.each([
    [undefined, 'application/json'],
    ['application/json', 'application/json'],
    ['*/*', 'application/json'],
    ['application/ld+json', 'application/ld+json;profile="http://iiif.io/api/image/2/context.json"'],
    ['application/ld+json, application/json;q=0.5', 'application/ld+json;profile="http://iiif.io/api/image/2/context.json"'],
  ])('is plain JSON unless JSON-LD is asked for (Image API 2.1 section 5): Accept %s gives %s', async (accept, contentType) => {
    const { app } = await imageService();
    const res = await app.request(url2('info.json'), accept ? { headers: { Accept: accept } } : {});
    expect(res.headers.get('Content-Type')).toBe(contentType);
    expect(res.headers.get('Vary')).toContain('Accept');
    const link = res.headers.get('Link') ?? '';
    expect(link).toContain('<http://iiif.io/api/image/2/level2.json>;rel="profile"');
    expect(link.includes('rel="http://www.w3.org/ns/json-ld#context"')).toBe(contentType === 'application/json');
  });
});

describe('the 2.1 routes behind the CDN', () => {
  const SECRET = 'origin-secret-for-tests-0123456789abcdef';

  it('are guarded by the origin secret, as the 3.0 routes are', async () => {
    const { app } = await imageService({ env: { ORIGIN_SECRET: SECRET } });
    expect((await app.request(url2('info.json'))).status).toBe(403);
    expect((await app.request(url2('info.json'), { headers: { [ORIGIN_SECRET_HEADER]: SECRET } })).status).toBe(200);
  });

  it('give ids on the forwarded host when it is trusted', async () => {
    const { app } = await imageService({ env: { TRUST_FORWARDED_HOST: 'true', OAI_REPOSITORY_IDENTIFIER: 'archive.example.org' } });
    const headers = { 'X-Forwarded-Host': 'd111111abcdef8.cloudfront.net' };
    const info = (await (await app.request(url2('info.json'), { headers })).json()) as { '@id': string };
    expect(info['@id']).toBe(`https://d111111abcdef8.cloudfront.net/iiif/image/2/${TEST_IMAGE_ID}`);
    expect((await app.request(`/iiif/image/2/${TEST_IMAGE_ID}`, { headers })).headers.get('Location')).toBe(`${info['@id']}/info.json`);
  });
});
