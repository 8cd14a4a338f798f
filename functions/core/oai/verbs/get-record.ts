/** GetRecord: one item's record in one format. */
import { el } from '../../xml/xml-tree.ts';
import { metadataFormat } from '../metadata-formats.ts';
import type { VerbResult } from '../oai-envelope.ts';
import { cannotDisseminate, idDoesNotExist } from '../oai-errors.ts';
import { recordNode } from '../oai-record-nodes.ts';
import { entryByIdentifier, type OaiRepository } from '../oai-repository.ts';

export async function getRecord(repo: OaiRepository, identifier: string, prefix: string): Promise<VerbResult> {
  const entry = await entryByIdentifier(repo, identifier);
  if (!entry) return { errors: [idDoesNotExist()] };
  if (!metadataFormat(prefix)) return { errors: [cannotDisseminate(prefix)] };
  return { body: el('GetRecord', {}, recordNode(repo, entry, prefix)) };
}
