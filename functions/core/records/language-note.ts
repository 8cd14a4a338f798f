/**
 * The languages of a record in a sentence, for the catalog note that states them (MARC 546,
 * MODS `note type="language"`): the original's languages, coded or only named, and those of the
 * translations the record carries. `In Russian, with English translation.`; `English
 * translation.` when the export does not say the original's language.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { languageName } from '../marc/marc-language-code.ts';

/** The languages (BCP 47) the record's translations are in, other than the original's. */
export const translationLanguages = (record: ArchivalRecord): string[] => [
  ...new Set(record.texts.filter((t) => t.kind === 'translation' && !(record.languages ?? []).includes(t.language)).map((t) => t.language)),
];

/** "Russian", "Russian and Chinese", "Russian, Chinese, and Korean". */
function listed(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

export function languageNote(record: ArchivalRecord): string | undefined {
  const originals = [...(record.languages ?? []).map(languageName), ...(record.languageLabels ?? [])];
  const translations = translationLanguages(record).map(languageName);
  if (originals.length === 0 && translations.length === 0) return undefined;
  if (translations.length === 0) return `In ${listed(originals)}.`;
  if (originals.length === 0) return `${listed(translations)} translation.`;
  return `In ${listed(originals)}, with ${listed(translations)} translation.`;
}
