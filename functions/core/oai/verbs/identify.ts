/** Identify: the repository's name, base URL, policies and identifier scheme. */
import { el } from '../../xml/xml-tree.ts';
import { responseDateOf, type VerbResult } from '../oai-envelope.ts';
import type { OaiRepository } from '../oai-repository.ts';
import { oaiIdentifier } from '../oai-syntax.ts';

const OAI_IDENTIFIER_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/oai-identifier';
const OAI_IDENTIFIER_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai-identifier.xsd';

export async function identify(repo: OaiRepository, now: Date): Promise<VerbResult> {
  // The oldest entry gives both the earliest datestamp and a sample identifier, in one query.
  const first = (await repo.records.listChanges({ limit: 1 })).items[0];
  return {
    body: el(
      'Identify',
      {},
      el('repositoryName', {}, repo.repositoryName),
      el('baseURL', {}, repo.urls.oai),
      el('protocolVersion', {}, '2.0'),
      repo.adminEmails.map((email) => el('adminEmail', {}, email)),
      el('earliestDatestamp', {}, first?.datestamp ?? responseDateOf(now)),
      el('deletedRecord', {}, 'persistent'),
      el('granularity', {}, 'YYYY-MM-DDThh:mm:ssZ'),
      el(
        'description',
        {},
        el(
          'oai-identifier',
          { xmlns: OAI_IDENTIFIER_NAMESPACE, 'xsi:schemaLocation': `${OAI_IDENTIFIER_NAMESPACE} ${OAI_IDENTIFIER_SCHEMA}` },
          el('scheme', {}, 'oai'),
          el('repositoryIdentifier', {}, repo.repositoryIdentifier),
          el('delimiter', {}, ':'),
          el('sampleIdentifier', {}, oaiIdentifier(repo.repositoryIdentifier, first?.id ?? 'record-id')),
        ),
      ),
    ),
  };
}
