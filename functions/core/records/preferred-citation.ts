/**
 * How the archive asks its records to be cited, in one line of plain text for the catalog note
 * that carries it (MARC 524, MODS `note type="preferred citation"`): the title in quotation
 * marks, the date as the source gives it, the publisher, the Source verbatim and the record's URL,
 * as the Digital Archive's own pages cite a document:
 * `"Telegram from Mao Zedong to I.V. Stalin, ...," January 27, 1951, History and Public Policy
 * Program Digital Archive, Wilson Center, APRF, f. 45, op. 1, d. 337, ll. 37-40. https://...`.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';

export function preferredCitation(record: ArchivalRecord, urls: ServiceUrls): string {
  const title = record.title.trim();
  const quoted = /[?!]$/.test(title) ? `"${title}"` : `"${title},"`;
  const { name, institution } = record.publisher;
  const source = record.source.citation.trim();
  const closedSource = /[.?!]$/.test(source) ? source : `${source}.`;
  return `${quoted} ${record.date.display}, ${institution ? `${name}, ${institution}` : name}, ${closedSource} ${urls.record(record.id)}`;
}
