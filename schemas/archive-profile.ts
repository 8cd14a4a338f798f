/**
 * What the service knows about the archive whose exports it ingests: its name, how its
 * record pages are addressed, the repositories its references cite, and how its rights
 * statements map to rightsstatements.org. Data, not code: `data/archive.json`.
 */
import * as z from 'zod/mini';
import { PublisherSchema, RepositorySchema, RightsSchema } from './record.ts';

export const RightsMappingSchema = z.object({
  /** A statement maps when it contains every one of these phrases (case-insensitive). */
  whenStatementContains: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  uri: RightsSchema.shape.uri,
  holder: RightsSchema.shape.holder,
  contact: RightsSchema.shape.contact,
});
export type RightsMapping = z.infer<typeof RightsMappingSchema>;

export const ArchiveProfileSchema = z.object({
  $schema: z.optional(z.string()),
  publisher: PublisherSchema,
  /** `{id}` is replaced by the Record ID. */
  originalUrlTemplate: z.string().check(z.includes('{id}')),
  /** Language of the translations the export's body carries (BCP 47). */
  translationLanguage: z.string().check(z.minLength(2)),
  repositories: z.array(RepositorySchema),
  rightsMappings: z.array(RightsMappingSchema),
});
export type ArchiveProfile = z.infer<typeof ArchiveProfileSchema>;
