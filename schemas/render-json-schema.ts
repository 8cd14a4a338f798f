import * as z from 'zod/mini';
import { type PublishedSchemaName, publishedSchemas } from './registry.ts';

/** JSON Schema draft 2020-12 of what a schema gives (its output), as published and as the OpenAPI description embeds it. */
const OPTIONS = { target: 'draft-2020-12', io: 'output' } as const;

/** The JSON Schema (draft 2020-12) of one published schema, as the text the service serves. */
export function renderJsonSchema(name: PublishedSchemaName): string {
  const schema = z.toJSONSchema(publishedSchemas[name], OPTIONS);
  return `${JSON.stringify({ ...schema, $id: `${name}.schema.json`, title: name }, null, 2)}\n`;
}

/** The JSON Schema of any schema, for embedding in a document of that dialect (OpenAPI 3.1): without `$schema`. */
export function embeddedJsonSchema(schema: z.ZodMiniType): { [keyword: string]: unknown } {
  const { $schema: _dialect, ...embedded } = z.toJSONSchema(schema, OPTIONS);
  return embedded;
}
