/**
 * MARC language codes (ISO 639-2/B) of the ISO 639-1 codes the archive's records use. Serbo-
 * Croatian (`sh`) has none: the MARC list retired it for Croatian and Serbian, so it is left out.
 */
const MARC_LANGUAGE_CODES: Readonly<{ [iso6391: string]: string }> = {
  am: 'amh',
  ar: 'ara',
  az: 'aze',
  be: 'bel',
  bg: 'bul',
  bn: 'ben',
  bo: 'tib',
  bs: 'bos',
  ca: 'cat',
  cs: 'cze',
  da: 'dan',
  de: 'ger',
  el: 'gre',
  en: 'eng',
  es: 'spa',
  et: 'est',
  fa: 'per',
  fi: 'fin',
  fr: 'fre',
  he: 'heb',
  hi: 'hin',
  hr: 'hrv',
  hu: 'hun',
  hy: 'arm',
  id: 'ind',
  is: 'ice',
  it: 'ita',
  ja: 'jpn',
  ka: 'geo',
  kk: 'kaz',
  km: 'khm',
  ko: 'kor',
  ky: 'kir',
  lo: 'lao',
  lt: 'lit',
  lv: 'lav',
  mk: 'mac',
  mn: 'mon',
  ms: 'may',
  my: 'bur',
  nl: 'dut',
  no: 'nor',
  pl: 'pol',
  ps: 'pus',
  pt: 'por',
  ro: 'rum',
  ru: 'rus',
  sk: 'slo',
  sl: 'slv',
  sq: 'alb',
  sr: 'srp',
  sv: 'swe',
  sw: 'swa',
  tg: 'tgk',
  th: 'tha',
  tk: 'tuk',
  tr: 'tur',
  uk: 'ukr',
  ur: 'urd',
  uz: 'uzb',
  vi: 'vie',
  yi: 'yid',
  zh: 'chi',
};

/** The MARC code of a BCP 47 tag's primary language, or undefined when it has none here. */
export function marcLanguageCode(tag: string): string | undefined {
  const primary = tag.toLowerCase().split('-')[0] ?? '';
  return MARC_LANGUAGE_CODES[primary];
}

/** Names the archive gives languages that the CLDR names otherwise (it calls `sh` "Serbian (Latin)"). */
const LANGUAGE_NAMES: Readonly<{ [iso6391: string]: string }> = { sh: 'Serbo-Croatian' };

// Made on first use: loading ICU's display names costs about 10 ms, which a cold start that never
// writes a language note should not pay.
let displayNames: Intl.DisplayNames | undefined;

/** Names already looked up: ICU's lookup costs microseconds, and an OAI-PMH page asks for the same few a hundred times. */
const namesByTag = new Map<string, string>();

/** The English name of a BCP 47 tag's language, for notes (MARC 546): `ru` is "Russian"; the tag itself when none is known. */
export function languageName(tag: string): string {
  let name = namesByTag.get(tag);
  if (name === undefined) {
    name = lookUpLanguageName(tag);
    // Tags come from stored records, a small closed set; the bound only guards against a surprise.
    if (namesByTag.size < 1000) namesByTag.set(tag, name);
  }
  return name;
}

function lookUpLanguageName(tag: string): string {
  const primary = tag.toLowerCase().split('-')[0] ?? '';
  const named = LANGUAGE_NAMES[primary];
  if (named) return named;
  try {
    displayNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
    return displayNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
