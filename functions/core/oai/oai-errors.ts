/** The eight OAI-PMH error conditions; they are answered in the protocol (HTTP 200), never thrown. */
export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export interface OaiError {
  code: OaiErrorCode;
  message: string;
}

export const oaiError = (code: OaiErrorCode, message: string): OaiError => ({ code, message });
