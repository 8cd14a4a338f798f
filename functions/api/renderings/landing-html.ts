/**
 * The landing page as a rendering: `/records/{id}.html`, and `/records/{id}` for browsers. It never
 * runs the citation processor: the citation box is filled from `/records/{id}/citation` (by the
 * page's script, or by following the form without JavaScript), so the page stays fast.
 */
import { CITATION_STYLES, DEFAULT_CITATION_STYLE } from '../../core/citation/citation-styles.ts';
import { buildLandingPage } from '../../core/landing/build-landing-page.ts';
import { LANDING_SECURITY_HEADERS } from '../../core/landing/landing-assets.ts';
import { formatLinkHeader, signpostingLinks } from '../../core/signposting/signposting-links.ts';
import type { Rendering } from './rendering.ts';
import { renderingResources } from './rendering-resources.ts';

/** `renderings` is read on each request, so the landing page lists every rendering registered beside it. */
export function landingHtml(renderings: () => readonly Rendering[]): Rendering {
  return {
    extension: 'html',
    label: 'Landing page (HTML)',
    contentType: 'text/html; charset=utf-8',
    mediaTypes: ['text/html', 'application/xhtml+xml'],
    relation: 'landing',
    render: (record, { urls }) => {
      const { downloads } = renderingResources(renderings(), record, urls);
      const styles = CITATION_STYLES.map((s) => ({ id: s.id, label: s.label }));
      return buildLandingPage({ record, urls, downloads, styles, defaultStyle: DEFAULT_CITATION_STYLE });
    },
    headers: (record, { urls }) => {
      const { metadata, content } = renderingResources(renderings(), record, urls);
      const links = signpostingLinks({ record, urls, metadata, content });
      links.push({ href: urls.linkset(record.id), rel: 'linkset', type: 'application/linkset+json' });
      return { ...LANDING_SECURITY_HEADERS, Link: formatLinkHeader(links), 'Content-Language': 'en' };
    },
  };
}
