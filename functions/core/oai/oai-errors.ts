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

/** The errors more than one verb answers. */
export const idDoesNotExist = () => oaiError('idDoesNotExist', 'No item has this identifier in this repository.');
export const cannotDisseminate = (prefix: string) =>
  oaiError('cannotDisseminateFormat', `The metadata format "${prefix}" is not supported by this repository.`);
export const badToken = () => oaiError('badResumptionToken', 'The resumptionToken is invalid or was not issued by this repository.');
