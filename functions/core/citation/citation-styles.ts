/**
 * The citation styles and locales the service renders, all vendored in `data/csl/` (CC BY-SA 3.0,
 * see `data/csl/SOURCE.txt`). Rendering never fetches a style or locale from the network.
 */
export interface CitationStyle {
  /** The style's id in the CSL styles repository, used in `?style=` and `text/x-bibliography; style=`. */
  id: string;
  label: string;
  file: string;
  /** Other names clients send for the same style (older ids, short names). */
  aliases: readonly string[];
  /**
   * The style writes every personal name family name, comma, initials, whatever the name's own
   * order: APA does ("Mao, Z.", APA 7 section 9.8), where Chicago and MLA keep a family-first name
   * as written ("Mao Zedong"). Names are then given to it without `static-ordering`.
   */
  invertsEveryName?: boolean;
}

export const CITATION_STYLES: readonly CitationStyle[] = [
  {
    id: 'chicago-notes-bibliography',
    label: 'Chicago Manual of Style, 18th ed. (notes and bibliography)',
    file: 'chicago-notes-bibliography.csl',
    aliases: ['chicago', 'chicago-fullnote-bibliography', 'chicago-note-bibliography'],
  },
  {
    id: 'chicago-author-date',
    label: 'Chicago Manual of Style, 18th ed. (author-date)',
    file: 'chicago-author-date.csl',
    aliases: [],
  },
  { id: 'apa', label: 'APA Style, 7th ed.', file: 'apa.csl', aliases: ['apa-7th-edition'], invertsEveryName: true },
  { id: 'modern-language-association', label: 'MLA Handbook, 9th ed.', file: 'modern-language-association.csl', aliases: ['mla'] },
];

export const DEFAULT_CITATION_STYLE = 'chicago-notes-bibliography';

export interface CitationLocale {
  id: string;
  file: string;
  aliases: readonly string[];
}

export const CITATION_LOCALES: readonly CitationLocale[] = [{ id: 'en-US', file: 'locales-en-US.xml', aliases: ['en'] }];

export const DEFAULT_CITATION_LOCALE = 'en-US';

export const CITATION_FORMS = ['bibliography', 'note'] as const;
export type CitationForm = (typeof CITATION_FORMS)[number];

export const CITATION_FORMATS = ['text', 'html'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

const matches = (entry: { id: string; aliases: readonly string[] }, name: string) => {
  const n = name.trim().toLowerCase();
  return entry.id.toLowerCase() === n || entry.aliases.includes(n);
};

export const findCitationStyle = (name: string) => CITATION_STYLES.find((s) => matches(s, name));
export const findCitationLocale = (name: string) => CITATION_LOCALES.find((l) => matches(l, name));
