/**
 * Loads citeproc-js and the vendored CSL files on first use, and keeps one engine per style and
 * locale for the life of the container. citeproc is imported dynamically so that requests that
 * never format a citation never load it.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CitationForm, CitationFormat, CitationLocale, CitationStyle } from '../../core/citation/citation-styles.ts';
import type { CslItem } from '../../core/citation/csl-item.ts';
import { type CitationEngine, type CiteprocModule, createCitationEngine, withEveryNameInverted } from '../../core/citation/format-citation.ts';

let citeproc: Promise<CiteprocModule> | undefined;
const engines = new Map<string, Promise<CitationEngine>>();

async function loadCiteproc(): Promise<CiteprocModule> {
  const mod = (await import('citeproc')) as { default?: CiteprocModule } & Partial<CiteprocModule>;
  return (mod.default ?? mod) as CiteprocModule;
}

function engineFor(cslDir: string, style: CitationStyle, locale: CitationLocale): Promise<CitationEngine> {
  const key = `${resolve(cslDir)}|${style.id}|${locale.id}`;
  let engine = engines.get(key);
  if (!engine) {
    citeproc ??= loadCiteproc();
    engine = Promise.all([citeproc, readFile(resolve(cslDir, style.file), 'utf8'), readFile(resolve(cslDir, locale.file), 'utf8')]).then(
      ([module, styleXml, localeXml]) => createCitationEngine(module, styleXml, localeXml, locale.id),
    );
    engine.catch(() => engines.delete(key));
    engines.set(key, engine);
  }
  return engine;
}

export interface CitationRequest {
  style: CitationStyle;
  locale: CitationLocale;
  form: CitationForm;
  format: CitationFormat;
}

/** The item formatted as asked; engines are built once per style and locale. */
export async function formatCitation(cslDir: string, item: CslItem, request: CitationRequest): Promise<string> {
  const engine = await engineFor(cslDir, request.style, request.locale);
  return engine.format(request.style.invertsEveryName ? withEveryNameInverted(item) : item, request.form, request.format);
}
