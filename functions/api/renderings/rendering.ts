import type { ArchivalRecord } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../../core/urls.ts';

/** What a rendering may use besides the record: never storage, the clock or the environment. */
export interface RenderContext {
  urls: ServiceUrls;
  /** Query parameters and media-type parameters (e.g. `style`, `locale`) of the request. */
  params: ReadonlyMap<string, string>;
}

/** One dissemination of a record, served at `/records/{id}.{extension}` and by content negotiation. */
export interface Rendering {
  /** What follows the id in the URL: `json`, `csl.json`, `dc.xml`. */
  extension: string;
  /** Content-Type of the response. */
  contentType: string;
  /** Media types that select this rendering in an `Accept` header; empty for extension-only renderings. */
  mediaTypes: readonly string[];
  /** Parameters that change the output; they become part of the ETag. */
  varyingParams?: readonly string[];
  render(record: ArchivalRecord, context: RenderContext): string | Promise<string>;
  /** Name shown in download lists and `<link rel="alternate" title>`; defaults to the extension. */
  label?: string;
  /**
   * What the rendering is to the record, for FAIR Signposting: a metadata record (`describedby`,
   * the default), the record's content (`item`, e.g. the plain-text translation) or the landing
   * page itself (`landing`, never linked from itself).
   */
  relation?: 'describedby' | 'item' | 'landing';
  /** Extra response headers (security headers, `Link`). */
  headers?(record: ArchivalRecord, context: RenderContext): { [name: string]: string };
}
