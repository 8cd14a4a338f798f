/**
 * OAI-PMH 2.0 protocol behaviour, including the checks the openarchives.org validator makes,
 * re-implemented against the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oaiGet, oaiPost, q } from '../../support/oai-client.ts';
import { DELETION_DATESTAMP, type OaiFixture, oaiFixture, oaiId } from '../../support/oai-fixture.ts';
import { childNames, elements, text, texts } from '../../support/read-xml.ts';
import { STORE_KINDS } from '../../support/store-kinds.ts';

const RECORD = oaiId('110020');
const DATESTAMP_110020 = '2026-11-26T12:00:00Z';

describe.each(STORE_KINDS)('on the %s store', (store) => {
  let fx: OaiFixture;
  beforeAll(async () => {
    fx = await oaiFixture({ count: 20, withdrawEvery: 10, store });
  });
  afterAll(() => fx.close());

  describe('protocol errors', () => {
    it.each([
      ['verb=junk', 'badVerb'],
      ['', 'badVerb'],
      ['metadataPrefix=oai_dc', 'badVerb'],
      ['verb=Identify&verb=Identify', 'badVerb'],
      ['verb=Identify&extra=1', 'badArgument'],
      ['verb=GetRecord&metadataPrefix=oai_dc', 'badArgument'],
      [`verb=GetRecord&identifier=${RECORD}`, 'badArgument'],
      ['verb=ListRecords', 'badArgument'],
      ['verb=ListIdentifiers', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=mods', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=junk', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&until=junk', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-30', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2026-11-26T12:00:00.000Z', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2026-11-26T12:00:00%2B01:00', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-12-31T00:00:00Z', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2026-12-31&until=2026-01-01', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&set=not%20a%20spec', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc', 'badArgument'],
      ['verb=ListRecords&resumptionToken=junk', 'badResumptionToken'],
      ['verb=ListIdentifiers&resumptionToken=', 'badResumptionToken'],
      ['verb=ListSets&resumptionToken=junk', 'badResumptionToken'],
      ['verb=ListRecords&metadataPrefix=nonexistent', 'cannotDisseminateFormat'],
      [`verb=GetRecord&identifier=${RECORD}&metadataPrefix=nonexistent`, 'cannotDisseminateFormat'],
      ['verb=GetRecord&identifier=invalid%22id&metadataPrefix=oai_dc', 'idDoesNotExist'],
      [`verb=GetRecord&identifier=${oaiId('999999')}&metadataPrefix=oai_dc`, 'idDoesNotExist'],
      ['verb=GetRecord&identifier=oai:other.example.org:110020&metadataPrefix=oai_dc', 'idDoesNotExist'],
      [`verb=ListMetadataFormats&identifier=${oaiId('999999')}`, 'idDoesNotExist'],
      ['verb=ListRecords&metadataPrefix=oai_dc&set=repository:NOSUCH', 'noRecordsMatch'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01', 'noRecordsMatch'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01T00:00:00Z', 'noRecordsMatch'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=9999-01-01', 'noRecordsMatch'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=9999-12-31T23:59:59Z', 'noRecordsMatch'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&until=0001-01-01', 'noRecordsMatch'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=9999-12-31&until=0001-01-01', 'badArgument'],
      // XML Schema dates (and so OAI-PMH datestamps) have no year 0000.
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=0000-01-01', 'badArgument'],
    ])('?%s answers %s', async (query, code) => {
      const response = await oaiGet(fx.app, query);
      expect(response.errors[0]).toBe(code);
    });

    it.each(['verb=junk', '', 'verb=ListRecords', 'verb=Identify&extra=1', 'verb=ListRecords&metadataPrefix=oai_dc&from=junk'])(
      'echoes no arguments after badVerb or badArgument (?%s)',
      async (query) => {
        const response = await oaiGet(fx.app, query);
        expect(response.request).toEqual({});
        expect(text(response.doc, 'request')).toBe('https://archive.example.org/oai');
      },
    );

    it('echoes the arguments of a request whose error depends on the data', async () => {
      const response = await oaiGet(fx.app, 'verb=ListRecords&metadataPrefix=oai_dc&set=repository:NOSUCH&from=2020-01-01');
      expect(response.request).toEqual({ verb: 'ListRecords', metadataPrefix: 'oai_dc', set: 'repository:NOSUCH', from: '2020-01-01' });
    });

    it('does not echo an identifier that is not a URI', async () => {
      const response = await oaiGet(fx.app, 'verb=GetRecord&identifier=invalid%22id&metadataPrefix=oai_dc');
      expect(response.request).toEqual({ verb: 'GetRecord', metadataPrefix: 'oai_dc' });
    });

    it('reports every bad argument of a request', async () => {
      const response = await oaiGet(fx.app, 'verb=ListRecords&from=junk&bogus=1');
      expect(response.errors).toEqual(['badArgument', 'badArgument', 'badArgument']);
    });

    it.each(['verb=junk', 'verb=ListRecords&resumptionToken=junk', 'verb=ListRecords&metadataPrefix=oai_dc'])(
      'answers HTTP 200 with text/xml; charset=utf-8 (?%s)',
      async (query) => {
        const response = await oaiGet(fx.app, query);
        expect(response.status).toBe(200);
        expect(response.contentType).toBe('text/xml; charset=utf-8');
      },
    );
  });

  describe('envelope', () => {
    it('gives responseDate in whole seconds with Z, from the clock', async () => {
      const response = await oaiGet(fx.app, 'verb=Identify');
      expect(text(response.doc, 'responseDate')).toBe('2026-11-26T12:00:00Z');
    });

    it('puts responseDate, request and the verb element in schema order', async () => {
      const response = await oaiGet(fx.app, 'verb=Identify');
      const root = elements(response.doc, 'OAI-PMH')[0];
      expect(childNames(root)).toEqual(['responseDate', 'request', 'Identify']);
    });
  });

  describe('Identify', () => {
    it('lists its elements in the schema order with the configured values', async () => {
      const response = await oaiGet(fx.app, 'verb=Identify');
      const identify = elements(response.doc, 'Identify')[0];
      expect(childNames(identify)).toEqual([
        'repositoryName',
        'baseURL',
        'protocolVersion',
        'adminEmail',
        'earliestDatestamp',
        'deletedRecord',
        'granularity',
        'description',
      ]);
      expect(text(response.doc, 'baseURL')).toBe('https://archive.example.org/oai');
      expect(text(response.doc, 'protocolVersion')).toBe('2.0');
      expect(text(response.doc, 'deletedRecord')).toBe('persistent');
      expect(text(response.doc, 'granularity')).toBe('YYYY-MM-DDThh:mm:ssZ');
    });

    it('gives the oldest datestamp as earliestDatestamp', async () => {
      const response = await oaiGet(fx.app, 'verb=Identify');
      expect(text(response.doc, 'earliestDatestamp')).toBe('2020-01-01T00:00:00Z');
    });

    it('describes its identifiers with an oai-identifier description', async () => {
      const response = await oaiGet(fx.app, 'verb=Identify');
      expect(text(response.doc, 'repositoryIdentifier')).toBe('archive.example.org');
      expect(text(response.doc, 'delimiter')).toBe(':');
      expect(text(response.doc, 'sampleIdentifier')).toMatch(/^oai:archive\.example\.org:/);
    });
  });

  describe('ListMetadataFormats', () => {
    it.each(['verb=ListMetadataFormats', `verb=ListMetadataFormats&identifier=${RECORD}`])(
      'offers oai_dc, mods, marc21 and oai_datacite (?%s)',
      async (query) => {
        const response = await oaiGet(fx.app, query);
        expect(texts(response.doc, 'metadataPrefix')).toEqual(['oai_dc', 'mods', 'marc21', 'oai_datacite']);
        expect(texts(response.doc, 'metadataNamespace')).toEqual([
          'http://www.openarchives.org/OAI/2.0/oai_dc/',
          'http://www.loc.gov/mods/v3',
          'http://www.loc.gov/MARC21/slim',
          'http://schema.datacite.org/oai/oai-1.1/',
        ]);
      },
    );
  });

  describe('ListSets', () => {
    it('answers GET, POST and a resumptionToken it did not issue with a protocol answer', async () => {
      for (const response of [await oaiGet(fx.app, 'verb=ListSets'), await oaiPost(fx.app, 'verb=ListSets')]) {
        expect(response.errors).toEqual([]);
        expect(texts(response.doc, 'setSpec').length).toBeGreaterThan(0);
      }
      expect((await oaiGet(fx.app, 'verb=ListSets&resumptionToken=repository%3AAPRF')).errors).toEqual(['badResumptionToken']);
    });

    it.each(['0001-01-01', '9999-12-31'])('lists every record with a bound at the end of time, %s', async (bound) => {
      const name = bound.startsWith('0') ? 'from' : 'until';
      const response = await oaiGet(fx.app, q({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', [name]: bound }));
      expect(response.errors).toEqual([]);
      expect(texts(response.doc, 'identifier')).toContain(RECORD);
    });

    it('lists sets by repository, fond and document type, derived from the records', async () => {
      const response = await oaiGet(fx.app, 'verb=ListSets');
      const specs = texts(response.doc, 'setSpec');
      expect(specs).toEqual(expect.arrayContaining(['repository:APRF', 'repository:APRF:fond:45', 'repository:APRF:fond:45:opis:1:delo:337', 'type:telegram']));
    });
  });

  describe('GetRecord', () => {
    it.each([
      ['oai_dc', 'oai_dc:dc'],
      ['mods', 'mods'],
      ['marc21', 'record'],
    ])('disseminates %s', async (prefix, root) => {
      const response = await oaiGet(fx.app, q({ verb: 'GetRecord', identifier: RECORD, metadataPrefix: prefix }));
      const metadata = elements(response.doc, 'metadata')[0];
      expect(childNames(metadata)).toEqual([root]);
    });

    it('gives the record its identifier, datestamp and sets in the header', async () => {
      const response = await oaiGet(fx.app, q({ verb: 'GetRecord', identifier: RECORD, metadataPrefix: 'oai_dc' }));
      expect(text(response.doc, 'identifier')).toBe(RECORD);
      expect(text(response.doc, 'datestamp')).toBe(DATESTAMP_110020);
      expect(texts(response.doc, 'setSpec')).toContain('repository:APRF:fond:45');
    });

    it('reports a withdrawn record with a deleted header and no metadata', async () => {
      const id = fx.withdrawn[0] ?? '';
      const response = await oaiGet(fx.app, q({ verb: 'GetRecord', identifier: oaiId(id), metadataPrefix: 'mods' }));
      const header = elements(response.doc, 'header')[0];
      expect(header?.getAttribute('status')).toBe('deleted');
      expect(text(response.doc, 'datestamp')).toBe(DELETION_DATESTAMP);
      expect(elements(response.doc, 'metadata')).toHaveLength(0);
    });

    it('answers POST (form-encoded) as it answers GET', async () => {
      const args = q({ verb: 'GetRecord', identifier: RECORD, metadataPrefix: 'oai_dc' });
      const [get, post] = await Promise.all([oaiGet(fx.app, args), oaiPost(fx.app, args)]);
      expect(post.xml).toBe(get.xml);
    });
  });

  describe('POST', () => {
    it('answers Identify', async () => {
      const [get, post] = await Promise.all([oaiGet(fx.app, 'verb=Identify'), oaiPost(fx.app, 'verb=Identify')]);
      expect(post.xml).toBe(get.xml);
    });

    it('reads no arguments from a body that is not form-encoded', async () => {
      const response = await oaiPost(fx.app, '{"verb":"Identify"}', 'application/json');
      expect(response.errors).toEqual(['badVerb']);
    });
  });

  describe('selective harvesting by date', () => {
    it.each([
      ['day', '2026-11-26'],
      ['second', DATESTAMP_110020],
    ])('returns a record when from and until both equal its datestamp (%s granularity)', async (_granularity, bound) => {
      const response = await oaiGet(fx.app, q({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', from: bound, until: bound }));
      expect(texts(response.doc, 'identifier')).toContain(RECORD);
    });

    it('reports deletions to date-bounded harvests', async () => {
      const response = await oaiGet(fx.app, q({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', from: DELETION_DATESTAMP }));
      const headers = elements(response.doc, 'header');
      expect(headers.map((h) => h.getAttribute('status'))).toEqual(fx.withdrawn.map(() => 'deleted'));
      expect(headers.map((h) => text(h, 'identifier'))).toEqual(fx.withdrawn.map(oaiId));
    });
  });

  describe('values', () => {
    it('escapes markup and removes characters XML cannot carry', async () => {
      const response = await oaiGet(fx.app, q({ verb: 'GetRecord', identifier: oaiId('g0000007'), metadataPrefix: 'oai_dc' }));
      expect(response.xml).not.toContain('\u0007');
      expect(texts(response.doc, 'dc:description')).toContain('Summary of generated report 7 & its <context>.');
    });
  });
});
