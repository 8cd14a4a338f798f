/**
 * Rights as every output shows them: the rightsstatements.org URI, its label, and the archive's
 * statement verbatim. One place, so the landing page, the citation formats and the rights JSON
 * never word them differently.
 */
import type { ArchivalRecord, Rights } from '../../../schemas/record.ts';
import type { RightsJson } from '../../../schemas/rights-json.ts';
import type { ServiceUrls } from '../urls.ts';
import { RIGHTS_STATEMENT_LABELS, rightsStatementId } from './rights-statements.ts';

export interface RightsDescription {
  uri: string;
  /** `InC-EDU`; undefined for a URI outside the vocabulary. */
  statementId?: string;
  /** `In Copyright - Educational Use Permitted`; the URI itself when the vocabulary does not name it. */
  label: string;
  /** The archive's statement, verbatim. */
  statement: string;
  /** The statement split at its blank lines, each paragraph verbatim. */
  paragraphs: string[];
  holder?: string;
  contact?: { name?: string; email: string };
}

export function describeRights(rights: Rights): RightsDescription {
  const id = rightsStatementId(rights.uri);
  const description: RightsDescription = {
    uri: rights.uri,
    label: id ? RIGHTS_STATEMENT_LABELS[id] : rights.uri,
    statement: rights.statement,
    paragraphs: rights.statement
      .split(/\n[ \t]*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  };
  if (id) description.statementId = id;
  if (rights.holder) description.holder = rights.holder;
  if (rights.contact) description.contact = rights.contact;
  return description;
}

/**
 * The rights in one block of plain text for fields that hold free text (CSL `note`, RIS `N1`,
 * BibTeX `copyright`): `Rights: {uri} ({label})`, then the statement verbatim.
 */
export function rightsText(rights: Rights): string {
  const { uri, label, statement } = describeRights(rights);
  return `Rights: ${uri}${label === uri ? '' : ` (${label})`}\n${statement}`;
}

/** The body of `/records/{id}/rights`. */
export function buildRightsJson(record: ArchivalRecord, urls: ServiceUrls): RightsJson {
  const d = describeRights(record.rights);
  return {
    record: urls.record(record.id),
    uri: d.uri,
    ...(d.statementId ? { statementId: d.statementId } : {}),
    label: d.label,
    statement: d.statement,
    ...(d.holder ? { holder: d.holder } : {}),
    ...(d.contact ? { contact: d.contact } : {}),
  };
}
