/** The parts of the service's `/openapi.json` that the tests read, and its parameters with references resolved. */
export type Schema = { type?: string; enum?: string[]; pattern?: string; example?: string; properties?: { [name: string]: Schema } };
export type Parameter = { name: string; in: string; required?: boolean; example?: string; schema?: Schema };
export type Operation = {
  parameters?: (Parameter | { $ref: string })[];
  responses: { [status: string]: unknown };
  requestBody?: { content: { [type: string]: { schema?: Schema } } };
};
export type OpenApiDocument = {
  paths: { [path: string]: { [method: string]: Operation } };
  components: { parameters: { [name: string]: Parameter } };
};

export const parametersOf = (document: OpenApiDocument, operation: Operation): Parameter[] =>
  (operation.parameters ?? []).map((p) => ('$ref' in p ? (document.components.parameters[p.$ref.split('/').pop() ?? ''] as Parameter) : p));
