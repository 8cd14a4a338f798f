/** ListMetadataFormats: the formats the repository disseminates, for every item or for one. */
import { el } from '../../xml/xml-tree.ts';
import { METADATA_FORMATS } from '../metadata-formats.ts';
import type { VerbResult } from '../oai-envelope.ts';
import { idDoesNotExist } from '../oai-errors.ts';
import { entryByIdentifier, type OaiRepository } from '../oai-repository.ts';

export async function listMetadataFormats(repo: OaiRepository, identifier: string | undefined): Promise<VerbResult> {
  if (identifier !== undefined && !(await entryByIdentifier(repo, identifier))) return { errors: [idDoesNotExist()] };
  return {
    body: el(
      'ListMetadataFormats',
      {},
      METADATA_FORMATS.map((f) =>
        el('metadataFormat', {}, el('metadataPrefix', {}, f.prefix), el('schema', {}, f.schema), el('metadataNamespace', {}, f.namespace)),
      ),
    ),
  };
}
