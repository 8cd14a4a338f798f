import type { LanguageMap } from './types.ts';

/** The language the archive writes its descriptions in (titles, summaries, dates as displayed). */
export const CATALOGUE_LANGUAGE = 'en';

/** Values in the catalogue's language. */
export const described = (...values: string[]): LanguageMap => ({ [CATALOGUE_LANGUAGE]: values });

/** Values that belong to no language: identifiers, codes, names, archival shelf marks. */
export const languageless = (...values: string[]): LanguageMap => ({ none: values });

// Made on first use: ICU's display names cost a cold start about 10 ms.
let languageNames: Intl.DisplayNames | undefined;

/** The English name of a BCP 47 language tag ("ru" is "Russian"); the tag itself when unknown. */
export function languageName(tag: string): string {
  try {
    languageNames ??= new Intl.DisplayNames([CATALOGUE_LANGUAGE], { type: 'language', fallback: 'code' });
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
