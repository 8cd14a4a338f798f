/** What the renderings are to a record: metadata records, content, and the download list. */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import type { LandingDownload } from '../../core/landing/build-landing-page.ts';
import type { LinkedResource } from '../../core/signposting/signposting-links.ts';
import type { ServiceUrls } from '../../core/urls.ts';
import type { Rendering } from './rendering.ts';

/** The media type a rendering is known by: its first negotiable type, else its Content-Type without parameters. */
export const mediaTypeOf = (rendering: Rendering) => rendering.mediaTypes[0] ?? rendering.contentType.split(';')[0]?.trim() ?? rendering.contentType;

export interface RecordResources {
  metadata: LinkedResource[];
  content: LinkedResource[];
  downloads: LandingDownload[];
}

export function renderingResources(renderings: readonly Rendering[], record: ArchivalRecord, urls: ServiceUrls): RecordResources {
  const out: RecordResources = { metadata: [], content: [], downloads: [] };
  for (const rendering of renderings) {
    const relation = rendering.relation ?? 'describedby';
    if (relation === 'landing') continue;
    const resource = { href: urls.recordRendering(record.id, rendering.extension), type: mediaTypeOf(rendering) };
    (relation === 'item' ? out.content : out.metadata).push(resource);
    out.downloads.push({ ...resource, label: rendering.label ?? `.${rendering.extension}` });
  }
  return out;
}
