/**
 * FAIR Signposting (level 1 and 2) for a record: the typed links a machine needs to go from the
 * landing page to the persistent identifier (`cite-as`), the metadata records (`describedby`),
 * the content (`item`), the licence, the authors and the type. The same links feed the `Link`
 * header of the landing page and the RFC 9264 link set at `/linkset/{id}`.
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';

export interface TypedLink {
  href: string;
  rel: string;
  type?: string;
  profile?: string;
}

/** A resource that the request layer knows about (a rendering), with its media type. */
export interface LinkedResource {
  href: string;
  type: string;
}

export interface SignpostingInput {
  record: ArchivalRecord;
  urls: ServiceUrls;
  /** Metadata records about the record (CSL-JSON, BibTeX, MODS, ...). */
  metadata: readonly LinkedResource[];
  /** Renderings that are content of the record (the plain-text translation). */
  content: readonly LinkedResource[];
}

export const IIIF_PRESENTATION_3_PROFILE = 'http://iiif.io/api/presentation/3/context.json';
export const LANDING_PAGE_TYPES = ['https://schema.org/AboutPage', 'https://schema.org/ArchiveComponent'] as const;

/** The content of the record: its IIIF manifest, its full-size images and text renderings. */
export function contentLinks({ record, urls, content }: SignpostingInput): TypedLink[] {
  const links: TypedLink[] = [{ href: urls.manifest(record.id), rel: 'item', type: 'application/ld+json', profile: IIIF_PRESENTATION_3_PROFILE }];
  for (const image of record.images) links.push({ href: urls.imageFull(image.id), rel: 'item', type: 'image/jpeg' });
  for (const resource of content) links.push({ href: resource.href, rel: 'item', type: resource.type });
  return links;
}

/** Every link the landing page carries, in a stable order. */
export function signpostingLinks(input: SignpostingInput): TypedLink[] {
  const { record, urls } = input;
  const links: TypedLink[] = [{ href: urls.record(record.id), rel: 'cite-as' }];
  for (const type of LANDING_PAGE_TYPES) links.push({ href: type, rel: 'type' });
  for (const { role, agent } of record.agents) {
    if (role !== 'author') continue;
    for (const uri of agent.sameAs ?? []) links.push({ href: uri, rel: 'author' });
  }
  for (const resource of input.metadata) links.push({ href: resource.href, rel: 'describedby', type: resource.type });
  links.push(...contentLinks(input));
  links.push({ href: record.rights.uri, rel: 'license' });
  return links;
}

const quoted = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** One link in RFC 8288 syntax: `<href>; rel="item"; type="image/jpeg"`. */
export function formatLink(link: TypedLink): string {
  let out = `<${link.href}>; rel=${quoted(link.rel)}`;
  if (link.type) out += `; type=${quoted(link.type)}`;
  if (link.profile) out += `; profile=${quoted(link.profile)}`;
  return out;
}

/** A `Link` header value. */
export const formatLinkHeader = (links: readonly TypedLink[]) => links.map(formatLink).join(', ');

type LinksetTarget = { href: string; type?: string; profile?: string };
type LinksetContext = { anchor: string } & { [rel: string]: LinksetTarget[] | string };

/**
 * The RFC 9264 JSON link set (`application/linkset+json`): the landing page's links, and the
 * inverse links (`describes`, `collection`) from each metadata record and content resource back
 * to it. Every URI is absolute.
 */
export function buildLinkset(input: SignpostingInput): { linkset: LinksetContext[] } {
  const landing = input.urls.record(input.record.id);
  const main: LinksetContext = { anchor: landing };
  for (const link of signpostingLinks(input)) {
    const target: LinksetTarget = { href: link.href };
    if (link.type) target.type = link.type;
    if (link.profile) target.profile = link.profile;
    const list = main[link.rel];
    if (Array.isArray(list)) list.push(target);
    else main[link.rel] = [target];
  }
  const contexts: LinksetContext[] = [main];
  for (const resource of input.metadata) contexts.push({ anchor: resource.href, describes: [{ href: landing }] });
  for (const link of contentLinks(input)) contexts.push({ anchor: link.href, collection: [{ href: landing }] });
  return { linkset: contexts };
}

/** The same link set in the `application/linkset` text format (RFC 9264 section 4.1). */
export function formatLinksetText(input: SignpostingInput): string {
  const { linkset } = buildLinkset(input);
  const lines: string[] = [];
  for (const context of linkset) {
    for (const [rel, targets] of Object.entries(context)) {
      if (rel === 'anchor' || !Array.isArray(targets)) continue;
      for (const t of targets) {
        const link: TypedLink = { href: t.href, rel };
        if (t.type) link.type = t.type;
        if (t.profile) link.profile = t.profile;
        lines.push(`${formatLink(link)}; anchor=${quoted(context.anchor)}`);
      }
    }
  }
  return `${lines.join(',\n')}\n`;
}
