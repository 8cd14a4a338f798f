/** Resumption tokens: signed, stable, carrying the query; cursor and completeListSize as the protocol defines them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAI_PAGE_SIZE } from '../../../functions/core/oai/handle-oai-request.ts';
import { decodeResumptionToken, encodeResumptionToken, type ListToken } from '../../../functions/core/oai/resumption-token.ts';
import { testConfig } from '../../support/fixtures.ts';
import { harvest, oaiGet, q } from '../../support/oai-client.ts';
import { type OaiFixture, oaiFixture } from '../../support/oai-fixture.ts';
import { elements } from '../../support/read-xml.ts';
import { STORE_KINDS } from '../../support/store-kinds.ts';

const SECRET = testConfig().tokenSecret;
const COUNT = 4 * OAI_PAGE_SIZE + 30;

describe.each(STORE_KINDS)('on the %s store', (store) => {
  let fx: OaiFixture;
  beforeAll(async () => {
    fx = await oaiFixture({ count: COUNT, store });
  }, 60_000);
  afterAll(() => fx.close());

  const firstToken = async (args: { [name: string]: string }) => {
    const response = await oaiGet(fx.app, q(args));
    return elements(response.doc, 'resumptionToken')[0]?.textContent ?? '';
  };

  describe('resumption tokens', () => {
    it('pages a list with cursor on every token and completeListSize on the empty last one', async () => {
      const result = await harvest(fx.app, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
      // 110020 and the generated records: five pages, the last one short.
      const total = COUNT + 1;
      const pages = Math.ceil(total / OAI_PAGE_SIZE);
      expect(result.tokens.map((t) => [t.value === '', t.cursor, t.completeListSize])).toEqual(
        Array.from({ length: pages }, (_, i) =>
          i < pages - 1 ? [false, String(i * OAI_PAGE_SIZE), undefined] : [true, String(i * OAI_PAGE_SIZE), String(total)],
        ),
      );
    });

    it('gives no token when the whole list fits in one response', async () => {
      const response = await oaiGet(fx.app, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=repository:APRF:fond:45');
      expect(elements(response.doc, 'header')).toHaveLength(1);
      expect(elements(response.doc, 'resumptionToken')).toHaveLength(0);
    });

    it('returns the same page when a token is requested again', async () => {
      const token = await firstToken({ verb: 'ListRecords', metadataPrefix: 'mods' });
      const [a, b] = await Promise.all([
        oaiGet(fx.app, q({ verb: 'ListRecords', resumptionToken: token })),
        oaiGet(fx.app, q({ verb: 'ListRecords', resumptionToken: token })),
      ]);
      expect(a.errors).toEqual([]);
      expect(b.xml).toBe(a.xml);
    });

    it('uses only URL-safe characters', async () => {
      const token = await firstToken({ verb: 'ListRecords', metadataPrefix: 'oai_dc', set: 'type:telegram', from: '2020-01-01' });
      expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
    });

    it('carries the query: a selective harvest stays selective on later pages', async () => {
      const result = await harvest(fx.app, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set: 'type:telegram' });
      expect(result.pages.length).toBeGreaterThan(1);
      expect(result.items.every((item) => item.sets.includes('type:telegram'))).toBe(true);
    });

    it.each([
      ['a flipped payload character', (t: string) => `${t[0] === 'A' ? 'B' : 'A'}${t.slice(1)}`],
      ['a flipped signature character', (t: string) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`],
      ['a truncated signature', (t: string) => t.slice(0, -2)],
      ['no signature', (t: string) => t.split('.')[0] ?? ''],
      ['an appended character', (t: string) => `${t}A`],
    ])('rejects a token with %s as badResumptionToken', async (_what, alter) => {
      const token = await firstToken({ verb: 'ListRecords', metadataPrefix: 'oai_dc' });
      const response = await oaiGet(fx.app, q({ verb: 'ListRecords', resumptionToken: alter(token) }));
      expect(response.errors).toEqual(['badResumptionToken']);
    });

    it('rejects a token signed with another secret', async () => {
      const forged = encodeResumptionToken(
        { verb: 'ListRecords', prefix: 'oai_dc', after: '2020-01-01T00:00:00Z#g0000001', offset: 2 },
        'another-secret-another-secret-another',
      );
      const response = await oaiGet(fx.app, q({ verb: 'ListRecords', resumptionToken: forged }));
      expect(response.errors).toEqual(['badResumptionToken']);
    });

    it('rejects a token issued for another verb', async () => {
      const token = await firstToken({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
      const response = await oaiGet(fx.app, q({ verb: 'ListRecords', resumptionToken: token }));
      expect(response.errors).toEqual(['badResumptionToken']);
    });

    it.each([
      ['a cursor that is not a datestamp#id key', { after: 'record#110020' }],
      ['a set that is not a setSpec', { set: 'x y' }],
      ['a negative offset', { offset: -1 }],
      ['an unknown member', { table: 'other' }],
    ])('rejects a correctly signed token carrying %s', async (_what, change) => {
      const state = { verb: 'ListRecords', prefix: 'oai_dc', after: '2020-01-01T00:00:00Z#g0000001', offset: 2, ...change };
      const token = encodeResumptionToken(state as ListToken, SECRET);
      expect(decodeResumptionToken(token, SECRET)).toBeUndefined();
      const response = await oaiGet(fx.app, q({ verb: 'ListRecords', resumptionToken: token }));
      expect(response.errors).toEqual(['badResumptionToken']);
    });

    it('pages ListSets with a token of its own', async () => {
      const result = await harvest(fx.app, { verb: 'ListSets' });
      const specs = result.pages.flatMap((page) => elements(page.doc, 'setSpec').map((e) => e.textContent));
      expect(result.pages.length).toBeGreaterThan(1);
      expect(new Set(specs).size).toBe(specs.length);
      expect(specs).toEqual([...specs].sort());
    });

    it('decodes what it encodes', () => {
      const state: ListToken = {
        verb: 'ListRecords',
        prefix: 'mods',
        set: 'type:telegram',
        from: '2020-01-01T00:00:00Z',
        after: '2020-01-01T00:00:05Z#g0000017',
        offset: 100,
      };
      expect(decodeResumptionToken(encodeResumptionToken(state, SECRET), SECRET)).toEqual(state);
    });
  });
});
