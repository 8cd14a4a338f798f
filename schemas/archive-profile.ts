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

/** A repository the archive's references cite, with the other forms references write its abbreviation in. */
export const ProfileRepositorySchema = z.extend(RepositorySchema, {
  /** `РГАНИ` for RGANI, `AVP RF` for AVPRF: read as the abbreviation (spaces are ignored when comparing). */
  alternateAbbreviations: z.optional(z.array(z.string().check(z.minLength(1)))),
});
export type ProfileRepository = z.infer<typeof ProfileRepositorySchema>;

export const ArchiveProfileSchema = z.object({
  $schema: z.optional(z.string()),
  publisher: PublisherSchema,
  /** `{id}` is replaced by the Record ID. */
  originalUrlTemplate: z.string().check(z.includes('{id}')),
  /** Language of the translations the export's body carries (BCP 47). */
  translationLanguage: z.string().check(z.minLength(2)),
  repositories: z.array(ProfileRepositorySchema),
  rightsMappings: z.array(RightsMappingSchema),
});
export type ArchiveProfile = z.infer<typeof ArchiveProfileSchema>;
