import { buildDctermsJsonLd } from '../../core/dc/build-dcterms-jsonld.ts';
import type { Rendering } from './rendering.ts';

/** DCMI Terms as JSON-LD. */
export const dctermsJsonLd: Rendering = {
  label: 'DCMI Terms (JSON-LD)',
  extension: 'jsonld',
  contentType: 'application/ld+json; charset=utf-8',
  mediaTypes: ['application/ld+json'],
  render: (record, { urls }) => JSON.stringify(buildDctermsJsonLd(record, urls), null, 2),
};
