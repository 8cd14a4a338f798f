/**
 * Every kind of OAI-PMH response, validated in one libxml2 run against the OAI-PMH schema
 * together with the oai_dc, oai-identifier, MODS 3.7 and MARCXML schemas of its payload.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app.ts';
import { fixedClock, testConfig } from '../../support/fixtures.ts';
import { MemoryRecordStore } from '../../support/memory-stores.ts';
import { harvest, oaiGet, q } from '../../support/oai-client.ts';
import { oaiFixture, oaiId } from '../../support/oai-fixture.ts';
import { SCHEMAS, validateXml, validateXmlWithWasm } from '../../support/xml-schema.ts';

const responses = new Map<string, string>();

beforeAll(async () => {
  const fx = await oaiFixture({ count: 230, withdrawEvery: 7 });
  const empty = createApp({ config: testConfig(), records: new MemoryRecordStore(), clock: fixedClock() });
  const deleted = fx.withdrawn[0] ?? '';
  const single = [
    'verb=Identify',
    'verb=ListMetadataFormats',
    `verb=ListMetadataFormats&identifier=${oaiId('110020')}`,
    ...['oai_dc', 'mods', 'marc21', 'oai_datacite'].map((prefix) => q({ verb: 'GetRecord', identifier: oaiId('110020'), metadataPrefix: prefix })),
    ...['oai_dc', 'mods', 'marc21', 'oai_datacite'].map((prefix) => q({ verb: 'GetRecord', identifier: oaiId('g0000007'), metadataPrefix: prefix })),
    q({ verb: 'GetRecord', identifier: oaiId(deleted), metadataPrefix: 'oai_dc' }),
    'verb=junk',
    'verb=ListRecords',
    'verb=ListRecords&resumptionToken=junk',
    'verb=ListRecords&metadataPrefix=nonexistent',
    'verb=GetRecord&identifier=invalid%22id&metadataPrefix=oai_dc',
    'verb=ListRecords&metadataPrefix=oai_dc&set=repository:NOSUCH',
    'verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-12-31T00:00:00Z',
  ];
  for (const query of single) responses.set(query, (await oaiGet(fx.app, query)).xml);
  responses.set('empty: verb=ListSets (noSetHierarchy)', (await oaiGet(empty, 'verb=ListSets')).xml);
  responses.set('empty: verb=Identify', (await oaiGet(empty, 'verb=Identify')).xml);
  const lists: { [name: string]: string }[] = [
    { verb: 'ListSets' },
    { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' },
    { verb: 'ListRecords', metadataPrefix: 'oai_dc' },
    { verb: 'ListRecords', metadataPrefix: 'mods' },
    { verb: 'ListRecords', metadataPrefix: 'marc21' },
    { verb: 'ListRecords', metadataPrefix: 'oai_datacite' },
    { verb: 'ListRecords', metadataPrefix: 'marc21', set: 'type:telegram', from: '2020-01-01' },
  ];
  for (const args of lists) {
    const result = await harvest(fx.app, args);
    result.pages.forEach((page, i) => {
      responses.set(`${q(args)} page ${i + 1}`, page.xml);
    });
  }
});

describe('OAI-PMH responses against the schemas', () => {
  it('covers every verb, every format, errors, deletions and resumption pages', () => {
    const all = [...responses.values()].join('\n');
    for (const marker of [
      '<Identify>',
      '<ListMetadataFormats>',
      '<ListSets>',
      '<GetRecord>',
      '<ListIdentifiers>',
      '<ListRecords>',
      '<oai_dc:dc',
      '<mods ',
      '<record xmlns="http://www.loc.gov/MARC21/slim"',
      '<oai_datacite ',
      '<resource xmlns="http://datacite.org/schema/kernel-4"',
      'status="deleted"',
      'completeListSize=',
      ...['badVerb', 'badArgument', 'badResumptionToken', 'cannotDisseminateFormat', 'idDoesNotExist', 'noRecordsMatch', 'noSetHierarchy'].map(
        (code) => `code="${code}"`,
      ),
    ]) {
      expect(all, marker).toContain(marker);
    }
  });

  it('validates all of them in one xmllint run', async () => {
    const result = await validateXml([...responses.values()], SCHEMAS.oaiPmh);
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  it('validates them with the npm xmllint-wasm as well, the fallback where Debian xmllint is missing', async () => {
    const result = await validateXmlWithWasm([...responses.values()], SCHEMAS.oaiPmh);
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  const getRecordDc = q({ verb: 'GetRecord', identifier: oaiId('110020'), metadataPrefix: 'oai_dc' });
  it.each([
    ['a datestamp without Z', getRecordDc, (x: string) => x.replace(/<datestamp>([^<]*)Z</, '<datestamp>$1<')],
    [
      'an element out of schema order',
      'verb=Identify',
      (x: string) => x.replace(/(<responseDate>[^<]*<\/responseDate>)(\s*)(<request[^>]*>[^<]*<\/request>)/, '$3$2$1'),
    ],
    ['an unknown error code', 'verb=junk', (x: string) => x.replace('code="badVerb"', 'code="serviceUnavailable"')],
    ['a DCMI Terms element inside oai_dc', getRecordDc, (x: string) => x.replace('<dc:title>', '<dc:abstract>x</dc:abstract><dc:title>')],
  ])('is a validation that rejects %s', async (_what, key, corrupt) => {
    const source = responses.get(key) ?? '';
    const bad = corrupt(source);
    expect(bad).not.toBe(source);
    const result = await validateXml(bad, SCHEMAS.oaiPmh);
    expect(result.valid).toBe(false);
  });
});
