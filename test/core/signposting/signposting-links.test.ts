import LinkHeader from 'http-link-header';
import { describe, expect, it } from 'vitest';
import { RENDERINGS } from '../../../functions/api/renderings/index.ts';
import { TEST_BASE_URL, testApp } from '../../support/fixtures.ts';

const LANDING = `${TEST_BASE_URL}/records/110020`;

async function landingLinks() {
  const { app } = await testApp();
  const res = await app.request('/records/110020', { headers: { Accept: 'text/html' } });
  return LinkHeader.parse(res.headers.get('link') ?? '');
}

describe('FAIR Signposting in the landing page Link header', () => {
  it('names the landing page itself as the identifier to cite', async () => {
    expect((await landingLinks()).rel('cite-as').map((l) => l.uri)).toEqual([LANDING]);
  });

  it('types the page as an AboutPage about an archive component', async () => {
    expect((await landingLinks()).rel('type').map((l) => l.uri)).toEqual(['https://schema.org/AboutPage', 'https://schema.org/ArchiveComponent']);
  });

  it('points to every metadata rendering with its media type', async () => {
    const describedBy = (await landingLinks()).rel('describedby').map((l) => [l.uri, l.type]);
    for (const [uri, type] of [
      [`${LANDING}.csl.json`, 'application/vnd.citationstyles.csl+json'],
      [`${LANDING}.bib`, 'application/x-bibtex'],
      [`${LANDING}.biblatex.bib`, 'application/x-biblatex'],
      [`${LANDING}.ris`, 'application/x-research-info-systems'],
      [`${LANDING}.jsonld`, 'application/ld+json'],
      [`${LANDING}.json`, 'application/json'],
    ]) {
      expect(describedBy).toContainEqual([uri, type]);
    }
  });

  it('declares a type that each metadata rendering is really served with', async () => {
    const { app } = await testApp();
    for (const link of (await landingLinks()).rel('describedby')) {
      const res = await app.request(new URL(link.uri).pathname);
      expect(res.status, link.uri).toBe(200);
      expect(res.headers.get('content-type')?.split(';')[0], link.uri).toBe(link.type);
    }
  });

  it('links the IIIF manifest and the plain-text translation as items', async () => {
    const items = (await landingLinks()).rel('item');
    expect(items).toContainEqual(
      expect.objectContaining({
        uri: `${TEST_BASE_URL}/iiif/3/110020/manifest`,
        type: 'application/ld+json',
        profile: 'http://iiif.io/api/presentation/3/context.json',
      }),
    );
    expect(items).toContainEqual(expect.objectContaining({ uri: `${LANDING}.txt`, type: 'text/plain' }));
  });

  it('links the rights statement as the licence, and the link set', async () => {
    const links = await landingLinks();
    expect(links.rel('license').map((l) => l.uri)).toEqual(['http://rightsstatements.org/vocab/InC-EDU/1.0/']);
    expect(links.rel('linkset')).toEqual([expect.objectContaining({ uri: `${TEST_BASE_URL}/linkset/110020`, type: 'application/linkset+json' })]);
  });

  it('links an image as an item for each leaf image the record has', async () => {
    const { app, records } = await testApp();
    const record = await records.get('110020');
    if (!record || 'deleted' in record) throw new Error('fixture missing');
    const image = {
      id: '110020-l37',
      leaf: { number: 37, reverse: false },
      width: 10,
      height: 10,
      levels: [],
      tileSize: 256,
      placeholder: false,
      sha256: 'a'.repeat(64),
    };
    await records.put({ ...record, images: [image], version: record.version + 1 }, record.version);
    const res = await app.request('/records/110020.html');
    const items = LinkHeader.parse(res.headers.get('link') ?? '').rel('item');
    expect(items).toContainEqual(expect.objectContaining({ uri: `${TEST_BASE_URL}/iiif/image/3/110020-l37/full/max/0/default.jpg`, type: 'image/jpeg' }));
  });
});

describe('GET /linkset/{id}', () => {
  type Linkset = { linkset: ({ anchor: string } & { [rel: string]: { href: string; type?: string }[] })[] };

  it('serves an RFC 9264 JSON link set whose URIs are all absolute', async () => {
    const { app } = await testApp();
    const res = await app.request('/linkset/110020');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/linkset+json');
    const body = (await res.json()) as Linkset;
    for (const context of body.linkset) {
      expect(new URL(context.anchor).href).toBe(context.anchor);
      for (const [rel, targets] of Object.entries(context)) {
        if (rel === 'anchor') continue;
        for (const t of targets as { href: string }[]) expect(new URL(t.href).href).toBe(t.href);
      }
    }
  });

  it('holds the same links as the landing page header, anchored at the landing page', async () => {
    const { app } = await testApp();
    const body = (await (await app.request('/linkset/110020')).json()) as Linkset;
    const main = body.linkset.find((c) => c.anchor === LANDING);
    const fromSet = Object.entries(main ?? {})
      .filter(([rel]) => rel !== 'anchor')
      .flatMap(([rel, targets]) => (targets as { href: string }[]).map((t) => `${rel} ${t.href}`))
      .sort();
    const fromHeader = (await landingLinks()).refs
      .filter((l) => l.rel !== 'linkset')
      .map((l) => `${l.rel} ${l.uri}`)
      .sort();
    expect(fromSet).toEqual(fromHeader);
  });

  it('links each metadata record back to the landing page it describes', async () => {
    const { app } = await testApp();
    const body = (await (await app.request('/linkset/110020')).json()) as Linkset;
    const ris = body.linkset.find((c) => c.anchor === `${LANDING}.ris`);
    expect(ris?.describes).toEqual([{ href: LANDING }]);
  });

  it('serves the text form to application/linkset, readable as Link header syntax with anchors', async () => {
    const { app } = await testApp();
    const res = await app.request('/linkset/110020', { headers: { Accept: 'application/linkset' } });
    expect(res.headers.get('content-type')).toBe('application/linkset');
    const links = LinkHeader.parse((await res.text()).replace(/\n/g, ' '));
    expect(links.rel('cite-as')).toEqual([expect.objectContaining({ uri: LANDING, anchor: LANDING })]);
    expect(links.rel('describes').map((l) => l.anchor)).toContain(`${LANDING}.csl.json`);
  });

  it.each([
    ['/linkset/999999', {}, 404],
    ['/linkset/bad%20id', {}, 400],
    ['/linkset/110020', { Accept: 'text/html' }, 406],
  ])('answers %s %j with %i', async (path, reqHeaders, status) => {
    const { app } = await testApp();
    expect((await app.request(path, { headers: reqHeaders })).status).toBe(status);
  });

  it('lists every metadata rendering registered', async () => {
    const { app } = await testApp();
    const body = (await (await app.request('/linkset/110020')).json()) as Linkset;
    const main = body.linkset.find((c) => c.anchor === LANDING);
    const metadata = RENDERINGS.filter((r) => (r.relation ?? 'describedby') === 'describedby').map((r) => `${LANDING}.${r.extension}`);
    expect(main?.describedby?.map((t) => t.href)).toEqual(metadata);
  });
});
