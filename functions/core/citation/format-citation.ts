/**
 * Formatted citations with citeproc-js. The processor module, the style and the locale are
 * passed in (the request layer loads them lazily from the vendored files), so this stays a pure
 * function of its inputs.
 */
import type { CitationForm, CitationFormat } from './citation-styles.ts';
import type { CslItem } from './csl-item.ts';

/**
 * Bump when a formatted citation changes for the same record (a vendored style updated, names
 * handled differently): it is part of formatted citations' ETags, so caches fetch them again.
 * (Harvested crosswalks have DISSEMINATION_VERSION; a citation is not harvested.)
 */
export const FORMATTED_CITATION_VERSION = 3;

/** The part of citeproc-js's API used here. */
export interface CiteprocEngine {
  setOutputFormat(format: 'text' | 'html'): void;
  updateItems(ids: string[]): void;
  makeBibliography(): [unknown, string[]] | false;
  previewCitationCluster(
    citation: { citationItems: { id: string }[]; properties: { noteIndex: number } },
    before: unknown[],
    after: unknown[],
    format: 'text' | 'html',
  ): string;
}

export interface CiteprocSys {
  retrieveLocale(lang: string): string;
  retrieveItem(id: string): unknown;
}

export interface CiteprocModule {
  Engine: new (sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean) => CiteprocEngine;
}

/**
 * The item as citeproc should see it. The archive gives titles already capitalised, and gives
 * them deliberately (headline style with prepositions such as "regarding" in lower case, as
 * CMOS 8.159 asks); citeproc's own title-casing would capitalise those prepositions, so the
 * title is marked `nocase`, citeproc's markup for "leave the case alone".
 */
export function citeprocItem(item: CslItem): CslItem {
  return { ...item, title: `<span class="nocase">${item.title}</span>` };
}

const NAME_ROLES = ['author', 'recipient', 'translator', 'contributor'] as const;

/** The item for a style that inverts every name (`CitationStyle.invertsEveryName`): no name keeps `static-ordering`. */
export function withEveryNameInverted(item: CslItem): CslItem {
  const inverted: CslItem = { ...item };
  for (const role of NAME_ROLES) {
    const names = item[role];
    if (names) inverted[role] = names.map((name) => ('family' in name ? { family: name.family, ...(name.given ? { given: name.given } : {}) } : name));
  }
  return inverted;
}

/**
 * A citeproc engine for one style and locale, reusable for any number of items. citeproc keeps
 * items it has seen by id, so each call hands it the item under a fresh id: a record changed
 * since the last call is never formatted from the engine's stale copy.
 */
export function createCitationEngine(citeproc: CiteprocModule, styleXml: string, localeXml: string, locale: string) {
  let current: CslItem | undefined;
  let calls = 0;
  const engine = new citeproc.Engine(
    {
      retrieveLocale: () => localeXml,
      retrieveItem: (id: string) => (current && current.id === id ? current : undefined),
    },
    styleXml,
    locale,
    true,
  );
  return {
    format(item: CslItem, form: CitationForm, format: CitationFormat): string {
      calls += 1;
      current = { ...citeprocItem(item), id: `item-${calls}` };
      engine.setOutputFormat(format);
      engine.updateItems([current.id]);
      if (form === 'note') {
        return engine.previewCitationCluster({ citationItems: [{ id: current.id }], properties: { noteIndex: 1 } }, [], [], format).trim();
      }
      const bibliography = engine.makeBibliography();
      return bibliography ? bibliography[1].join('').trim() : '';
    },
  };
}

export type CitationEngine = ReturnType<typeof createCitationEngine>;
