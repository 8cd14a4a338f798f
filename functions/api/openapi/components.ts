/**
 * The components the operations reference: the record id parameter, the problems every route can
 * answer, and the bodies' schemas, derived from the zod schemas in `schemas/` (the Record as
 * `/schemas/record.schema.json` publishes it, the rights JSON, RFC 9457 problem details).
 */
import { ProblemDetailsSchema } from '../../../schemas/problem-details.ts';
import { RECORD_ID_PATTERN } from '../../../schemas/record.ts';
import { embeddedJsonSchema, renderJsonSchema } from '../../../schemas/render-json-schema.ts';
import { RightsJsonSchema } from '../../../schemas/rights-json.ts';
import { MAX_OAI_BODY_BYTES } from '../routes/oai.ts';
import { EXAMPLE_RECORD, pathParameter, type Response, ref, type Schema } from './operations.ts';

const problem = (description: string): Response => ({ description, content: { 'application/problem+json': { schema: ref('schemas', 'Problem') } } });

export function components() {
  const { $schema: _dialect, $id: _id, ...recordSchema } = JSON.parse(renderJsonSchema('record')) as Schema;
  return {
    parameters: { RecordId: pathParameter('id', 'Record identifier', EXAMPLE_RECORD, { type: 'string', pattern: RECORD_ID_PATTERN.source }) },
    responses: {
      NotModified: { description: 'The representation matches If-None-Match' },
      BadRequest: problem('A parameter is malformed; the problem names it'),
      NotFound: problem('No such resource'),
      Gone: problem('The record was withdrawn'),
      NotAcceptable: problem('No representation matches Accept; the problem lists those offered'),
      NotImplemented: problem('A valid IIIF request for a feature the service does not offer'),
      ContentTooLarge: problem(`The body is longer than the route reads (${MAX_OAI_BODY_BYTES} bytes for OAI-PMH); it is not read further`),
      Unavailable: {
        ...problem('Storage is unreachable; retry after the time given'),
        headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds' } },
      },
    },
    schemas: {
      ArchivalRecord: recordSchema,
      Problem: embeddedJsonSchema(ProblemDetailsSchema),
      Rights: embeddedJsonSchema(RightsJsonSchema),
    },
  };
}
