/**
 * The body of `/records/{id}/rights`: the record's rights as the Record holds them, with the
 * record's URL and the rightsstatements.org statement's id and label.
 */
import * as z from 'zod/mini';
import { RightsSchema } from './record.ts';

const nonEmpty = () => z.string().check(z.minLength(1));

export const RightsJsonSchema = z.extend(RightsSchema, {
  // Described here, not on RightsSchema: the published record schema stays as it is.
  statement: RightsSchema.shape.statement.check(z.describe('The archive’s statement, verbatim')),
  uri: RightsSchema.shape.uri.check(z.describe('The rightsstatements.org URI, in its canonical `http://` form')),
  record: z.url().check(z.describe('The record’s landing page')),
  statementId: z.optional(nonEmpty().check(z.describe('The rightsstatements.org statement, `InC-EDU`; absent for a URI outside the vocabulary'))),
  label: nonEmpty().check(z.describe('The statement’s label, `In Copyright - Educational Use Permitted`; the URI itself when the vocabulary does not name it')),
});
export type RightsJson = z.infer<typeof RightsJsonSchema>;
