/**
 * The operations of the IIIF Image API 3.0 and 2.1 services. Their routes are the image
 * function's (`functions/image/app.ts`, `image-api-2.ts`), which the API may not import, so they
 * are described here, from the core's image registries (formats, qualities, media types).
 */
import { IMAGE_2_CONTEXT } from '../../core/iiif/image-2/service-profile.ts';
import { OUTPUT_FORMATS } from '../../core/iiif/image-3/parse-format.ts';
import { QUALITIES } from '../../core/iiif/image-3/parse-quality.ts';
import { INFO_MEDIA_TYPE } from '../../core/iiif/image-3/service-profile.ts';
import { EXAMPLE_IMAGE, type OpenApiPaths, ok, operation, type Parameter, type PathItem, pathParameter, RECORD_RESPONSES, ref } from './operations.ts';

const image3 = pathParameter('image', 'A leaf image: the record id, `-l`, the leaf and `ob` for a reverse side', EXAMPLE_IMAGE);
const image2 = pathParameter('image', 'A leaf image, as in the Image API 3.0 service', EXAMPLE_IMAGE);

/** An image request of either Image API version: the same parameters, but for the size forms. */
const imageRequest = (summary: string, image: Parameter, sizeForms: string): PathItem => ({
  get: operation(
    'iiif',
    summary,
    {
      '200': ok('The image', Object.values(OUTPUT_FORMATS), { type: 'string', contentMediaType: 'image/*' }),
      '501': ref('responses', 'NotImplemented'),
      ...RECORD_RESPONSES,
    },
    [
      image,
      pathParameter('region', '`full`, `square`, `x,y,w,h` or `pct:x,y,w,h`', 'full'),
      pathParameter('size', sizeForms, '512,'),
      pathParameter('rotation', 'Degrees, multiples of 90, `!` for a mirror first', '0'),
      pathParameter('quality', 'Quality', 'default', { type: 'string', enum: [...QUALITIES] }),
      pathParameter('format', 'Format', 'jpg', { type: 'string', enum: Object.keys(OUTPUT_FORMATS) }),
    ],
  ),
});

export const imagePaths: OpenApiPaths = {
  '/iiif/image/3/{image}': {
    get: operation('iiif', 'The image service: redirects to its info.json', { '303': { description: 'See info.json' }, '404': ref('responses', 'NotFound') }, [
      image3,
    ]),
  },
  '/iiif/image/3/{image}/info.json': {
    get: operation(
      'iiif',
      'IIIF Image API 3.0 image information (compliance level 2)',
      { '200': ok('Image information', [INFO_MEDIA_TYPE, 'application/json']), ...RECORD_RESPONSES },
      [image3],
    ),
  },
  '/iiif/image/3/{image}/{region}/{size}/{rotation}/{quality}.{format}': imageRequest(
    'An image request (IIIF Image API 3.0)',
    image3,
    '`max`, `^max`, `w,`, `,h`, `pct:n`, `w,h`, `!w,h` and their `^` forms',
  ),
  '/iiif/image/2/{image}': {
    get: operation(
      'iiif',
      'The Image API 2.1 service of the same image, for legacy clients: redirects to its info.json',
      { '303': { description: 'See info.json' }, '404': ref('responses', 'NotFound') },
      [image2],
    ),
  },
  '/iiif/image/2/{image}/info.json': {
    get: operation(
      'iiif',
      'IIIF Image API 2.1 image information (compliance level 2): plain JSON unless Accept asks for application/ld+json',
      { '200': ok('Image information', ['application/json', `application/ld+json;profile="${IMAGE_2_CONTEXT}"`]), ...RECORD_RESPONSES },
      [image2],
    ),
  },
  '/iiif/image/2/{image}/{region}/{size}/{rotation}/{quality}.{format}': imageRequest(
    'An image request in the IIIF Image API 2.1 syntax, planned and rendered as the 3.0 one',
    image2,
    '`full`, `max`, `w,`, `,h`, `pct:n`, `w,h`, `!w,h`; all but `full` and `max` may enlarge, within the limits',
  ),
};
