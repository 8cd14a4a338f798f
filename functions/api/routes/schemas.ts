/** GET /schemas/{name}.schema.json: the JSON Schema of the Record and the files the archive writes (generated from zod). */
import { Hono } from 'hono';
import { type PublishedSchemaName, publishedSchemas } from '../../../schemas/registry.ts';
import { renderJsonSchema } from '../../../schemas/render-json-schema.ts';
import { sendRepresentation } from '../../http/conditional.ts';
import { notFound } from '../../http/problem.ts';
import type { AppEnv } from '../app-env.ts';
import { COMMON_RESPONSES, type OpenApiPaths, ok, operation, pathParameter } from '../openapi/operations.ts';

const isPublished = (name: string): name is PublishedSchemaName => Object.hasOwn(publishedSchemas, name);

export const schemaRoutes = new Hono<AppEnv>().get('/schemas/:file', (c) => {
  const name = c.req.param('file').replace(/\.schema\.json$/, '');
  if (!isPublished(name))
    throw notFound(
      `No schema "${c.req.param('file').slice(0, 80)}"; published: ${Object.keys(publishedSchemas)
        .map((n) => `${n}.schema.json`)
        .join(', ')}.`,
    );
  const body = renderJsonSchema(name);
  return sendRepresentation(c, { body, contentType: 'application/schema+json', etag: `schema-${name}-${body.length}` });
});

export const schemaPaths: OpenApiPaths = {
  '/schemas/{name}.schema.json': {
    get: operation('service', 'A published JSON Schema', { '200': ok('The JSON Schema', ['application/schema+json']), ...COMMON_RESPONSES }, [
      pathParameter('name', 'Schema name', 'record', { type: 'string', enum: Object.keys(publishedSchemas) }),
    ]),
  },
};
