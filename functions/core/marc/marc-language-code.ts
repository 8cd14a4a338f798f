/** MARC language codes (ISO 639-2/B) of the ISO 639-1 codes the archive's records use. */
const MARC_LANGUAGE_CODES: Readonly<{ [iso6391: string]: string }> = {
  ar: 'ara',
  bg: 'bul',
  cs: 'cze',
  de: 'ger',
  en: 'eng',
  es: 'spa',
  fa: 'per',
  fi: 'fin',
  fr: 'fre',
  he: 'heb',
  hi: 'hin',
  hu: 'hun',
  it: 'ita',
  ja: 'jpn',
  ka: 'geo',
  ko: 'kor',
  mn: 'mon',
  pl: 'pol',
  pt: 'por',
  ro: 'rum',
  ru: 'rus',
  sk: 'slo',
  sq: 'alb',
  sr: 'srp',
  uk: 'ukr',
  vi: 'vie',
  zh: 'chi',
};

/** The MARC code of a BCP 47 tag's primary language, or undefined when it has none here. */
export function marcLanguageCode(tag: string): string | undefined {
  const primary = tag.toLowerCase().split('-')[0] ?? '';
  return MARC_LANGUAGE_CODES[primary];
}
