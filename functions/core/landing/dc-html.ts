/**
 * Dublin Core in HTML (DCMI's DC-HTML convention): `<meta name="DC.title">` for elements,
 * `DCTERMS.*` for refinements, `<link>` for URI values, with `scheme` and `lang` where the
 * statement has them. The statements themselves come from `dublinCoreElements`, the one mapping,
 * with one difference: a contributor is named by its MARC relator (`MARCREL.rcp` the addressee,
 * `MARCREL.trl` a translator, `MARCREL.ctb` a contributor), DCMI's refinements of
 * `dc:contributor`, not as `DC.contributor`. Zotero's Embedded Metadata translator reads the
 * page's `DC.*` tags through its RDF translator, which takes `dc:contributor` for the authors of
 * a record that has none (RDF.js `importItem`), and most records have none: their translators
 * and addressees would import as their authors.
 */
import type { AgentRole, ArchivalRecord } from '../../../schemas/record.ts';
import { dublinCoreElements } from '../dc/dublin-core-elements.ts';
import type { ServiceUrls } from '../urls.ts';

export const DC_SCHEMA_LINKS = [
  { rel: 'schema.DC', href: 'http://purl.org/dc/elements/1.1/' },
  { rel: 'schema.DCTERMS', href: 'http://purl.org/dc/terms/' },
  { rel: 'schema.MARCREL', href: 'http://id.loc.gov/vocabulary/relators/' },
] as const;

/** The MARC relator of each role that is a contributor in Dublin Core. */
const RELATORS: { readonly [role in Exclude<AgentRole, 'author'>]: string } = { recipient: 'rcp', translator: 'trl', contributor: 'ctb' };

/** `MARCREL.rcp`, `MARCREL.trl`, `MARCREL.ctb`: each agent once per role, in the record's order. */
function relatorTags(record: ArchivalRecord): DcHtmlTag[] {
  const tags: DcHtmlTag[] = [];
  for (const { role, agent } of record.agents) {
    if (role === 'author') continue;
    const name = `MARCREL.${RELATORS[role]}`;
    if (!tags.some((t) => t.tag === 'meta' && t.name === name && t.content === agent.name)) tags.push({ tag: 'meta', name, content: agent.name });
  }
  return tags;
}

export type DcHtmlTag = { tag: 'meta'; name: string; content: string; scheme?: string; lang?: string } | { tag: 'link'; rel: string; href: string };

export function dcHtmlTags(record: ArchivalRecord, urls: ServiceUrls): DcHtmlTag[] {
  const elements = dublinCoreElements(record, urls);
  const tags = elements
    .filter((element) => element.name !== 'contributor')
    .map((element): DcHtmlTag => {
      const name = element.refinement ? `DCTERMS.${element.refinement}` : `DC.${element.name}`;
      if (element.scheme === 'URI') return { tag: 'link', rel: name, href: element.value };
      const meta: DcHtmlTag = { tag: 'meta', name, content: element.value };
      if (element.scheme) meta.scheme = `DCTERMS.${element.scheme}`;
      if (element.language) meta.lang = element.language;
      return meta;
    });
  // Where DC.contributor would have been: after the publisher, before the date.
  const at = tags.findIndex((t) => t.tag === 'meta' && t.name === 'DC.publisher') + 1;
  tags.splice(at, 0, ...relatorTags(record));
  return tags;
}
