import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withdrawRecord } from '../../functions/core/ingest/withdraw-record.ts';
import { negotiate, parseAccept, prefersNamed } from '../../functions/http/negotiate.ts';
import { fixedClock, TEST_BASE_URL, testApp } from '../support/fixtures.ts';

/**
 * The `Accept` headers real clients send when they open a record's URL, exactly as they send them.
 * Zotero's translation-server sets `Accept: *\/*` on every request it makes (zotero/translation-server
 * src/http.js, `Zotero.HTTP.request`: `'Accept': '*\/*'`), and Wikipedia's Citoid hands a URL to
 * translation-server (wikimedia/mediawiki-services-citoid lib/ZoteroService.js, `zoteroWebRequest`
 * POSTs it to `/web`), so both read the page. curl sends `*\/*` (MDN, Accept). Chromium's value
 * is the one this machine's Chromium 156 sent for a navigation; Firefox's is Firefox 92 and later's
 * (MDN, "List of default Accept values"); Safari's is the document `Accept` of the Fetch standard,
 * which Safari sends.
 */
const CLIENT_ACCEPT: readonly (readonly [client: string, accept: string | undefined])[] = [
  ["Zotero's translation-server (and the Zotero Connector's server-side path)", '*/*'],
  ["Wikipedia's Citoid, through translation-server", '*/*'],
  ['curl', '*/*'],
  ['a client that sends no Accept', undefined],
  [
    'Chromium 156',
    'text/html,application/xhtml+xml,application/xml;q=0.9,image/jxl,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7',
  ],
  ['Firefox 92 and later', 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'],
  ['Safari', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'],
];

async function get(accept?: string) {
  const { app } = await testApp();
  return app.request('/records/110020', accept === undefined ? {} : { headers: { Accept: accept } });
}

describe('Accept parsing', () => {
  it('reads types, parameters and quality values', () => {
    const [range] = parseAccept('text/x-bibliography; style="apa"; locale=en-US; q=0.7');
    expect(range).toMatchObject({ type: 'text', subtype: 'x-bibliography', q: 0.7 });
    expect(Object.fromEntries(range?.params ?? [])).toEqual({ style: 'apa', locale: 'en-US' });
  });

  it.each(['text', 'text/html/x', '*/html', 'text/html; q=2', 'text/html; q=0.1234', 'text/html; noequals'])('skips the malformed member %s', (member) => {
    expect(parseAccept(`${member}, application/json`).map((r) => `${r.type}/${r.subtype}`)).toEqual(['application/json']);
  });

  it('never throws, whatever the header', () => {
    const offers = [{ mediaType: 'text/html', value: 'html' }];
    const members = fc.constantFrom('text/html', '*/*', 'text/*', ';', ',', '"', 'q=', '0.5', ' ', '=', 'style="a,b"', '\\');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(members).map((parts) => parts.join('')),
        ),
        (header) => {
          negotiate(header, offers);
        },
      ),
    );
  });

  it('never chooses an alias of a type the header refuses', () => {
    const offers = [
      { mediaType: 'text/html', value: 'page' },
      { mediaType: 'application/xhtml+xml', sends: 'text/html', value: 'page' },
      { mediaType: 'application/json', value: 'json' },
    ];
    expect(negotiate('text/html;q=0, */*;q=0.1', offers)?.offer.value).toBe('json');
    expect(negotiate('application/xhtml+xml', offers)?.offer.value).toBe('page');
  });

  it('prefers a named type over a wildcard of the same quality, then the server order', () => {
    const offers = [
      { mediaType: 'application/json', value: 'json' },
      { mediaType: 'application/x-bibtex', value: 'bib' },
    ];
    expect(negotiate('*/*, application/x-bibtex', offers)?.offer.value).toBe('bib');
    expect(negotiate('*/*', offers)?.offer.value).toBe('json');
  });
});

describe('an explicit preference between two named types (IIIF info.json)', () => {
  const json = 'application/json';
  const ld = 'application/ld+json';
  it.each([
    [undefined, false],
    ['', false],
    ['*/*', false],
    ['application/*', false],
    ['application/json', true],
    ['application/json;q=0.5', true],
    ['Application/JSON', true],
    ['application/json, application/ld+json', false],
    ['application/ld+json;profile="http://iiif.io/api/image/3/context.json";q=0.4, application/json;q=0.5', true],
    ['application/json;q=0.5, */*', true],
    ['application/json;q=0.5, application/ld+json;q=0.5', false],
    ['application/json;q=0', false],
  ] as const)('Accept %j prefers plain JSON: %s', (accept, expected) => {
    expect(prefersNamed(accept, json, ld)).toBe(expected);
  });
});

describe('content negotiation on /records/{id}', () => {
  it.each([
    ['application/vnd.citationstyles.csl+json', 'application/vnd.citationstyles.csl+json', 'csl.json'],
    ['application/citeproc+json', 'application/vnd.citationstyles.csl+json', 'csl.json'],
    ['application/x-bibtex', 'application/x-bibtex', 'bib'],
    ['application/x-biblatex', 'application/x-biblatex', 'biblatex.bib'],
    ['application/x-research-info-systems', 'application/x-research-info-systems', 'ris'],
    ['application/ld+json', 'application/ld+json', 'jsonld'],
    ['application/json', 'application/json', 'json'],
    ['text/plain', 'text/plain', 'txt'],
    ['text/html', 'text/html', 'html'],
  ])('serves %s as %s, located at .%s', async (accept, contentType, extension) => {
    const res = await get(accept);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')?.split(';')[0]).toBe(contentType);
    expect(res.headers.get('content-location')).toBe(`${TEST_BASE_URL}/records/110020.${extension}`);
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Accept');
  });

  it('serves the same bytes as the extension URL it names', async () => {
    const { app } = await testApp();
    const negotiated = await app.request('/records/110020', { headers: { Accept: 'application/x-research-info-systems' } });
    const direct = await app.request('/records/110020.ris');
    expect(await negotiated.text()).toBe(await direct.text());
    expect(negotiated.headers.get('etag')).toBe(direct.headers.get('etag'));
  });

  it.each(CLIENT_ACCEPT)('serves the landing page, like a DOI, to %s', async (_client, accept) => {
    const res = await get(accept);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-location')).toBe(`${TEST_BASE_URL}/records/110020.html`);
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Accept');
    expect(await res.text()).toContain('<link rel="unapi-server"');
  });

  it.each([
    ['application/json', 'application/json'],
    ['application/json, text/plain, */*', 'application/json (the default of axios and of most JSON clients)'],
    ['application/json;q=0.9, text/html;q=0.8', 'application/json preferred over the page'],
  ])('serves the Record JSON for %s (%s)', async (accept) => {
    const res = await get(accept);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-location')).toBe(`${TEST_BASE_URL}/records/110020.json`);
    expect(((await res.json()) as { id: string }).id).toBe('110020');
  });

  it('answers HEAD without Accept as it answers GET: the landing page', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/110020', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it.each(CLIENT_ACCEPT)("gives %s a withdrawn record's page (410), varying by Accept", async (_client, accept) => {
    const { app, records } = await testApp();
    await withdrawRecord('110020', { records, clock: fixedClock('2026-12-01T00:00:00Z') }, 'At the request of the rights holder.');
    const res = await app.request('/records/110020', accept === undefined ? {} : { headers: { Accept: accept } });
    expect(res.status).toBe(410);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Accept');
  });

  it("gives a JSON client a withdrawn record's problem (410)", async () => {
    const { app, records } = await testApp();
    await withdrawRecord('110020', { records, clock: fixedClock('2026-12-01T00:00:00Z') }, 'At the request of the rights holder.');
    const res = await app.request('/records/110020', { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(410);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it.each([
    ['application/x-bibtex;q=0.5, application/x-research-info-systems;q=0.9', 'application/x-research-info-systems'],
    ['application/x-research-info-systems;q=0.2, application/x-bibtex', 'application/x-bibtex'],
    ['text/html;q=0, */*;q=0.1', 'application/json'],
    ['application/*;q=0.3, application/vnd.citationstyles.csl+json;q=0.4', 'application/vnd.citationstyles.csl+json'],
    ['text/*', 'text/html'],
    ['text/plain, text/*;q=0.5', 'text/plain'],
  ])('weighs q-values: %s gives %s', async (accept, contentType) => {
    const res = await get(accept);
    expect(res.headers.get('content-type')?.split(';')[0]).toBe(contentType);
  });

  it('formats a citation for text/x-bibliography in the style and locale asked for', async () => {
    const res = await get('text/x-bibliography; style=apa; locale=en-US');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toMatch(/^Mao, Z\. \(1951, January 27\)\. /);
    expect(res.headers.get('content-location')).toBe(`${TEST_BASE_URL}/records/110020/citation?style=apa&locale=en-US&form=bibliography&format=text`);
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Accept');
  });

  it('formats text/x-bibliography in Chicago notes-bibliography when no style is given', async () => {
    const res = await get('text/x-bibliography');
    expect(await res.text()).toMatch(/^Mao Zedong\. “Telegram from Mao Zedong to I\.V\. Stalin/);
  });

  it('answers an unknown style in text/x-bibliography with 400', async () => {
    const res = await get('text/x-bibliography; style=vancouver');
    expect(res.status).toBe(400);
  });

  it('answers 406 with the offered types when nothing acceptable is offered', async () => {
    const res = await get('image/png, application/pdf;q=0.5');
    expect(res.status).toBe(406);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Accept');
    const problem = (await res.json()) as { offered: string[] };
    expect(problem.offered).toEqual(
      expect.arrayContaining([
        'application/vnd.citationstyles.csl+json',
        'application/x-bibtex',
        'application/x-research-info-systems',
        'text/x-bibliography',
        'application/ld+json',
        'text/html',
        'application/json',
      ]),
    );
  });

  it('answers 406 when every offered type is refused with q=0', async () => {
    const res = await get('*/*;q=0');
    expect(res.status).toBe(406);
  });

  it('answers 404 for an unknown record before negotiating', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/999999', { headers: { Accept: 'image/png' } });
    expect(res.status).toBe(404);
  });

  it('gives each negotiated representation its own ETag and honours If-None-Match', async () => {
    const { app } = await testApp();
    const ris = await app.request('/records/110020', { headers: { Accept: 'application/x-research-info-systems' } });
    const bib = await app.request('/records/110020', { headers: { Accept: 'application/x-bibtex' } });
    expect(ris.headers.get('etag')).not.toBe(bib.headers.get('etag'));
    const again = await app.request('/records/110020', {
      headers: { Accept: 'application/x-research-info-systems', 'If-None-Match': ris.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('vary')).toBe('Accept-Encoding, Accept');
  });
});
