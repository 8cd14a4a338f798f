/** ISO 639-1 codes of the language names archives' exports use (English names). */
const LANGUAGE_CODES: Readonly<{ [name: string]: string }> = {
  albanian: 'sq',
  arabic: 'ar',
  bulgarian: 'bg',
  chinese: 'zh',
  czech: 'cs',
  english: 'en',
  finnish: 'fi',
  french: 'fr',
  georgian: 'ka',
  german: 'de',
  hebrew: 'he',
  hindi: 'hi',
  hungarian: 'hu',
  italian: 'it',
  japanese: 'ja',
  korean: 'ko',
  mongolian: 'mn',
  persian: 'fa',
  polish: 'pl',
  portuguese: 'pt',
  romanian: 'ro',
  russian: 'ru',
  serbian: 'sr',
  slovak: 'sk',
  spanish: 'es',
  ukrainian: 'uk',
  vietnamese: 'vi',
};

/** The ISO 639-1 code of an English language name, or undefined when it is not known. */
export function languageCode(name: string): string | undefined {
  return LANGUAGE_CODES[name.trim().toLowerCase()];
}
