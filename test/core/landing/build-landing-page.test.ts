import { createHash } from 'node:crypto';
import { type HTMLElement, parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { RENDERINGS } from '../../../functions/api/renderings/index.ts';
import { CITATION_STYLES } from '../../../functions/core/citation/citation-styles.ts';
import { dublinCoreElements } from '../../../functions/core/dc/dublin-core-elements.ts';
import { buildLandingPage } from '../../../functions/core/landing/build-landing-page.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import type { ArchivalRecord, LeafImage } from '../../../schemas/record.ts';
import { record110020, TEST_BASE_URL, testApp } from '../../support/fixtures.ts';

const urls = serviceUrls(TEST_BASE_URL);
let record: ArchivalRecord;
let page: HTMLElement;
let headers: Headers;

beforeAll(async () => {
  record = await record110020();
  const { app } = await testApp();
  const res = await app.request('/records/110020', { headers: { Accept: 'text/html' } });
  headers = res.headers;
  page = parse(await res.text());
});

const meta = (name: string) => page.querySelectorAll(`meta[name="${name}"]`).map((m) => m.getAttribute('content'));
const build = (r: ArchivalRecord) =>
  parse(buildLandingPage({ record: r, urls, downloads: [], styles: CITATION_STYLES, defaultStyle: 'chicago-notes-bibliography' }));

describe('landing page head: what reference managers and search engines read', () => {
  it.each([
    [
      'citation_title',
      ['Telegram from Mao Zedong to I.V. Stalin, Conveying the 19 January 1951 Telegram from Peng Dehuai to Mao Zedong regarding Meetings with Kim Il Sung'],
    ],
    ['citation_author', ['Mao, Zedong']],
    ['citation_publication_date', ['1951/01/27']],
    ['citation_publisher', ['History and Public Policy Program Digital Archive']],
    ['citation_fulltext_html_url', [`${TEST_BASE_URL}/records/110020`]],
  ])('has Highwire %s', (name, values) => {
    expect(meta(name)).toEqual(values);
  });

  it('declares the DC and DCTERMS schemas', () => {
    const links = page.querySelectorAll('link').map((l) => [l.getAttribute('rel'), l.getAttribute('href')]);
    expect(links).toContainEqual(['schema.DC', 'http://purl.org/dc/elements/1.1/']);
    expect(links).toContainEqual(['schema.DCTERMS', 'http://purl.org/dc/terms/']);
  });

  it('carries every Dublin Core statement of the shared DC mapping, and no other, a contributor by its MARC relator', () => {
    const expected = dublinCoreElements(record, urls)
      .filter((el) => el.name !== 'contributor')
      .map((el) => [el.refinement ? `DCTERMS.${el.refinement}` : `DC.${el.name}`, el.value]);
    const found = page
      .querySelectorAll('meta, link')
      .map((el) => (el.tagName === 'META' ? [el.getAttribute('name'), el.getAttribute('content')] : [el.getAttribute('rel'), el.getAttribute('href')]))
      .filter(([name]) => /^(DC|DCTERMS)\./.test(name ?? ''));
    expect(found).toEqual(expected);
    // Not DC.contributor: Zotero's RDF import takes dc:contributor for the authors of a record that has none.
    expect(meta('MARCREL.rcp')).toEqual(['I.V. Stalin']);
  });

  it('marks dates and types with their DCMI encoding schemes', () => {
    expect(page.querySelector('meta[name="DCTERMS.created"]')?.getAttribute('scheme')).toBe('DCTERMS.W3CDTF');
    expect(page.querySelector('meta[name="DC.type"][scheme="DCTERMS.DCMIType"]')?.getAttribute('content')).toBe('Text');
  });

  it('has schema.org JSON-LD describing a message held in an archive', () => {
    const script = page.querySelector('script[type="application/ld+json"]');
    const data = JSON.parse(script?.textContent ?? '{}');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': ['Message', 'ArchiveComponent'],
      name: record.title,
      sender: [{ name: 'Mao Zedong' }],
      recipient: [{ name: 'I.V. Stalin' }],
      dateSent: '1951-01-27',
      holdingArchive: { '@type': 'ArchiveOrganization', name: 'History and Public Policy Program Digital Archive' },
      itemLocation: 'APRF, f. 45, op. 1, d. 337, ll. 37-40',
      license: 'http://rightsstatements.org/vocab/InC-EDU/1.0/',
      copyrightNotice: record.rights.statement,
    });
  });

  it('names the unAPI server and the record unAPI id', () => {
    expect(page.querySelector('link[rel="unapi-server"]')?.getAttribute('href')).toBe(`${TEST_BASE_URL}/unapi`);
    expect(page.querySelector('abbr.unapi-id')?.getAttribute('title')).toBe('110020');
  });

  it('links every other rendering as an alternate with its media type', () => {
    const alternates = page.querySelectorAll('link[rel="alternate"]').map((l) => l.getAttribute('href'));
    const expected = RENDERINGS.filter((r) => r.relation !== 'landing').map((r) => urls.recordRendering('110020', r.extension));
    expect(alternates).toEqual(expected);
    expect(page.querySelector('link[rel="alternate"][type="application/x-research-info-systems"]')).not.toBeNull();
  });

  it('has neither OpenGraph nor COinS, which make importers save a web page', () => {
    expect(page.querySelectorAll('meta').filter((m) => (m.getAttribute('property') ?? '').startsWith('og:'))).toHaveLength(0);
    expect(page.querySelectorAll('.Z3988')).toHaveLength(0);
  });
});

describe('landing page body: readable without JavaScript', () => {
  it('shows the title, the date, sender, recipient and archival reference', () => {
    expect(page.querySelector('h1')?.text).toBe(record.title);
    const facts = Object.fromEntries(page.querySelectorAll('dl.facts dt').map((dt) => [dt.text, dt.nextElementSibling?.text ?? '']));
    expect(facts).toMatchObject({
      Date: 'January 27, 1951',
      From: 'Mao Zedong',
      To: 'I.V. Stalin',
    });
    expect(facts['Archival reference']).toContain('APRF, f. 45, op. 1, d. 337, ll. 37-40.');
    expect(facts['Archival reference']).toContain('Archive of the President of the Russian Federation');
  });

  it('shows the summary and the whole translation', () => {
    const text = page.querySelector('.translation')?.text ?? '';
    expect(text).toContain('SECOND MAIN ADMINISTRATION OF THE GENERAL STAFF OF THE SOVIET ARMY');
    expect(text).toContain('With bolshevik greetings!');
    expect(page.querySelector('#summary')?.nextElementSibling?.text).toBe(record.summary);
  });

  it('shows the rights statement with its rightsstatements.org link', () => {
    const link = page.querySelector('#rights ~ p a[rel="license"]');
    expect(link?.getAttribute('href')).toBe('http://rightsstatements.org/vocab/InC-EDU/1.0/');
    expect(link?.text).toContain('In Copyright - Educational Use Permitted');
  });

  it('offers a citation form for every style that works without a script', () => {
    const form = page.querySelector('#cite-form');
    expect(form?.getAttribute('action')).toBe(`${TEST_BASE_URL}/records/110020/citation`);
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.querySelectorAll('select[name="style"] option').map((o) => o.getAttribute('value'))).toEqual(CITATION_STYLES.map((s) => s.id));
    expect(form?.querySelector('button[type="submit"]')).not.toBeNull();
    expect(page.querySelector('#citation-text a')?.getAttribute('href')).toBe(
      `${TEST_BASE_URL}/records/110020/citation?style=chicago-notes-bibliography&form=bibliography&format=text`,
    );
  });

  it('links the IIIF manifest', () => {
    const manifest = `${TEST_BASE_URL}/iiif/3/110020/manifest`;
    expect(page.querySelector('a.iiif')?.getAttribute('href')).toBe(manifest);
    expect(page.querySelector('a.iiif')?.text).toContain('IIIF manifest');
  });

  it('lists a download link for every other rendering', () => {
    const downloads = page.querySelectorAll('ul.downloads a').map((a) => a.getAttribute('href'));
    expect(downloads).toEqual(RENDERINGS.filter((r) => r.relation !== 'landing').map((r) => urls.recordRendering('110020', r.extension)));
  });

  it('has no inline event handlers and no style attributes', () => {
    const attributes = page.querySelectorAll('*').flatMap((el) => Object.keys(el.attributes));
    expect(attributes.filter((a) => a.startsWith('on') || a === 'style')).toEqual([]);
  });
});

describe('the viewer link: near the top, and honest', () => {
  const image = (leaf: number, placeholder: boolean): LeafImage => ({
    id: `110020-l${leaf}`,
    leaf: { number: leaf, reverse: false },
    width: 1000,
    height: 1400,
    levels: [{ width: 1000, height: 1400 }],
    tileSize: 512,
    placeholder,
    sha256: '0'.repeat(64),
  });
  const viewerHref = urls.viewer(urls.manifest('110020'));
  const withImages = (images: LeafImage[]) => build({ ...record, images });

  it('offers no viewer when there is nothing to view', () => {
    const p = withImages([]);
    expect(p.querySelector('.viewer')).toBeNull();
    expect(p.querySelectorAll('a').map((a) => a.getAttribute('href'))).not.toContain(viewerHref);
  });

  it('offers no viewer when the only image is the placeholder of a document whose source cites no leaf', () => {
    const p = withImages([image(0, true)]);
    expect(p.querySelector('.viewer')).toBeNull();
    expect(p.querySelectorAll('a').map((a) => a.getAttribute('href'))).not.toContain(viewerHref);
  });

  it('says the viewer shows placeholders when no leaf has a scan', () => {
    const p = withImages([37, 38, 39, 40].map((leaf) => image(leaf, true)));
    expect(p.querySelector('.viewer a')?.getAttribute('href')).toBe(viewerHref);
    expect(p.querySelector('.viewer a')?.text).toBe('Open the record in the viewer');
    expect(p.querySelector('.viewer .note')?.text).toBe('No scans yet: the viewer shows placeholder images for ll. 37-40.');
  });

  it('names the scanned leaves, and the ones that show placeholders', () => {
    const p = withImages([image(37, false), image(38, true), image(39, true), image(40, false)]);
    expect(p.querySelector('.viewer a')?.text).toBe('View the scans in the viewer (ll. 37, 40)');
    expect(p.querySelector('.viewer .note')?.text).toBe('No scan yet of ll. 38-39: the viewer shows placeholder images for them.');
  });

  it('says nothing of placeholders when every leaf is scanned', () => {
    const p = withImages([image(37, false)]);
    expect(p.querySelector('.viewer a')?.text).toBe('View the scans in the viewer (l. 37)');
    expect(p.querySelector('.viewer .note')).toBeNull();
  });

  it('calls a scan of a document whose source cites no leaf the document', () => {
    expect(withImages([image(0, false)]).querySelector('.viewer a')?.text).toBe('View the scans in the viewer (the document)');
  });

  it('comes right after the facts, before the summary and the translation', () => {
    const p = withImages([image(37, false)]);
    const order = p.querySelectorAll('dl.facts, .viewer, #summary, .translation').map((el) => el.getAttribute('class') ?? el.getAttribute('id'));
    expect(order).toEqual(['facts', 'viewer', 'summary', 'translation']);
  });
});

describe('escaping', () => {
  it.each([
    ['a title', (r: ArchivalRecord) => ({ ...r, title: '</title><script>alert(1)</script> & "quoted"' }), (p: HTMLElement) => p.querySelector('h1')?.text],
    [
      'a summary',
      (r: ArchivalRecord) => ({ ...r, summary: '<img src=x onerror=alert(1)>' }),
      (p: HTMLElement) => p.querySelector('#summary')?.nextElementSibling?.text,
    ],
  ])('writes %s as text, never markup', (_label, change, read) => {
    const changed = change(record);
    const p = build(changed);
    expect(read(p)).toBe(changed.title === record.title ? changed.summary : changed.title);
    expect(p.querySelectorAll('script').map((s) => s.getAttribute('type') ?? 'executable')).toEqual(['application/ld+json', 'executable']);
    expect(p.querySelectorAll('script:not([type])').filter((s) => s.textContent.includes('alert(1)'))).toHaveLength(0);
    expect(p.querySelectorAll('img')).toHaveLength(0);
  });

  it('keeps a JSON-LD value from closing its script element', () => {
    const p = build({ ...record, title: '</script><script>alert(1)</script>' });
    const data = JSON.parse(p.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}');
    expect(data.name).toBe('</script><script>alert(1)</script>');
  });
});

describe('landing page response headers', () => {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

  it('allows exactly its own inline script and style by hash, and no eval', () => {
    const csp = headers.get('content-security-policy') ?? '';
    const script = page.querySelectorAll('script').find((s) => !s.getAttribute('type'));
    const style = page.querySelector('style');
    expect(csp).toContain(`script-src ${hash(script?.textContent ?? '')}`);
    expect(csp).toContain(`style-src ${hash(style?.textContent ?? '')}`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });

  it.each([
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    ['content-type', 'text/html; charset=utf-8'],
    ['content-location', `${TEST_BASE_URL}/records/110020.html`],
  ])('sends %s: %s', (name, value) => {
    expect(headers.get(name)).toBe(value);
  });

  it('is served the same at /records/{id}.html', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/110020.html');
    expect(res.headers.get('content-security-policy')).toBe(headers.get('content-security-policy'));
    expect(parse(await res.text()).querySelector('h1')?.text).toBe(record.title);
  });
});
