/**
 * BCP 47 tags of the English language names the archive's exports give (`Russian`, `Serbo-Croatian`).
 * Two-letter ISO 639-1 subtags where one exists, as BCP 47 requires: `sh` for Serbo-Croatian
 * (the macrolanguage ISO 639-3 calls `hbs`). A name not here is no code: the record keeps it as
 * a label, and no code is invented.
 */
const LANGUAGE_CODES: Readonly<{ [name: string]: string }> = {
  albanian: 'sq',
  amharic: 'am',
  arabic: 'ar',
  armenian: 'hy',
  azerbaijani: 'az',
  belarusian: 'be',
  bengali: 'bn',
  bosnian: 'bs',
  bulgarian: 'bg',
  burmese: 'my',
  catalan: 'ca',
  chinese: 'zh',
  croatian: 'hr',
  czech: 'cs',
  danish: 'da',
  dutch: 'nl',
  english: 'en',
  estonian: 'et',
  farsi: 'fa',
  finnish: 'fi',
  french: 'fr',
  georgian: 'ka',
  german: 'de',
  greek: 'el',
  hebrew: 'he',
  hindi: 'hi',
  hungarian: 'hu',
  icelandic: 'is',
  indonesian: 'id',
  italian: 'it',
  japanese: 'ja',
  kazakh: 'kk',
  khmer: 'km',
  korean: 'ko',
  kyrgyz: 'ky',
  lao: 'lo',
  latvian: 'lv',
  lithuanian: 'lt',
  macedonian: 'mk',
  malay: 'ms',
  mongolian: 'mn',
  norwegian: 'no',
  pashto: 'ps',
  persian: 'fa',
  polish: 'pl',
  portuguese: 'pt',
  romanian: 'ro',
  russian: 'ru',
  'serbo-croat': 'sh',
  'serbo-croatian': 'sh',
  serbian: 'sr',
  slovak: 'sk',
  slovene: 'sl',
  slovenian: 'sl',
  spanish: 'es',
  swahili: 'sw',
  swedish: 'sv',
  tajik: 'tg',
  thai: 'th',
  tibetan: 'bo',
  turkish: 'tr',
  turkmen: 'tk',
  ukrainian: 'uk',
  urdu: 'ur',
  uzbek: 'uz',
  vietnamese: 'vi',
  yiddish: 'yi',
};

/** The BCP 47 tag of an English language name (case, spaces and hyphens aside), or undefined when it is not known. */
export function languageCode(name: string): string | undefined {
  return LANGUAGE_CODES[
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '-')
  ];
}
