/**
 * Dublin Core in HTML (DCMI's DC-HTML convention): `<meta name="DC.title">` for elements,
 * `DCTERMS.*` for refinements, `<link>` for URI values, with `scheme` and `lang` where the
 * statement has them. The statements themselves come from `dublinCoreElements`, the one mapping.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { dublinCoreElements } from '../dc/dublin-core-elements.ts';
import type { ServiceUrls } from '../urls.ts';

export const DC_SCHEMA_LINKS = [
  { rel: 'schema.DC', href: 'http://purl.org/dc/elements/1.1/' },
  { rel: 'schema.DCTERMS', href: 'http://purl.org/dc/terms/' },
] as const;

export type DcHtmlTag = { tag: 'meta'; name: string; content: string; scheme?: string; lang?: string } | { tag: 'link'; rel: string; href: string };

export function dcHtmlTags(record: ArchivalRecord, urls: ServiceUrls): DcHtmlTag[] {
  return dublinCoreElements(record, urls).map((element): DcHtmlTag => {
    const name = element.refinement ? `DCTERMS.${element.refinement}` : `DC.${element.name}`;
    if (element.scheme === 'URI') return { tag: 'link', rel: name, href: element.value };
    const meta: DcHtmlTag = { tag: 'meta', name, content: element.value };
    if (element.scheme) meta.scheme = `DCTERMS.${element.scheme}`;
    if (element.language) meta.lang = element.language;
    return meta;
  });
}
