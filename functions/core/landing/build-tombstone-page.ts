/**
 * The page a withdrawn record's URL answers (410 Gone): what the record was, so a reader who
 * cited it knows this is the one (title, date, source as published, the URL they cited), when and
 * why it was withdrawn, and how to cite it now (as it was published, with the withdrawal). Nothing
 * else of the record is shown. Styled by the landing page's style sheet; no script. Every value is
 * escaped.
 */
import type { Tombstone } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { escapeHtml as e } from './escape-html.ts';
import { LANDING_CSS } from './landing-assets.ts';

const day = (iso: string) => iso.slice(0, 10);

export interface TombstonePageOptions {
  /** The service's name (the OAI-PMH repository name), for the header and the citation. */
  serviceName?: string;
}

/** The citation of a withdrawn record: as it was published, its URL, and the day it was withdrawn. */
export function tombstoneCitation(tombstone: Tombstone, urls: ServiceUrls, options: TombstonePageOptions = {}): string {
  const withdrawn = day(tombstone.withdrawal?.at ?? tombstone.datestamp);
  const parts = [tombstone.formerly?.title ?? `Record ${tombstone.id}`, tombstone.formerly?.date, tombstone.formerly?.source, options.serviceName]
    .filter((part): part is string => Boolean(part))
    .map((part) => (/[.?!]$/.test(part) ? part : `${part}.`));
  return `${parts.join(' ')} ${urls.record(tombstone.id)} (withdrawn ${withdrawn}).`;
}

export function buildTombstonePage(tombstone: Tombstone, urls: ServiceUrls, options: TombstonePageOptions = {}): string {
  const url = urls.record(tombstone.id);
  const title = tombstone.formerly?.title ?? `Record ${tombstone.id}`;
  const withdrawn = day(tombstone.withdrawal ? tombstone.withdrawal.at : tombstone.datestamp);
  const reason = tombstone.withdrawal?.reason;
  const facts: [string, string][] = [];
  if (tombstone.formerly?.date) facts.push(['Date', e(tombstone.formerly.date)]);
  if (tombstone.formerly?.source) facts.push(['Source', e(tombstone.formerly.source)]);
  facts.push(['Identifier', e(tombstone.id)]);
  facts.push(['Cited as', `<a href="${e(url)}">${e(url)}</a>`]);
  facts.push(['Withdrawn', `<time datetime="${e(withdrawn)}">${e(withdrawn)}</time>`]);
  facts.push(['Reason', reason ? e(reason) : 'No reason was recorded.']);
  const home = `<a href="${e(urls.home)}">${e(options.serviceName ?? 'The archive')}</a>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Withdrawn: ${e(title)}</title>
<style>${LANDING_CSS}</style>
</head>
<body>
<header class="site">${home}</header>
<main>
<p class="genre">Withdrawn record</p>
<h1>${e(title)}</h1>
<p>This record was withdrawn on <time datetime="${e(withdrawn)}">${e(withdrawn)}</time> and is no longer published. What it was is kept here, so that a citation of it can still be checked.</p>
<dl class="facts">
${facts.map(([term, value]) => `<dt>${e(term)}</dt>\n<dd>${value}</dd>`).join('\n')}
</dl>
<section aria-labelledby="cite">
<h2 id="cite">How to cite</h2>
<p>As it was published, with its URL and the day it was withdrawn:</p>
<p class="citation" id="citation-text">${e(tombstoneCitation(tombstone, urls, options))}</p>
</section>
<section aria-labelledby="more">
<h2 id="more">Elsewhere in the archive</h2>
<p><a href="${e(urls.home)}">The home page</a> says what the archive holds and lists the records added or changed recently.</p>
</section>
</main>
</body>
</html>
`;
}
