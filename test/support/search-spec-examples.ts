/**
 * The IIIF Content Search specifications' own example responses (1.0 sections 3.3-3.5 and 4.3;
 * 2.0 sections 4.2-4.3 and 5.3), written out as JSON, and a check that a response has their
 * structure: every member an example has, with the same JSON type, and the same value where the
 * specification fixes it (`@context`, `@type`/`type`, the Content Search motivations); and no member that no
 * example of that resource has.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const SEARCH_1_HITS_EXAMPLE: Json = {
  '@context': ['http://iiif.io/api/presentation/2/context.json', 'http://iiif.io/api/search/1/context.json'],
  '@id': 'http://example.org/service/manifest/search?q=bird&page=1',
  '@type': 'sc:AnnotationList',
  within: {
    '@type': 'sc:Layer',
    total: 125,
    first: 'http://example.org/service/manifest/search?q=bird&page=0',
    last: 'http://example.org/service/manifest/search?q=bird&page=12',
    ignored: ['user'],
  },
  next: 'http://example.org/service/identifier/search?q=bird&page=2',
  prev: 'http://example.org/service/identifier/search?q=bird&page=0',
  startIndex: 0,
  resources: [
    {
      '@id': 'http://example.org/identifier/annotation/anno-bird',
      '@type': 'oa:Annotation',
      motivation: 'sc:painting',
      resource: { '@type': 'cnt:ContentAsText', chars: 'birds' },
      on: 'http://example.org/identifier/canvas1#xywh=200,100,40,20',
    },
  ],
  hits: [
    {
      '@type': 'search:Hit',
      annotations: ['http://example.org/identifier/annotation/anno-bird'],
      match: 'birds',
      before: 'There are two ',
      after: ' in the bush',
    },
  ],
};

export const AUTOCOMPLETE_1_EXAMPLE: Json = {
  '@context': 'http://iiif.io/api/search/1/context.json',
  '@id': 'http://example.org/service/identifier/autocomplete?q=bir&motivation=painting',
  '@type': 'search:TermList',
  ignored: ['user'],
  terms: [{ match: 'bird', url: 'http://example.org/service/identifier/search?motivation=painting&q=bird', count: 15 }],
};

export const SEARCH_2_EXAMPLE: Json = {
  '@context': 'http://iiif.io/api/search/2/context.json',
  id: 'https://example.org/service/manifest/search?q=bird&page=1',
  type: 'AnnotationPage',
  partOf: {
    id: 'https://example.org/service/manifest/search?q=bird',
    type: 'AnnotationCollection',
    total: 125,
    first: { id: 'https://example.org/service/identifier/search?q=bird&page=1', type: 'AnnotationPage' },
    last: { id: 'https://example.org/service/identifier/search?q=bird&page=13', type: 'AnnotationPage' },
  },
  next: { id: 'https://example.org/service/identifier/search?q=bird&page=2', type: 'AnnotationPage' },
  prev: { id: 'https://example.org/service/identifier/search?q=bird&page=0', type: 'AnnotationPage' },
  startIndex: 0,
  ignored: ['user'],
  items: [
    {
      id: 'https://example.org/identifier/annotation/anno-bird',
      type: 'Annotation',
      motivation: 'painting',
      body: { type: 'TextualBody', value: 'birds', format: 'text/plain', language: 'en' },
      target: 'https://example.org/identifier/canvas1#xywh=200,100,40,20',
    },
  ],
  annotations: [
    {
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://example.org/identifier/annotation/match-1',
          type: 'Annotation',
          motivation: 'contextualizing',
          target: {
            type: 'SpecificResource',
            source: 'https://example.org/identifier/annotation/anno-bird',
            selector: [{ type: 'TextQuoteSelector', prefix: 'There are two ', exact: 'birds', suffix: ' in the bush' }],
          },
        },
      ],
    },
  ],
};

export const AUTOCOMPLETE_2_EXAMPLE: Json = {
  '@context': 'http://iiif.io/api/search/2/context.json',
  id: 'https://example.org/service/identifier/autocomplete?q=bir',
  type: 'TermPage',
  ignored: ['user'],
  items: [{ type: 'Term', value: 'bird', total: 15 }],
};

/** The members the specification fixes by value. */
const FIXED = new Set(['@context', '@type', 'type']);
/**
 * The motivations the Content Search specifications define, fixed where an example has one; any
 * other motivation in an example is that annotation's own (the examples' OCR text is painted on
 * the canvas, a translation supplements it), and a response need only have one.
 */
const SEARCH_MOTIVATIONS = new Set(['contextualizing', 'highlighting']);
const fixedValue = (key: string, value: Json) => FIXED.has(key) || (key === 'motivation' && typeof value === 'string' && SEARCH_MOTIVATIONS.has(value));
/** Members an example has that a response has only in some cases (another page, ignored parameters, a before or after). */
const OPTIONAL = new Set(['next', 'prev', 'first', 'last', 'ignored', 'before', 'after', 'prefix', 'suffix', 'language']);

const kind = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** How `actual` departs from the example's structure, as paths and what is wrong there. */
export function structureProblems(example: Json, actual: unknown, path = '$'): string[] {
  if (kind(example) !== kind(actual)) return [`${path}: ${kind(actual)}, the specification has ${kind(example)}`];
  if (Array.isArray(example)) {
    const [sample] = example;
    if (sample === undefined) return [];
    return (actual as unknown[]).flatMap((item, index) => structureProblems(sample, item, `${path}[${index}]`));
  }
  if (kind(example) !== 'object') return [];
  const expected = example as { [key: string]: Json };
  const got = actual as { [key: string]: unknown };
  const problems: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    if (!(key in got)) {
      if (!OPTIONAL.has(key)) problems.push(`${path}.${key}: missing`);
      continue;
    }
    if (fixedValue(key, value) && JSON.stringify(value) !== JSON.stringify(got[key]))
      problems.push(`${path}.${key}: ${JSON.stringify(got[key])}, the specification has ${JSON.stringify(value)}`);
    else problems.push(...structureProblems(value, got[key], `${path}.${key}`));
  }
  for (const key of Object.keys(got)) if (!(key in expected)) problems.push(`${path}.${key}: not in the specification's example`);
  return problems;
}
