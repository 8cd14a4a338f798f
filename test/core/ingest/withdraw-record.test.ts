import { describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app.ts';
import { adminOperations } from '../../../functions/core/ingest/admin-operations.ts';
import { withdrawRecord } from '../../../functions/core/ingest/withdraw-record.ts';
import { fixedClock, seededStores, testConfig } from '../../support/fixtures.ts';

const TOKEN = 'withdraw-test-token-0123456789';

async function setup() {
  const { records, ingestDeps } = await seededStores({ clock: fixedClock('2026-01-01T00:00:00Z') });
  const later = { records, clock: fixedClock('2026-03-01T08:30:00.900Z') };
  const app = createApp({
    config: testConfig({ INGEST_API_TOKEN: TOKEN }),
    records,
    clock: later.clock,
    admin: adminOperations({ ...ingestDeps, clock: later.clock }),
  });
  return { records, later, app };
}

describe('withdrawing a record', () => {
  it('replaces it by a tombstone with the next version, a new datestamp, its sets, when and why, and what it was', async () => {
    const { records, later } = await setup();
    expect(await withdrawRecord('110020', later, '  Withdrawn at the request of the rights holder. ')).toEqual({
      status: 'withdrawn',
      id: '110020',
      version: 2,
      datestamp: '2026-03-01T08:30:00Z',
    });
    expect(await records.get('110020')).toEqual({
      id: '110020',
      deleted: true,
      version: 2,
      datestamp: '2026-03-01T08:30:00Z',
      sets: ['repository:APRF', 'repository:APRF:fond:45', 'repository:APRF:fond:45:opis:1', 'repository:APRF:fond:45:opis:1:delo:337', 'type:telegram'],
      withdrawal: { at: '2026-03-01T08:30:00.900Z', reason: 'Withdrawn at the request of the rights holder.' },
      formerly: {
        title:
          'Telegram from Mao Zedong to I.V. Stalin, Conveying the 19 January 1951 Telegram from Peng Dehuai to Mao Zedong regarding Meetings with Kim Il Sung',
        date: 'January 27, 1951',
        source: 'APRF, f. 45, op. 1, d. 337, ll. 37-40.',
      },
    });
  });

  it('says so when the record was already withdrawn or never existed', async () => {
    const { later } = await setup();
    await withdrawRecord('110020', later);
    expect((await withdrawRecord('110020', later)).status).toBe('already-withdrawn');
    expect(await withdrawRecord('424242', later)).toEqual({ status: 'unknown', id: '424242' });
  });

  it('makes the record answer 410 and OAI-PMH report it deleted, in its sets too', async () => {
    const { later, app } = await setup();
    await withdrawRecord('110020', later);
    expect((await app.request('/records/110020')).status).toBe(410);
    expect((await app.request('/iiif/3/110020/manifest')).status).toBe(410);
    const identifier = `oai:${testConfig().oai.repositoryIdentifier}:110020`;
    const record = await (await app.request(`/oai?verb=GetRecord&identifier=${identifier}&metadataPrefix=oai_dc`)).text();
    expect(record).toMatch(/<header status="deleted">\s*<identifier>[^<]+110020<\/identifier>\s*<datestamp>2026-03-01T08:30:00Z<\/datestamp>/);
    const listed = await (await app.request('/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:telegram')).text();
    expect(listed).toContain('<header status="deleted">');
  });
});

describe('POST /admin/withdraw/{id}', () => {
  it('refuses a request without the bearer token', async () => {
    const { app } = await setup();
    expect((await app.request('/admin/withdraw/110020', { method: 'POST' })).status).toBe(401);
  });

  it('withdraws with the token, and answers 404 for an unknown record', async () => {
    const { app } = await setup();
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const res = await app.request('/admin/withdraw/110020', { method: 'POST', headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'withdrawn', version: 2 });
    expect((await app.request('/admin/withdraw/424242', { method: 'POST', headers: auth })).status).toBe(404);
    expect((await app.request('/admin/withdraw/..%2Fx', { method: 'POST', headers: auth })).status).toBe(400);
  });
});
