/**
 * The record's landing page: one HTML document, a pure function of the record, the URLs and the
 * already formatted citation. Readable without JavaScript; every value is escaped. Its head
 * carries what reference managers and search engines read: Highwire `citation_*` tags, Dublin
 * Core (`DC.*`/`DCTERMS.*`), schema.org JSON-LD, the unAPI server and id, FAIR Signposting
 * `cite-as`/`linkset`, and an `alternate` link for every rendering. No OpenGraph and no COinS:
 * both make some importers save the record as a web page instead of a letter.
 */
import type { Agent, ArchivalRecord, LeafImage, RecordText } from '../../../schemas/record.ts';
import { citationFacts } from '../citation/citation-facts.ts';
import { describeArchivalReference } from '../records/describe-archival-reference.ts';
import { isDocumentImage, leafCitation } from '../records/leaves.ts';
import { archivalReferencesOf } from '../records/source-references.ts';
import { describeRights } from '../rights/describe-rights.ts';
import type { ServiceUrls } from '../urls.ts';
import { buildSchemaOrg } from './build-schema-org.ts';
import { DC_SCHEMA_LINKS, dcHtmlTags } from './dc-html.ts';
import { escapeHtml as e, jsonForScript } from './escape-html.ts';
import { CITATION_SCHEMA_LINKS, highwireMeta } from './highwire-meta.ts';
import { LANDING_CSS, LANDING_SCRIPT } from './landing-assets.ts';

export interface LandingDownload {
  label: string;
  href: string;
  /** Media type, for `type` attributes and `<link rel="alternate">`. */
  type: string;
}

export interface LandingPageInput {
  record: ArchivalRecord;
  urls: ServiceUrls;
  downloads: readonly LandingDownload[];
  /** Citation styles offered in the style selector. */
  styles: readonly { id: string; label: string }[];
  defaultStyle: string;
}

const attrs = (pairs: { [name: string]: string | undefined }) =>
  Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${e(v as string)}"`)
    .join('');

/** Paragraphs at blank lines, line breaks kept within a paragraph. */
function paragraphs(text: string): string {
  return text
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${e(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

const names = (agents: readonly Agent[]) => agents.map((a) => e(a.name)).join('; ');

function head(input: LandingPageInput): string {
  const { record, urls } = input;
  const landing = urls.record(record.id);
  const lines = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(record.title)} | ${e(record.publisher.name)}</title>`,
    record.summary ? `<meta name="description"${attrs({ content: record.summary })}>` : '',
    `<link rel="canonical"${attrs({ href: landing })}>`,
    `<link rel="cite-as"${attrs({ href: landing })}>`,
    `<link rel="license"${attrs({ href: record.rights.uri })}>`,
    `<link rel="linkset"${attrs({ type: 'application/linkset+json', href: urls.linkset(record.id) })}>`,
    `<link rel="unapi-server"${attrs({ type: 'application/xml', title: 'unAPI', href: urls.unapi })}>`,
    ...input.downloads.map((d) => `<link rel="alternate"${attrs({ type: d.type, title: d.label, href: d.href })}>`),
    ...CITATION_SCHEMA_LINKS.map((l) => `<link${attrs({ rel: l.rel, href: l.href })}>`),
    ...highwireMeta(record, urls).map(([name, content]) => `<meta${attrs({ name, content })}>`),
    ...DC_SCHEMA_LINKS.map((l) => `<link${attrs({ rel: l.rel, href: l.href })}>`),
    ...dcHtmlTags(record, urls).map((t) =>
      t.tag === 'link'
        ? `<link${attrs({ rel: t.rel, href: t.href })}>`
        : `<meta${attrs({ name: t.name, scheme: t.scheme, lang: t.lang, content: t.content })}>`,
    ),
    `<script type="application/ld+json">\n${jsonForScript(buildSchemaOrg(record, urls))}\n</script>`,
    `<style>${LANDING_CSS}</style>`,
  ];
  return lines.filter(Boolean).join('\n');
}

/** `<time>` only for the date forms HTML accepts (`1951`, `1951-01`, `1951-01-27`). */
function dateHtml(record: ArchivalRecord): string {
  const edtf = record.date.edtf;
  if (edtf && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(edtf)) return `<time datetime="${e(edtf)}">${e(record.date.display)}</time>`;
  return e(record.date.display);
}

function facts(input: LandingPageInput): string {
  const { record, urls } = input;
  const f = citationFacts(record, urls);
  const rows: [string, string][] = [['Date', dateHtml(record)]];
  if (f.authors.length > 0) rows.push(['From', names(f.authors)]);
  if (f.recipients.length > 0) rows.push(['To', names(f.recipients)]);
  if (f.translators.length > 0) rows.push(['Translated by', names(f.translators)]);
  if (f.contributors.length > 0) rows.push(['Contributed by', names(f.contributors)]);
  const references = archivalReferencesOf(record.source);
  if (references.length > 0) {
    rows.push(['Archival reference', [record.source.citation, ...references.map(describeArchivalReference)].map(e).join('<br>\n')]);
  } else {
    rows.push(['Source', e(record.source.citation)]);
  }
  const place = record.publisher.place ? `, ${e(record.publisher.place)}` : '';
  const institution = record.publisher.institution ? ` (${e(record.publisher.institution)})` : '';
  rows.push(['Archive', `<a${attrs({ href: record.publisher.homepage })}>${e(record.publisher.name)}</a>${institution}${place}`]);
  for (const doc of record.embeddedDocuments) rows.push([doc.relation === 'conveys' ? 'Conveys' : 'Encloses', e(doc.description)]);
  const languages = [...(record.languages ?? []), ...(record.languageLabels ?? [])];
  if (languages.length > 0) rows.push(['Language of the original', e(languages.join(', '))]);
  if (record.subjects.length > 0) rows.push(['Subjects', e(record.subjects.map((s) => s.term).join('; '))]);
  if (record.places.length > 0) rows.push(['Places', e(record.places.map((p) => p.name).join('; '))]);
  if (record.temporalCoverage) rows.push(['Period covered', e(record.temporalCoverage)]);
  rows.push(['Identifier', `<abbr class="unapi-id"${attrs({ title: record.id })}>${e(record.id)}</abbr>`]);
  return `<dl class="facts">\n${rows.map(([k, v]) => `<dt>${k}</dt>\n<dd>${v}</dd>`).join('\n')}\n</dl>`;
}

function textSection(text: RecordText, index: number, all: readonly RecordText[]): string {
  const sameKind = all.filter((t) => t.kind === text.kind).length > 1;
  const title = `${text.kind === 'translation' ? 'Translation' : 'Transcription'}${sameKind ? ` (${e(text.language)})` : ''}`;
  const id = `text-${index + 1}`;
  return `<section aria-labelledby="${id}">\n<h2 id="${id}">${title}</h2>\n<div class="translation"${attrs({ lang: text.language })}>\n${paragraphs(text.text)}\n</div>\n</section>`;
}

function rightsSection(input: LandingPageInput): string {
  const { record, urls } = input;
  const r = describeRights(record.rights);
  const badge = r.statementId ? `<span class="badge">${e(r.statementId)}</span>` : '';
  const contact = r.contact ? `<p>Rights enquiries: <a${attrs({ href: `mailto:${r.contact.email}` })}>${e(r.contact.name ?? r.contact.email)}</a></p>` : '';
  return [
    '<section aria-labelledby="rights">',
    '<h2 id="rights">Rights</h2>',
    `<p><a rel="license"${attrs({ href: r.uri })}>${badge}${e(r.label)}</a></p>`,
    `<blockquote class="rights">\n${r.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}\n</blockquote>`,
    contact,
    `<p><a${attrs({ href: urls.rights(record.id), type: 'application/json' })}>Rights as JSON</a></p>`,
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The citation box. The page itself never formats citations: the script fills the box from the
 * citation route and keeps it in step with the selectors; without JavaScript, the form (or the
 * link in the box) opens the formatted citation.
 */
function citeSection(input: LandingPageInput): string {
  const { record, urls } = input;
  const options = input.styles
    .map((s) => `<option${attrs({ value: s.id })}${s.id === input.defaultStyle ? ' selected' : ''}>${e(s.label)}</option>`)
    .join('\n');
  const defaultLabel = input.styles.find((s) => s.id === input.defaultStyle)?.label ?? input.defaultStyle;
  const query = new URLSearchParams({ style: input.defaultStyle, form: 'bibliography', format: 'text' });
  return [
    '<section aria-labelledby="cite">',
    '<h2 id="cite">Cite this record</h2>',
    `<form class="cite-form" id="cite-form" method="get"${attrs({ action: urls.citation(record.id) })}>`,
    '<label for="cite-style">Style</label>',
    `<select id="cite-style" name="style">\n${options}\n</select>`,
    '<label for="cite-form-kind">Form</label>',
    '<select id="cite-form-kind" name="form">\n<option value="bibliography" selected>Bibliography</option>\n<option value="note">Note</option>\n</select>',
    '<input type="hidden" name="format" value="text">',
    '<button type="submit">Show citation</button>',
    '</form>',
    `<div class="citation" id="citation-text" aria-live="polite"><a${attrs({ href: `${urls.citation(record.id)}?${query}` })}>${e(defaultLabel)}: show the citation</a></div>`,
    '<p class="cite-actions"><button type="button" id="copy-citation" hidden>Copy citation</button></p>',
    '</section>',
  ].join('\n');
}

/** Leaves as archivists cite them: `l. 37`, `ll. 37-40`; the document's image as "the document". */
function leavesLabel(images: readonly LeafImage[]): string {
  const leaves = images.filter((image) => !isDocumentImage(image)).map((image) => image.leaf);
  const cited = leaves.length === 0 ? '' : leafCitation(leaves);
  return [images.some(isDocumentImage) ? 'the document' : '', cited].filter(Boolean).join(', ');
}

/**
 * The viewer link, near the top of the page, and honest: none when there is nothing to view (no
 * image, or only the placeholder that stands for a document whose source cites no leaf); when
 * leaves have no scan, it says that the viewer shows placeholders for them.
 */
function viewerSection(input: LandingPageInput): string {
  const { record, urls } = input;
  const { images } = record;
  if (images.every((image) => image.placeholder && isDocumentImage(image))) return '';
  const href = urls.viewer(urls.manifest(record.id));
  const placeholders = images.filter((image) => image.placeholder);
  let link: string;
  let note: string;
  if (placeholders.length === images.length) {
    link = 'Open the record in the viewer';
    note = `No scans yet: the viewer shows placeholder images for ${leavesLabel(images)}.`;
  } else if (placeholders.length > 0) {
    link = `View the scans in the viewer (${leavesLabel(images.filter((image) => !image.placeholder))})`;
    note = `No scan yet of ${leavesLabel(placeholders)}: the viewer shows placeholder images for ${placeholders.length === 1 ? 'it' : 'them'}.`;
  } else {
    link = `View the scans in the viewer (${leavesLabel(images)})`;
    note = '';
  }
  const lines = [`<p><a${attrs({ href })}>${e(link)}</a></p>`];
  if (note) lines.push(`<p class="note">${e(note)}</p>`);
  return `<div class="viewer" id="viewer">\n${lines.join('\n')}\n</div>`;
}

function downloadsSection(input: LandingPageInput): string {
  const { record, urls } = input;
  const manifest = urls.manifest(record.id);
  const items = input.downloads.map((d) => `<li><a${attrs({ href: d.href, type: d.type })}>${e(d.label)}</a> <span class="type">${e(d.type)}</span></li>`);
  return [
    '<section aria-labelledby="downloads">',
    '<h2 id="downloads">View and download</h2>',
    `<p><a class="iiif"${attrs({ href: manifest, type: 'application/ld+json', title: 'IIIF manifest: drag into any IIIF viewer' })}><span class="iiif-mark" aria-hidden="true">IIIF</span>IIIF manifest</a></p>`,
    `<ul class="downloads">\n${items.join('\n')}\n</ul>`,
    '</section>',
  ].join('\n');
}

export function buildLandingPage(input: LandingPageInput): string {
  const { record } = input;
  const summary = record.summary ? `<section aria-labelledby="summary">\n<h2 id="summary">Summary</h2>\n${paragraphs(record.summary)}\n</section>` : '';
  const body = [
    `<header class="site"><a${attrs({ href: record.publisher.homepage })}>${e(record.publisher.name)}</a></header>`,
    '<main>',
    '<article>',
    record.genre ? `<p class="genre">${e(record.genre)}</p>` : '',
    `<h1>${e(record.title)}</h1>`,
    facts(input),
    viewerSection(input),
    summary,
    ...record.texts.map((t, i, all) => textSection(t, i, all)),
    rightsSection(input),
    citeSection(input),
    downloadsSection(input),
    '</article>',
    '</main>',
    `<footer class="site">Original record: <a${attrs({ href: record.provenance.originalUrl })}>${e(record.provenance.originalUrl)}</a></footer>`,
    `<script>${LANDING_SCRIPT}</script>`,
  ];
  return `<!doctype html>\n<html lang="en">\n<head>\n${head(input)}\n</head>\n<body>\n${body.filter(Boolean).join('\n')}\n</body>\n</html>\n`;
}
