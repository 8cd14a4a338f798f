/** The independent parsers every citation format is read back with, loaded once per test file. */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { repoPath } from './fixtures.ts';

export type CslData = { [field: string]: unknown };

/** citation-js with its BibTeX, RIS and CSL plugins; `_graph` (its parse history) is dropped. */
export async function readWithCitationJs(text: string): Promise<CslData[]> {
  const { Cite } = await import('@citation-js/core');
  await Promise.all([import('@citation-js/plugin-bibtex'), import('@citation-js/plugin-ris'), import('@citation-js/plugin-csl')]);
  const cite = await Cite.async(text);
  return cite.data.map(({ _graph, ...item }) => item);
}

/** @retorquere/bibtex-parser (ESM only), without sentence-casing so titles come back as written. */
export async function readWithBibtexParser(text: string) {
  const { parse } = await import('@retorquere/bibtex-parser');
  return parse(text, { sentenceCase: false, english: false });
}

let validator: ReturnType<Ajv['compile']> | undefined;

/**
 * ajv against the vendored CSL-JSON 1.0.2 schema (compiled once), with the one variable the
 * crosswalk writes beyond it: `license`, a string, the variable Zotero reads into its `rights`
 * field (zotero/zotero-schema schema.json `csl.fields.text.license: ["rights"]`). Every other
 * property stays refused, as the schema refuses it.
 */
export function cslSchemaValidator() {
  if (!validator) {
    const schema = JSON.parse(readFileSync(repoPath('schemas/vendor/csl/csl-data.json'), 'utf8'));
    schema.items.properties.license = { type: 'string' };
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator;
}

/** Whitespace runs as single spaces: BibTeX and RIS fold line breaks, nothing else may change. */
export const folded = (text: string) => text.replace(/\s+/g, ' ').trim();
