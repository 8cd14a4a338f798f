/**
 * The page a withdrawn record's URL answers (410 Gone): what the record was, so a reader who
 * cited it knows this is the one (title, date, source as published, the URL they cited), and
 * when and why it was withdrawn. Nothing else of the record is shown. Every value is escaped.
 */
import type { Tombstone } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';
import { escapeHtml as e } from './escape-html.ts';
import { LANDING_CSS } from './landing-assets.ts';

const day = (iso: string) => iso.slice(0, 10);

export function buildTombstonePage(tombstone: Tombstone, urls: ServiceUrls): string {
  const url = urls.record(tombstone.id);
  const title = tombstone.formerly?.title ?? `Record ${tombstone.id}`;
  const facts: [string, string][] = [];
  if (tombstone.formerly?.date) facts.push(['Date', tombstone.formerly.date]);
  if (tombstone.formerly?.source) facts.push(['Source', tombstone.formerly.source]);
  facts.push(['Cited as', url]);
  facts.push(['Withdrawn', tombstone.withdrawal ? day(tombstone.withdrawal.at) : day(tombstone.datestamp)]);
  if (tombstone.withdrawal?.reason) facts.push(['Reason', tombstone.withdrawal.reason]);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Withdrawn: ${e(title)}</title>
<style>${LANDING_CSS}</style>
</head>
<body>
<main>
<p>This record has been withdrawn and is no longer published.</p>
<h1>${e(title)}</h1>
<dl>
${facts.map(([term, value]) => `<dt>${e(term)}</dt><dd>${e(value)}</dd>`).join('\n')}
</dl>
</main>
</body>
</html>
`;
}
