/** The manifest's `metadata`: what a viewer shows as the record's description, label and value. */
import type { AgentRole, ArchivalRecord } from '../../../../schemas/record.ts';
import { describeArchivalReference } from '../../records/describe-archival-reference.ts';
import { archivalReferencesOf } from '../../records/source-references.ts';
import { described, languageless, languageName } from './language-map.ts';
import type { MetadataEntry } from './types.ts';

const entry = (label: string, value: MetadataEntry['value']): MetadataEntry => ({ label: described(label), value });

function agentNames(record: ArchivalRecord, role: AgentRole): string[] {
  return record.agents.filter((a) => a.role === role).map((a) => a.agent.name);
}

export function buildMetadata(record: ArchivalRecord): MetadataEntry[] {
  const entries: MetadataEntry[] = [entry('Date', described(record.date.display))];
  if (record.genre) entries.push(entry('Type', described(record.genre)));

  const references = archivalReferencesOf(record.source);
  entries.push(
    references.length > 0
      ? entry('Archival reference', described(record.source.citation, ...references.map(describeArchivalReference)))
      : entry('Source', described(record.source.citation)),
  );

  const creators = agentNames(record, 'author');
  if (creators.length > 0) entries.push(entry(creators.length === 1 ? 'Creator' : 'Creators', languageless(...creators)));
  const recipients = agentNames(record, 'recipient');
  if (recipients.length > 0) entries.push(entry(recipients.length === 1 ? 'Recipient' : 'Recipients', languageless(...recipients)));
  const translators = agentNames(record, 'translator');
  if (translators.length > 0) entries.push(entry(translators.length === 1 ? 'Translator' : 'Translators', languageless(...translators)));
  const contributors = agentNames(record, 'contributor');
  if (contributors.length > 0) entries.push(entry(contributors.length === 1 ? 'Contributor' : 'Contributors', languageless(...contributors)));
  const languages = [...(record.languages ?? []).map(languageName), ...(record.languageLabels ?? [])];
  if (languages.length > 0) entries.push(entry(languages.length === 1 ? 'Language' : 'Languages', described(...languages)));
  if (record.subjects.length > 0) entries.push(entry('Subjects', described(...record.subjects.map((s) => s.term))));
  if (record.places.length > 0) entries.push(entry('Places', described(...record.places.map((p) => p.name))));
  if (record.provenance.uploaded) entries.push(entry('Original uploaded date', languageless(record.provenance.uploaded)));
  entries.push(entry('Record ID', languageless(record.id)));
  return entries;
}
