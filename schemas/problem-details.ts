/**
 * RFC 9457 problem details, the body of every error answer (`application/problem+json`): the
 * members the service always names, and room for the extension members a problem adds
 * (`offered` for a 406, `problems` for a rejected body).
 */
import * as z from 'zod/mini';

export const ProblemDetailsSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int().check(z.gte(400), z.lte(599)),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
  })
  .check(z.describe('RFC 9457 problem details'));
export type ProblemDetails = z.infer<typeof ProblemDetailsSchema>;
