/**
 * The rightsstatements.org vocabulary (version 1.0): the twelve statements and their English
 * labels, as the vocabulary publishes them. Which statement a record carries is data (the
 * archive profile's rights mappings and the record overlay); this table only names them.
 */
export type RightsStatementId = 'InC' | 'InC-OW-EU' | 'InC-EDU' | 'InC-NC' | 'InC-RUU' | 'NoC-CR' | 'NoC-NC' | 'NoC-OKLR' | 'NoC-US' | 'CNE' | 'UND' | 'NKC';

export const RIGHTS_STATEMENT_LABELS: { readonly [id in RightsStatementId]: string } = {
  InC: 'In Copyright',
  'InC-OW-EU': 'In Copyright - EU Orphan Work',
  'InC-EDU': 'In Copyright - Educational Use Permitted',
  'InC-NC': 'In Copyright - Non-Commercial Use Permitted',
  'InC-RUU': 'In Copyright - Rights-holder(s) Unlocatable or Unidentifiable',
  'NoC-CR': 'No Copyright - Contractual Restrictions',
  'NoC-NC': 'No Copyright - Non-Commercial Use Only',
  'NoC-OKLR': 'No Copyright - Other Known Legal Restrictions',
  'NoC-US': 'No Copyright - United States',
  CNE: 'Copyright Not Evaluated',
  UND: 'Copyright Undetermined',
  NKC: 'No Known Copyright',
};

const URI = /^http:\/\/rightsstatements\.org\/vocab\/([A-Za-z-]+)\/1\.0\/$/;

/** The statement's short identifier (`InC-EDU`) when the URI is one of the vocabulary's. */
export function rightsStatementId(uri: string): RightsStatementId | undefined {
  const id = URI.exec(uri)?.[1];
  return id !== undefined && id in RIGHTS_STATEMENT_LABELS ? (id as RightsStatementId) : undefined;
}
