/**
 * The local server reads the archive profile for every ingest (ADR 0003): the one the request
 * brings (the ingest CLI sends the profile its operator named), otherwise the server's own file,
 * read afresh each time, so an edit to it applies to the next ingest without a restart.
 */
import type { ArchiveProfile } from '../../schemas/archive-profile.ts';
import { loadArchiveProfile } from '../adapters/ingest-files.ts';
import type { AdminOperations } from '../core/ingest/admin-operations.ts';

export function readingProfilePerIngest(operations: AdminOperations, profilePath: string): AdminOperations {
  return {
    ...operations,
    async ingest(input) {
      if (input.profile) return operations.ingest(input);
      let profile: ArchiveProfile;
      try {
        profile = await loadArchiveProfile(profilePath);
      } catch (error) {
        // The operator's to fix, not a failure of the server: answered as a problem, nothing written.
        return { status: 'rejected', problems: [{ field: 'profile', message: `${(error as Error).message} (the server reads it for every ingest)` }] };
      }
      return operations.ingest({ ...input, profile });
    },
  };
}
