/**
 * The small vocabulary the route modules describe their operations in, next to their handlers:
 * OpenAPI path items, references to the shared components (`components.ts`), and the answers
 * every read shares. `build-openapi.ts` assembles the paths into the document.
 */

export type Schema = { [keyword: string]: unknown };
export type Reference = { $ref: string };
export type Parameter = { name: string; in: 'path' | 'query'; description: string; schema: Schema; required?: boolean; example?: string };
export type Response = { description: string; content?: { [mediaType: string]: { schema?: Schema | Reference } }; headers?: { [name: string]: Schema } };
export type Responses = { [status: string]: Response | Reference };

/** The document's tags, in its order; every operation has one. */
export const TAGS = ['records', 'citations', 'iiif', 'oai-pmh', 'discovery', 'service'] as const;
export type Tag = (typeof TAGS)[number];

export type Operation = {
  tags: Tag[];
  summary: string;
  description?: string;
  parameters?: (Parameter | Reference)[];
  requestBody?: { required: boolean; content: { [mediaType: string]: { schema: Schema } } };
  responses: Responses;
};
export type PathItem = { get?: Operation; post?: Operation };
/** Path items by OpenAPI path template (`/records/{id}`): what a route module exports as its `...Paths`. */
export type OpenApiPaths = { [path: string]: PathItem };

/** The example record and leaf image every operation's examples name: the seeded store holds them. */
export const EXAMPLE_RECORD = '110020';
export const EXAMPLE_IMAGE = '110020-l37';

export const ref = (kind: 'parameters' | 'responses' | 'schemas', name: string): Reference => ({ $ref: `#/components/${kind}/${name}` });

/** The record id in the path, `{id}`: a component, so its pattern and example are stated once. */
export const RECORD_ID = ref('parameters', 'RecordId');

export const pathParameter = (name: string, description: string, example: string, schema: Schema = { type: 'string' }): Parameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
  example,
});

export const queryParameter = (name: string, description: string, schema: Schema, extra: Partial<Parameter> = {}): Parameter => ({
  name,
  in: 'query',
  description,
  schema,
  ...extra,
});

/** The answers every read can give besides its own: 304 to a matching If-None-Match, problems, 503 when storage is unreachable. */
export const COMMON_RESPONSES: Responses = {
  '304': ref('responses', 'NotModified'),
  '400': ref('responses', 'BadRequest'),
  '404': ref('responses', 'NotFound'),
  '503': ref('responses', 'Unavailable'),
};
/** A read of one record's resource can also find the record withdrawn. */
export const RECORD_RESPONSES: Responses = { ...COMMON_RESPONSES, '410': ref('responses', 'Gone') };

export const ok = (description: string, mediaTypes: readonly string[], schema?: Schema | Reference): Response => ({
  description,
  content: Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, schema ? { schema } : {}])),
});

export function operation(
  tag: Tag,
  summary: string,
  responses: Responses,
  parameters: (Parameter | Reference)[] = [],
  extra: Pick<Operation, 'description' | 'requestBody'> = {},
): Operation {
  return { tags: [tag], summary, ...(parameters.length > 0 ? { parameters } : {}), responses, ...extra };
}
