import type { RightsMapping } from '../../../schemas/archive-profile.ts';
import type { Rights } from '../../../schemas/record.ts';

/**
 * Maps a verbatim rights statement to its rightsstatements.org URI (and holder and contact)
 * by the first mapping whose phrases it all contains. Undefined when none applies.
 */
export function mapRights(statement: string, mappings: readonly RightsMapping[]): Rights | undefined {
  const normalized = statement.replace(/\s+/g, ' ').toLowerCase();
  const mapping = mappings.find((m) => m.whenStatementContains.every((phrase) => normalized.includes(phrase.toLowerCase())));
  if (!mapping) return undefined;
  const rights: Rights = { statement, uri: mapping.uri };
  if (mapping.holder) rights.holder = mapping.holder;
  if (mapping.contact) rights.contact = mapping.contact;
  return rights;
}
