/** Serialized `record` elements kept between requests: the same bytes as without them, and never stale. */
import { beforeAll, describe, expect, it } from 'vitest';
import { handleOaiRequest, type OaiRepository, recordFragmentCache } from '../../../functions/core/oai/handle-oai-request.ts';
import { METADATA_FORMATS } from '../../../functions/core/oai/metadata-formats.ts';
import { serviceUrls } from '../../../functions/core/urls.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { TEST_BASE_URL } from '../../support/fixtures.ts';
import { oaiGet } from '../../support/oai-client.ts';
import { type OaiFixture, oaiFixture, oaiId, REPOSITORY_ID, withdraw } from '../../support/oai-fixture.ts';

const NOW = new Date('2026-11-28T00:00:00Z');
let fx: OaiFixture;

beforeAll(async () => {
  fx = await oaiFixture({ count: 30, withdrawEvery: 7 });
});

const repository = (records: OaiRepository['records'], withFragments: boolean): OaiRepository => ({
  records,
  urls: serviceUrls(TEST_BASE_URL),
  repositoryName: 'Test',
  repositoryIdentifier: REPOSITORY_ID,
  adminEmails: ['admin@example.org'],
  tokenSecret: 'secret',
  pageSize: 10,
  ...(withFragments ? { recordFragments: recordFragmentCache() } : {}),
});

describe('OAI record fragments', () => {
  it.each(METADATA_FORMATS.map((f) => f.prefix))('give the same %s responses, first and second time, as fresh serialization', async (prefix) => {
    const plain = repository(fx.records, false);
    const cached = repository(fx.records, true);
    const requests: [string, string][][] = [
      [
        ['verb', 'GetRecord'],
        ['identifier', oaiId('110020')],
        ['metadataPrefix', prefix],
      ],
      [
        ['verb', 'GetRecord'],
        ['identifier', oaiId(fx.withdrawn[0] ?? '')],
        ['metadataPrefix', prefix],
      ],
      [
        ['verb', 'ListRecords'],
        ['metadataPrefix', prefix],
      ],
    ];
    for (const pairs of requests) {
      const expected = await handleOaiRequest(pairs, plain, NOW);
      expect(await handleOaiRequest(pairs, cached, NOW)).toEqual(expected);
      expect(await handleOaiRequest(pairs, cached, NOW)).toEqual(expected);
    }
    expect(cached.recordFragments?.size).toBeGreaterThan(10);
  });

  it('follow a record through a new version and its withdrawal', async () => {
    const { app, records } = await oaiFixture();
    const getRecord = () => oaiGet(app, `verb=GetRecord&identifier=${oaiId('110020')}&metadataPrefix=oai_dc`);
    expect((await getRecord()).xml).toContain('Telegram from Mao Zedong');

    const current = (await records.get('110020')) as ArchivalRecord;
    const revised = { ...current, title: 'A revised title', version: current.version + 1, datestamp: '2026-11-27T09:00:00Z' };
    await records.put(revised, current.version);
    const afterRevision = (await getRecord()).xml;
    expect(afterRevision).toContain('A revised title');
    expect(afterRevision).not.toContain('Telegram from Mao Zedong');

    await withdraw(records, revised);
    const afterWithdrawal = await getRecord();
    expect(afterWithdrawal.xml).toContain('status="deleted"');
    expect(afterWithdrawal.xml).not.toContain('<metadata>');
  });
});
