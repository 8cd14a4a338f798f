/**
 * The home page, `/`: what the archive holds (the collection tree by repository and fond, each
 * level linked to its IIIF collection and its OAI-PMH set), the records added or changed most
 * recently, and where machines start (OAI-PMH, the IIIF collections, the OpenAPI description,
 * the sitemap). One HTML document, a pure function of the overview read from the store and the
 * URLs; complete without JavaScript (it has none), styled by the landing page's style sheet and
 * served under its CSP. Every value is escaped. The same entry points are offered to machines as
 * typed links (`homeLinks`: the `Link` header, and an RFC 9264 link set at `/` for JSON clients).
 */
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { archivalCollectionPath } from '../iiif/presentation-3/collection-paths.ts';
import type { TypedLink } from '../signposting/signposting-links.ts';
import type { ServiceUrls } from '../urls.ts';
import { escapeHtml as e } from './escape-html.ts';
import { LANDING_CSS } from './landing-assets.ts';
import type { HomeOverview, RecentChanges } from './read-home-overview.ts';

export const OPENAPI_MEDIA_TYPE = 'application/vnd.oai.openapi+json';

export interface HomePageInput {
  overview: HomeOverview;
  urls: ServiceUrls;
  /** The service's name (the OAI-PMH repository name). */
  serviceName: string;
}

/** The typed links of the home page: the API description (RFC 8631 `service-desc`) and this page as its documentation for people. */
export function homeLinks(urls: ServiceUrls): TypedLink[] {
  return [
    { href: urls.openapi, rel: 'service-desc', type: OPENAPI_MEDIA_TYPE },
    { href: urls.home, rel: 'service-doc', type: 'text/html' },
  ];
}

/** The home page's links as an RFC 9264 JSON link set, anchored at the home page. */
export function buildHomeLinkset(urls: ServiceUrls): { linkset: { anchor: string; [rel: string]: unknown }[] } {
  const context: { anchor: string; [rel: string]: unknown } = { anchor: urls.home };
  for (const link of homeLinks(urls)) context[link.rel] = [{ href: link.href, ...(link.type ? { type: link.type } : {}) }];
  return { linkset: [context] };
}

const oaiIdentify = (urls: ServiceUrls) => `${urls.oai}?verb=Identify`;
const oaiSet = (urls: ServiceUrls, spec: string) => `${urls.oai}?${new URLSearchParams({ verb: 'ListRecords', metadataPrefix: 'oai_dc', set: spec })}`;
const day = (datestamp: string) => datestamp.slice(0, 10);
/** Words for screen readers that tell one "IIIF collection" link from the next. */
const hidden = (text: string) => `<span class="vh">${text}</span>`;

function setLinks(urls: ServiceUrls, spec: string, name: string): string {
  const path = archivalCollectionPath(spec);
  const collection = path ? `<a href="${e(urls.collection(path))}">IIIF collection${hidden(` of ${e(name)}`)}</a>` : '';
  const records = `<a href="${e(oaiSet(urls, spec))}">records in OAI-PMH${hidden(` of ${e(name)}`)}</a>`;
  return `<span class="set-links">${[collection, records].filter(Boolean).join(' · ')}</span>`;
}

function holdingsSection({ overview, urls }: HomePageInput): string {
  const lines = [
    '<section aria-labelledby="holdings">',
    '<h2 id="holdings">What the archive holds</h2>',
    `<p>Every record: <a href="${e(urls.collection('all'))}">the IIIF collection of all records</a>, and <a href="${e(urls.sitemap)}">the sitemap of their pages</a>.</p>`,
  ];
  if (overview.repositories.length === 0) {
    lines.push('<p>No record names an archival reference yet.</p>');
  } else {
    lines.push('<p>By repository and fond, as the records’ archival references name them:</p>', '<ul class="tree">');
    for (const repository of overview.repositories) {
      const fonds = repository.fonds.map((fond) => `<li><span class="set-name">${e(fond.name)}</span> ${setLinks(urls, fond.spec, fond.name)}</li>`);
      if (repository.moreFonds) fonds.push(`<li class="note">More fonds are listed in ${e(repository.name)}’s IIIF collection.</li>`);
      lines.push(
        `<li><span class="set-name">${e(repository.name)}</span> ${setLinks(urls, repository.spec, repository.name)}${fonds.length > 0 ? `\n<ul>\n${fonds.join('\n')}\n</ul>` : ''}</li>`,
      );
    }
    lines.push('</ul>');
    if (overview.moreRepositories)
      lines.push(`<p class="note">More repositories are listed in <a href="${e(urls.collection('top'))}">the top IIIF collection</a>.</p>`);
  }
  lines.push('</section>');
  return lines.join('\n');
}

/** `<time>` only for the date forms HTML accepts. */
function recordDate(record: ArchivalRecord): string {
  const edtf = record.date.edtf;
  if (edtf && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(edtf)) return `<time datetime="${e(edtf)}">${e(record.date.display)}</time>`;
  return e(record.date.display);
}

function recentItem(urls: ServiceUrls, record: ArchivalRecord): string {
  const facts = [record.genre ? e(record.genre) : '', recordDate(record), `changed <time datetime="${e(record.datestamp)}">${e(day(record.datestamp))}</time>`];
  return `<li><a href="${e(urls.record(record.id))}">${e(record.title)}</a><br>\n<span class="meta">${facts.filter(Boolean).join(' · ')}</span></li>`;
}

function recentSection({ overview, urls }: HomePageInput): string {
  const recent: RecentChanges = overview.recent;
  const lines = ['<section aria-labelledby="recent">', '<h2 id="recent">Recently added or changed</h2>'];
  const since = `<time datetime="${e(recent.since)}">${e(day(recent.since))}</time>`;
  if (recent.records.length === 0) {
    lines.push(`<p>No record has been added or changed in the past ${e(recent.window.label)}.</p>`);
  } else {
    lines.push(
      recent.more
        ? `<p>Some of the records added or changed in the past ${e(recent.window.label)} (since ${since}):</p>`
        : `<p>Added or changed in the past ${e(recent.window.label)} (since ${since}), newest first:</p>`,
      `<ol class="recent">\n${recent.records.map((record) => recentItem(urls, record)).join('\n')}\n</ol>`,
    );
  }
  if (recent.more) {
    const listed = `${urls.oai}?${new URLSearchParams({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', from: recent.since })}`;
    lines.push(`<p class="note">More changed since then: <a href="${e(listed)}">every change since ${since} in OAI-PMH</a>.</p>`);
  }
  lines.push('</section>');
  return lines.join('\n');
}

function machinesSection({ urls }: HomePageInput): string {
  const items: [string, string, string][] = [
    [oaiIdentify(urls), 'OAI-PMH 2.0', 'Dublin Core, MODS, MARCXML and DataCite; sets by repository, fond, opis, delo and document type'],
    [urls.collection('top'), 'IIIF collections', 'Presentation 3.0: every record, and the records by repository, fond, opis and delo'],
    [urls.activityStream, 'IIIF change feed', 'Change Discovery 1.0: every manifest created, updated or withdrawn, the newest last'],
    [urls.openapi, 'API description', 'OpenAPI 3.1: every route, its parameters and answers'],
    [urls.sitemap, 'Sitemap', 'every record’s page'],
  ];
  return [
    '<section aria-labelledby="machines">',
    '<h2 id="machines">For machines</h2>',
    `<ul class="downloads">\n${items.map(([href, label, what]) => `<li><a href="${e(href)}">${e(label)}</a> <span class="type">${e(what)}</span></li>`).join('\n')}\n</ul>`,
    '<p>Each record’s page offers its citation, its renderings (CSL-JSON, BibTeX, RIS, Dublin Core, MODS, MARCXML) and its IIIF manifest; reference managers find them through unAPI and the page’s metadata.</p>',
    '</section>',
  ].join('\n');
}

export function buildHomePage(input: HomePageInput): string {
  const { urls, serviceName } = input;
  const description = `${serviceName}: archival records with their translations and rights, their scans in IIIF, and their metadata for catalogues and reference managers.`;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(serviceName)}</title>`,
    `<meta name="description" content="${e(description)}">`,
    `<link rel="canonical" href="${e(urls.home)}">`,
    `<link rel="service-desc" type="${OPENAPI_MEDIA_TYPE}" href="${e(urls.openapi)}">`,
    `<link rel="sitemap" type="application/xml" href="${e(urls.sitemap)}">`,
    `<style>${LANDING_CSS}</style>`,
  ];
  const body = [
    `<header class="site">${e(serviceName)}</header>`,
    '<main>',
    `<h1>${e(serviceName)}</h1>`,
    '<p>Archival documents, each with its translation, its source and its rights as the archive states them: a page to read and cite it, its scans in a IIIF viewer, and its metadata for catalogues and reference managers.</p>',
    holdingsSection(input),
    recentSection(input),
    machinesSection(input),
    '</main>',
    `<footer class="site"><a href="${e(urls.openapi)}">API description</a> · <a href="${e(oaiIdentify(urls))}">OAI-PMH</a> · <a href="${e(urls.collection('top'))}">IIIF</a></footer>`,
  ];
  return `<!doctype html>\n<html lang="en">\n<head>\n${head.join('\n')}\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}
