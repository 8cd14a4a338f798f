/** Presentation 3 language maps as 2.1 values: tagged strings, plain strings for `none`. */
import type { LanguageMap } from '../presentation-3/types.ts';
import type { LanguageValue, Values } from './types.ts';

const NO_LANGUAGE = 'none';

/** A language map's values, in order: `{"@value", "@language"}` for a language, a plain string for none; one value unwrapped. */
export function toValues(map: LanguageMap): Values {
  const values: LanguageValue[] = Object.entries(map).flatMap(([language, strings]) =>
    strings.map((value) => (language === NO_LANGUAGE ? value : { '@value': value, '@language': language })),
  );
  return values.length === 1 && values[0] !== undefined ? values[0] : values;
}
