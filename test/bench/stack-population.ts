/**
 * Fills a bench server's store as an archive in use would be: generated records written straight
 * into its DynamoDB emulator (enough for IIIF collections and OAI-PMH lists to have continuation
 * pages), and record 110020 re-ingested through the server's admin route with a large synthetic
 * scan for leaf 37 (its pyramid made by the server's own deriver). Then lists one request of every
 * route kind, the continuation pages found by following the service's own links.
 */
import { readFile } from 'node:fs/promises';
import { createStores } from '../../functions/adapters/aws-clients.ts';
import { loadConfig } from '../../schemas/config.ts';
import { EXPORT_110020, OVERLAY_110020 } from '../support/fixtures.ts';
import { generatedId, generateRecord } from '../support/generate-records.ts';
import type { BenchChild } from './bench-child.ts';
import type { BenchTarget } from './bench-server.ts';
import { SCAN, syntheticScan } from './image-bench.ts';

export interface Population {
  records: number;
  scan: { width: number; height: number; jpegMiB: number; ingestSeconds: number };
  /** One request of every route kind the service answers, continuation pages included. */
  targets: BenchTarget[];
  /** The leaf image with the large scan. */
  largeImage: string;
}

const json = { accept: 'application/json' };

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}

/** The path of the next page a IIIF collection page links to (its last item, "... (continued)"). */
async function nextCollectionPage(serviceUrl: string, path: string): Promise<string | undefined> {
  const page = JSON.parse(await text(`${serviceUrl}${path}`)) as { items?: { id: string; type: string }[] };
  const last = page.items?.[page.items.length - 1];
  if (last?.type !== 'Collection' || !last.id.includes('?page=')) return undefined;
  const url = new URL(last.id);
  return `${url.pathname}${url.search}`;
}

async function resumptionPath(serviceUrl: string, query: string): Promise<string | undefined> {
  const xml = await text(`${serviceUrl}/oai?${query}`);
  const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
  const verb = /verb=(\w+)/.exec(query)?.[1];
  return token ? `/oai?verb=${verb}&resumptionToken=${encodeURIComponent(token)}` : undefined;
}

export async function populate(child: BenchChild, options: { records: number; log: (line: string) => void }): Promise<Population> {
  const { records: count, log } = options;
  const config = loadConfig({
    PUBLIC_BASE_URL: 'https://bench.example.org',
    DYNAMODB_ENDPOINT: child.backends.dynamodbEndpoint,
    S3_ENDPOINT: child.backends.s3Endpoint,
  });
  const stores = createStores(config, { connectionTimeoutMs: 5_000, requestTimeoutMs: 30_000 });
  log(`population: writing ${count} generated records into the server's DynamoDB emulator...`);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < count; i = next++) await stores.records.put(generateRecord(i, { count, textLength: 2_000 }), undefined);
    }),
  );

  log(`population: ingesting 110020 with a ${SCAN.width}x${SCAN.height} scan of leaf 37 through POST /admin/ingest...`);
  const scan = await syntheticScan();
  const started = performance.now();
  const res = await fetch(`${child.serviceUrl}/admin/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${child.token}` },
    body: JSON.stringify({
      fileName: '110020.txt',
      export: (await readFile(EXPORT_110020)).toString('base64'),
      overlay: (await readFile(OVERLAY_110020)).toString('base64'),
      scans: { '37': scan.toString('base64') },
    }),
  });
  if (res.status !== 200 && res.status !== 201) throw new Error(`ingest of the large scan answered ${res.status}: ${await res.text()}`);
  const ingestSeconds = (performance.now() - started) / 1000;

  const s = child.serviceUrl;
  const allPage2 = await nextCollectionPage(s, '/iiif/3/collection/all');
  const allPage3 = allPage2 ? await nextCollectionPage(s, allPage2) : undefined;
  const listRecordsPage2 = await resumptionPath(s, 'verb=ListRecords&metadataPrefix=marc21');
  const listIdentifiersPage2 = await resumptionPath(s, 'verb=ListIdentifiers&metadataPrefix=oai_dc');
  // A delo of the generated archive (record 7 has an archival reference: only every fifth has none).
  const archival = generateRecord(7, { count }).source.archival;
  const level = archival ? `/iiif/3/collection/archive/${archival.repository.abbreviation}/${archival.fond}/${archival.opis}/${archival.delo}` : undefined;
  const tile = (x: number, y: number) => `/iiif/image/3/110020-l37/${x * 512},${y * 512},512,512/512,/0/default.jpg`;

  const targets: BenchTarget[] = [
    // Records and their renderings.
    { name: 'record JSON', path: '/records/110020.json', headers: {} },
    { name: 'landing page', path: '/records/110020', headers: { accept: 'text/html' } },
    { name: 'record, negotiated RIS', path: '/records/110020', headers: { accept: 'application/x-research-info-systems' } },
    { name: 'CSL-JSON', path: '/records/110020.csl.json', headers: {} },
    { name: 'MODS', path: '/records/110020.mods.xml', headers: {} },
    { name: 'MARCXML', path: '/records/110020.marc.xml', headers: {} },
    { name: 'Dublin Core', path: '/records/110020.dc.xml', headers: {} },
    { name: 'BibTeX', path: '/records/110020.bib', headers: {} },
    { name: 'JSON-LD', path: '/records/110020.jsonld', headers: {} },
    { name: 'translation', path: '/records/110020.txt', headers: {} },
    { name: 'citation', path: '/records/110020/citation?style=apa&format=text', headers: {} },
    { name: 'rights', path: '/records/110020/rights', headers: {} },
    { name: 'generated record', path: `/records/${generatedId(7)}.json`, headers: {} },
    { name: 'generated record MODS', path: `/records/${generatedId(count - 1)}.mods.xml`, headers: {} },
    { name: 'linkset', path: '/linkset/110020', headers: {} },
    // Manifests.
    { name: 'IIIF manifest', path: '/iiif/3/110020/manifest', headers: {} },
    { name: 'IIIF manifest, brotli', path: '/iiif/3/110020/manifest', headers: { 'accept-encoding': 'br' } },
    { name: 'generated manifest', path: `/iiif/3/${generatedId(11)}/manifest`, headers: {} },
    // Collections: top, all and its continuation pages, archival levels.
    { name: 'collection top', path: '/iiif/3/collection/top', headers: {} },
    { name: 'collection all', path: '/iiif/3/collection/all', headers: {} },
    ...(allPage2 ? [{ name: 'collection all, page 2', path: allPage2, headers: {} }] : []),
    ...(allPage3 ? [{ name: 'collection all, page 3', path: allPage3, headers: {} }] : []),
    { name: 'collection repository', path: '/iiif/3/collection/archive/APRF', headers: {} },
    { name: 'collection delo', path: '/iiif/3/collection/archive/APRF/45/1/337', headers: {} },
    ...(level ? [{ name: 'collection generated level', path: level, headers: {} }] : []),
    // Sitemap.
    { name: 'sitemap', path: '/sitemap.xml', headers: {} },
    // OAI-PMH: every verb.
    { name: 'OAI Identify', path: '/oai?verb=Identify', headers: {} },
    { name: 'OAI ListMetadataFormats', path: '/oai?verb=ListMetadataFormats', headers: {} },
    { name: 'OAI ListSets', path: '/oai?verb=ListSets', headers: {} },
    { name: 'OAI GetRecord', path: '/oai?verb=GetRecord&identifier=oai:bench.example.org:110020&metadataPrefix=oai_dc', headers: {} },
    { name: 'OAI ListRecords marc21', path: '/oai?verb=ListRecords&metadataPrefix=marc21', headers: {} },
    ...(listRecordsPage2 ? [{ name: 'OAI ListRecords marc21, page 2', path: listRecordsPage2, headers: {} }] : []),
    { name: 'OAI ListRecords mods, set', path: '/oai?verb=ListRecords&metadataPrefix=mods&set=repository:APRF', headers: {} },
    { name: 'OAI ListIdentifiers', path: '/oai?verb=ListIdentifiers&metadataPrefix=oai_dc', headers: {} },
    ...(listIdentifiersPage2 ? [{ name: 'OAI ListIdentifiers, page 2', path: listIdentifiersPage2, headers: {} }] : []),
    // Image API: info.json and tiles of the large scan at several levels, and a small full image.
    { name: 'image info', path: '/iiif/image/3/110020-l37/info.json', headers: json },
    { name: 'image tile', path: tile(0, 0), headers: {} },
    { name: 'image tile, middle', path: tile(5, 7), headers: {} },
    { name: 'image tile, scaled', path: '/iiif/image/3/110020-l37/0,0,2048,2048/512,/0/default.jpg', headers: {} },
    { name: 'image thumbnail', path: '/iiif/image/3/110020-l37/full/200,/0/default.jpg', headers: {} },
    { name: 'unAPI', path: '/unapi?id=110020&format=ris', headers: {} },
    { name: 'health', path: '/health', headers: {} },
  ];
  for (const target of targets) {
    const answer = await fetch(`${s}${target.path}`, { headers: target.headers });
    await answer.arrayBuffer();
    if (answer.status !== 200) throw new Error(`${target.name} (${target.path}) answered ${answer.status}`);
  }
  return {
    records: count + 1,
    scan: { ...SCAN, jpegMiB: Math.round((scan.byteLength / 2 ** 20) * 10) / 10, ingestSeconds: Math.round(ingestSeconds * 10) / 10 },
    targets,
    largeImage: '110020-l37',
  };
}
