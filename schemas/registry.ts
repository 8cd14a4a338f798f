/** The schemas the service publishes as JSON Schema, by file name. */
import { ArchiveProfileSchema } from './archive-profile.ts';
import { OverlaySchema } from './overlay.ts';
import { ArchivalRecordSchema, TombstoneSchema } from './record.ts';

export const publishedSchemas = {
  record: ArchivalRecordSchema,
  tombstone: TombstoneSchema,
  overlay: OverlaySchema,
  'archive-profile': ArchiveProfileSchema,
} as const;
export type PublishedSchemaName = keyof typeof publishedSchemas;
