import * as z from 'zod/mini';
import { type PublishedSchemaName, publishedSchemas } from './registry.ts';

/** The JSON Schema (draft 2020-12) of one published schema, as the text the service serves. */
export function renderJsonSchema(name: PublishedSchemaName): string {
  const schema = z.toJSONSchema(publishedSchemas[name], { target: 'draft-2020-12', io: 'output' });
  return `${JSON.stringify({ ...schema, $id: `${name}.schema.json`, title: name }, null, 2)}\n`;
}
