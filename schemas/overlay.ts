/**
 * A reviewed overlay: facts the export does not carry (agents, subjects, places, ...),
 * kept as `data/records/{id}.json` next to the export and validated like the Record.
 */
import * as z from 'zod/mini';
import { AgentInRoleSchema, EmbeddedDocumentSchema, PlaceSchema, RecordContentSchema, RightsSchema, SubjectSchema } from './record.ts';

export const OverlaySchema = z.strictObject({
  $schema: z.optional(z.string()),
  /** Must equal the export's Record ID: an overlay never moves facts between records. */
  id: RecordContentSchema.shape.id,
  agents: z.optional(z.array(AgentInRoleSchema)),
  embeddedDocuments: z.optional(z.array(EmbeddedDocumentSchema)),
  subjects: z.optional(z.array(SubjectSchema)),
  places: z.optional(z.array(PlaceSchema)),
  temporalCoverage: z.optional(RecordContentSchema.shape.temporalCoverage),
  languages: z.optional(RecordContentSchema.shape.languages),
  resourceType: z.optional(RecordContentSchema.shape.resourceType),
  /** Per-record override of what the rights mapping derives from the statement. */
  rights: z.optional(z.partial(z.pick(RightsSchema, { uri: true, holder: true, contact: true }))),
});
export type Overlay = z.infer<typeof OverlaySchema>;
