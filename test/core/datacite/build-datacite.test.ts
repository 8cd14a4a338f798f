/**
 * DataCite XML 4.7 of every kind of record (the seed 110020, a reference with a translator's
 * credit, a published source, a note-only source, a year, a range, an undated record, one in two
 * languages, one without a summary, generated ones), each ingested from an export in the
 * archive's text format: valid against DataCite's own kernel-4 schema and, in its `oai_datacite`
 * envelope, against DataCite's OAI schema; saying only what the record states; served at
 * `/records/{id}.datacite.xml`, by negotiation, in the signposting links and as OAI-PMH
 * `oai_datacite` (the OAI-PMH response validated with the OAI-PMH schema and its payload).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataCite } from '../../../functions/core/datacite/build-datacite.ts';
import { buildOaiDataCite } from '../../../functions/core/datacite/build-oai-datacite.ts';
import { ingestExport } from '../../../functions/core/ingest/ingest-export.ts';
import { withdrawRecord } from '../../../functions/core/ingest/withdraw-record.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import { serializeXml } from '../../../functions/core/xml/xml-tree.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { buildExport, type ExportParts } from '../../support/export-builder.ts';
import { fixedClock, TEST_BASE_URL, testApp } from '../../support/fixtures.ts';
import { generateRecord } from '../../support/generate-records.ts';
import { oaiGet, q } from '../../support/oai-client.ts';
import { oaiId } from '../../support/oai-fixture.ts';
import { elements, readXml, text, texts, type XmlNode } from '../../support/read-xml.ts';
import { SCHEMAS, validateXml } from '../../support/xml-schema.ts';

const urls = serviceUrls(TEST_BASE_URL);
const MEDIA_TYPE = 'application/vnd.datacite.datacite+xml';

const EXPORTS: { [kind: string]: { id: string; parts: ExportParts } } = {
  credit: {
    id: '300001',
    parts: {
      fields: { Source: 'RGASPI, f. 558, op. 11, d. 97, ll. 67-70. Contributed by Sergey Radchenko and translated by Gary Goldberg.', Language: 'Russian' },
    },
  },
  book: {
    id: '300002',
    parts: {
      fields: { Source: 'Milovan Djilas. Wartime. Translated by Michael B. Petrovich. (New York: Harcourt Brace Jovanovich, 1977), 385-387.', Type: 'Memoir' },
    },
  },
  note: { id: '300003', parts: { fields: { Source: 'Obtained by Kathryn Weathersby; translated by Gary Goldberg.', Type: 'Letter', Language: 'Korean' } } },
  year: { id: '300004', parts: { date: '1958' } },
  range: { id: '300005', parts: { date: '1950-1953' } },
  undated: { id: '300006', parts: { date: 'n.d.' } },
  languages: { id: '300007', parts: { fields: { Language: 'Russian, Chinese' } } },
  'no summary': { id: '300008', parts: { omit: ['summary'] } },
  'no upload date': { id: '300009', parts: { omit: ['Original Uploaded Date'] } },
  withdrawn: { id: '300010', parts: {} },
};

const records = new Map<string, ArchivalRecord>();
const docs = new Map<string, XmlNode>();
let env: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  env = await testApp();
  for (const [kind, { id, parts }] of Object.entries(EXPORTS)) {
    const outcome = await ingestExport(
      { fileName: `${id}.txt`, exportBytes: Buffer.from(buildExport({ ...parts, fields: { ...parts.fields, 'Record ID': id } })) },
      env.ingestDeps,
    );
    if (outcome.status === 'rejected') throw new Error(`${kind}: ${JSON.stringify(outcome.problems)}`);
  }
  for (const [kind, id] of [['seed', '110020'], ...Object.entries(EXPORTS).map(([k, v]) => [k, v.id])] as [string, string][]) {
    const entry = await env.records.get(id);
    if (!entry || 'deleted' in entry) throw new Error(`${kind} not stored`);
    records.set(kind, entry);
    docs.set(kind, readXml(serializeXml(buildDataCite(entry, urls))));
  }
  await withdrawRecord(
    EXPORTS.withdrawn?.id ?? '',
    { records: env.records, clock: fixedClock('2026-12-01T00:00:00Z') },
    'At the request of the rights holder.',
  );
});

const doc = (kind: string) => {
  const found = docs.get(kind);
  if (!found) throw new Error(`no ${kind}`);
  return found;
};
const attr = (node: XmlNode, name: string, attribute: string) => elements(node, name).map((e) => [e.getAttribute(attribute), e.textContent]);

describe('DataCite XML', () => {
  it('validates against the DataCite kernel-4 schema, for every kind of record and generated ones', async () => {
    const all = [...records.values(), generateRecord(4, { count: 5 }), generateRecord(7, { count: 8 })];
    const result = await validateXml(
      all.map((r) => serializeXml(buildDataCite(r, urls))),
      SCHEMAS.datacite,
    );
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  it('validates in its oai_datacite envelope against the DataCite OAI schema', async () => {
    const result = await validateXml(
      [...records.values()].map((r) => serializeXml(buildOaiDataCite(r, urls))),
      SCHEMAS.oaiDataCite,
    );
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  it('identifies the record by its URL, not by a DOI it does not have', () => {
    expect(attr(doc('seed'), 'identifier', 'identifierType')).toEqual([['URL', `${TEST_BASE_URL}/records/110020`]]);
    expect(serializeXml(buildDataCite(records.get('seed') as ArchivalRecord, urls))).not.toMatch(/DOI|10\.\d{4,}\//);
  });

  it('names the author as creator with name parts, and the addressee and the hosting archive as contributors', () => {
    const seed = doc('seed');
    expect(attr(seed, 'creatorName', 'nameType')).toEqual([['Personal', 'Mao, Zedong']]);
    expect(text(seed, 'familyName')).toBe('Mao');
    expect(elements(seed, 'contributor').map((c) => [c.getAttribute('contributorType'), text(c, 'contributorName')])).toEqual([
      ['RelatedPerson', 'Stalin, I.V.'],
      ['HostingInstitution', 'History and Public Policy Program Digital Archive, Wilson Center'],
    ]);
  });

  it('gives a record without a known author the standard value for unknown', () => {
    expect(texts(doc('year'), 'creatorName')).toEqual([':unkn']);
  });

  it('names a translator the Source credits as Translator, as written', () => {
    const translators = elements(doc('credit'), 'contributor').filter((c) => c.getAttribute('contributorType') === 'Translator');
    expect(translators.map((c) => text(c, 'contributorName'))).toEqual(['Gary Goldberg']); // named as the credit writes it: the record gives no name parts
  });

  it('dates the document as Created (a day, a year, a range), the upload as Issued and the last change as Updated', () => {
    expect(attr(doc('seed'), 'date', 'dateType')).toEqual([
      ['Created', '1951-01-27'],
      ['Issued', '2011-11-20'],
      ['Updated', records.get('seed')?.datestamp],
    ]);
    expect(attr(doc('year'), 'date', 'dateType')[0]).toEqual(['Created', '1958']);
    expect(attr(doc('range'), 'date', 'dateType')[0]).toEqual(['Created', '1950/1953']);
    expect(attr(doc('undated'), 'date', 'dateType').map(([type]) => type)).toEqual(['Issued', 'Updated']);
  });

  it('takes publicationYear from the upload date, or from the ingest when the export gives none', () => {
    expect(text(doc('seed'), 'publicationYear')).toBe('2011');
    expect(text(doc('no upload date'), 'publicationYear')).toBe(records.get('no upload date')?.provenance.ingestedAt.slice(0, 4));
    expect(attr(doc('no upload date'), 'date', 'dateType').map(([type]) => type)).toEqual(['Created', 'Updated']);
  });

  it('gives the type as Text with the archive document type', () => {
    expect(attr(doc('seed'), 'resourceType', 'resourceTypeGeneral')).toEqual([['Text', 'Telegram']]);
    expect(attr(doc('book'), 'resourceType', 'resourceTypeGeneral')).toEqual([['Text', 'Memoir']]);
  });

  it('gives the language of the original, the first of several, and none when the export names none', () => {
    expect(text(doc('credit'), 'language')).toBe('ru');
    expect(text(doc('languages'), 'language')).toBe(records.get('languages')?.languages?.[0]);
    expect(elements(doc('seed'), 'language')).toHaveLength(records.get('seed')?.languages ? 1 : 0);
    expect(elements(doc('year'), 'language')).toHaveLength(0);
  });

  it('carries the rights statement verbatim with its rightsstatements.org URI', () => {
    const rights = elements(doc('seed'), 'rights');
    expect(rights).toHaveLength(1);
    expect(rights[0]?.getAttribute('rightsURI')).toBe(records.get('seed')?.rights.uri);
    expect(rights[0]?.getAttribute('rightsIdentifier')).toBe('InC-EDU');
    expect(rights[0]?.textContent).toBe(records.get('seed')?.rights.statement);
  });

  it('gives the summary as Abstract, the archival source as SeriesInformation and the Source verbatim', () => {
    const seed = doc('seed');
    expect(attr(seed, 'description', 'descriptionType')).toEqual([
      ['Abstract', records.get('seed')?.summary],
      ['SeriesInformation', 'Archive of the President of the Russian Federation, fond 45, opis 1, delo 337, leaves 37-40 (Moscow)'],
      ['Other', 'Conveys: Telegram from Peng Dehuai to Mao Zedong of 19 January 1951 reporting on his meetings with Kim Il Sung'],
      ['Other', 'Source: APRF, f. 45, op. 1, d. 337, ll. 37-40.'],
    ]);
    expect(attr(doc('no summary'), 'description', 'descriptionType').map(([type]) => type)).not.toContain('Abstract');
    expect(attr(doc('book'), 'description', 'descriptionType').map(([type]) => type)).not.toContain('SeriesInformation');
  });

  it('gives the record id and archival reference as alternate identifiers, the manifest and the original page as related ones', () => {
    const seed = doc('seed');
    expect(attr(seed, 'alternateIdentifier', 'alternateIdentifierType')).toEqual([
      ['Local', '110020'],
      ['Archival reference', 'APRF, f. 45, op. 1, d. 337, ll. 37-40.'],
    ]);
    expect(attr(seed, 'relatedIdentifier', 'relationType')).toEqual([
      ['HasMetadata', `${TEST_BASE_URL}/iiif/3/110020/manifest`],
      ['IsDerivedFrom', records.get('seed')?.provenance.originalUrl],
    ]);
  });

  it('gives the places the record states as geoLocations, and none for a record that states none', () => {
    expect(texts(doc('seed'), 'geoLocationPlace')).toEqual(records.get('seed')?.places.map((p) => p.name));
    expect(elements(doc('year'), 'geoLocations')).toHaveLength(0);
  });
});

describe('DataCite over HTTP and OAI-PMH', () => {
  it('is served at /records/{id}.datacite.xml', async () => {
    const response = await env.app.request('/records/110020.datacite.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(`${MEDIA_TYPE}; charset=utf-8`);
    expect(await response.text()).toContain('<identifier identifierType="URL">');
  });

  it('is negotiated on the record URL by its media type', async () => {
    const response = await env.app.request('/records/110020', { headers: { Accept: MEDIA_TYPE } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(`${MEDIA_TYPE}; charset=utf-8`);
    expect(readXml(await response.text()).getElementsByTagName('resource')).toHaveLength(1);
  });

  it('is linked from the record as describedby', async () => {
    const response = await env.app.request('/records/110020');
    expect(response.headers.get('link')).toContain(`<${TEST_BASE_URL}/records/110020.datacite.xml>; rel="describedby"; type="${MEDIA_TYPE}"`);
  });

  it('answers 410 for a withdrawn record', async () => {
    const response = await env.app.request(`/records/${EXPORTS.withdrawn?.id}.datacite.xml`);
    expect(response.status).toBe(410);
  });

  it('is the OAI-PMH format oai_datacite, valid with the OAI-PMH and DataCite schemas, deleted for a withdrawn record', async () => {
    const live = await oaiGet(env.app, q({ verb: 'GetRecord', identifier: oaiId('110020'), metadataPrefix: 'oai_datacite' }));
    const gone = await oaiGet(env.app, q({ verb: 'GetRecord', identifier: oaiId(EXPORTS.withdrawn?.id ?? ''), metadataPrefix: 'oai_datacite' }));
    const list = await oaiGet(env.app, q({ verb: 'ListRecords', metadataPrefix: 'oai_datacite' }));
    expect(live.errors).toEqual([]);
    expect(text(live.doc, 'schemaVersion')).toBe('4.7');
    expect(elements(live.doc, 'datacentreSymbol')).toHaveLength(1);
    expect(elements(gone.doc, 'header')[0]?.getAttribute('status')).toBe('deleted');
    expect(elements(list.doc, 'oai_datacite')).toHaveLength(records.size - 1);
    const result = await validateXml([live.xml, gone.xml, list.xml], SCHEMAS.oaiPmh);
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });
});
