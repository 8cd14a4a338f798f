/**
 * The plain-text rendering (`/records/{id}.txt`): heading lines, the translation exactly as the
 * source gives it, then where it comes from and its rights, so the text never travels without
 * its rights statement.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { rightsText } from '../rights/describe-rights.ts';
import type { ServiceUrls } from '../urls.ts';

/** Undefined when the record has no translation. */
export function buildTranslationText(record: ArchivalRecord, urls: ServiceUrls): string | undefined {
  const translations = record.texts.filter((t) => t.kind === 'translation');
  if (translations.length === 0) return undefined;
  const parts = [record.title, record.date.display, ''];
  for (const t of translations) parts.push(t.text.replace(/\s+$/, ''), '');
  parts.push('---', `Source: ${record.source.citation}`, `Cite as: ${urls.record(record.id)}`, rightsText(record.rights), '');
  return parts.join('\n');
}
