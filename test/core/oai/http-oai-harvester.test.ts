/**
 * An independent harvester on the real local stack: Debian's HTTP::OAI (libhttp-oai-perl)
 * harvests the local service (dynalite and s3rver, the app on a real port) over HTTP, with GET
 * and with POST, after 250 exports in the archive's text format went in through the ingest
 * CLI's own reading code and the admin route it posts to. Every verb, every metadata format,
 * every list followed through its resumption tokens to the end.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIngestInput } from '../../../functions/adapters/ingest-files.ts';
import { OAI_PAGE_SIZE } from '../../../functions/core/oai/handle-oai-request.ts';
import { type RunningService, startService } from '../../../functions/local/start-service.ts';
import { remoteAdmin } from '../../../functions/operator/remote-admin.ts';
import { requireTool, runTool } from '../../support/external-tool.ts';
import { repoPath } from '../../support/fixtures.ts';
import { SETS_110020, type WrittenExport, writeExports } from '../../support/real-shaped-exports.ts';

const HARVESTER = repoPath('test/support/oai-harvest.pl');
const COUNT = 250;
/** Every 25th export is withdrawn after ingest: 10 deleted records. */
const WITHDRAW_EVERY = 25;
/** Sets harvested selectively (ListIdentifiers with `set`). */
const SELECTIVE_SETS = ['repository:RGANI', 'type:telegram'];
const FORMATS = {
  oai_dc: '{http://www.openarchives.org/OAI/2.0/oai_dc/}dc',
  mods: '{http://www.loc.gov/mods/v3}mods',
  marc21: '{http://www.loc.gov/MARC21/slim}record',
  oai_datacite: '{http://schema.datacite.org/oai/oai-1.1/}oai_datacite',
};

interface HarvestedList {
  verb: 'ListIdentifiers' | 'ListRecords';
  metadataPrefix: keyof typeof FORMATS;
  set?: string;
  count: number;
  identifiers: string[];
  deleted: string[];
  requests: number;
  completeListSize: string | null;
  metadataRoots: { [root: string]: number };
  withoutMetadata: string[];
  titles: number;
}

interface Harvest {
  method: 'GET' | 'POST';
  identify: { repositoryName: string; baseURL: string; protocolVersion: string; earliestDatestamp: string; deletedRecord: string; granularity: string };
  metadataFormats: { metadataPrefix: string; schema: string; metadataNamespace: string }[];
  listSets: { count: number; specs: string[]; requests: number; completeListSize: string | null };
  lists: HarvestedList[];
  getRecord: { identifier: string; metadataPrefix: string; deleted: boolean; metadataRoot: string | null; metadataFormats: string[] }[];
  requests: { count: number; methods: { [method: string]: number }; statuses: { [status: string]: number }; encodings: { [coding: string]: number } };
  errors: string[];
  warnings: string[];
}

let root: string;
let service: RunningService;
let exports: WrittenExport[];
const harvests: { [method: string]: Harvest } = {};

async function harvestWith(method: 'GET' | 'POST'): Promise<Harvest> {
  const args = [HARVESTER, '--base', `${service.url}/oai`, ...SELECTIVE_SETS.flatMap((set) => ['--set', set])];
  const run = await runTool('perl', method === 'POST' ? [...args, '--post'] : args);
  try {
    return JSON.parse(run.stdout) as Harvest;
  } catch {
    throw new Error(`the harvester (${method}) printed no report (exit ${run.code}):\n${run.stderr}\n${run.stdout.slice(0, 2000)}`);
  }
}

beforeAll(async () => {
  await requireTool(
    { command: 'perl', args: ['-MHTTP::OAI', '-MHTTP::OAI::Harvester', '-MJSON::PP', '-e', '1'] },
    'HTTP::OAI is not installed: this test harvests with it. Install it with: apt-get install -y libhttp-oai-perl (.ci/run does).',
  );
  root = await mkdtemp(join(tmpdir(), 'archive-http-oai-'));
  await mkdir(join(root, 'exports'));
  exports = await writeExports(join(root, 'exports'), COUNT);
  service = await startService({ PORT: '0', DATA_DIR: join(root, 'data') }, { inMemory: true, log: () => {} });
  const admin = remoteAdmin(service.url, service.config.ingestApiToken ?? '');
  // What `npm run ingest -- exports/` does while a server runs: read each export, post it to the server.
  const outcomes: string[] = [];
  for (let i = 0; i < exports.length; i += 4)
    outcomes.push(...(await Promise.all(exports.slice(i, i + 4).map(async (e) => (await admin.ingest(await readIngestInput(e.file))).status))));
  expect(outcomes.filter((status) => status !== 'created')).toEqual([]);
  for (const e of withdrawn()) expect((await admin.withdraw(e.id)).status).toBe('withdrawn');
  const [get, post] = await Promise.all([harvestWith('GET'), harvestWith('POST')]);
  harvests.GET = get;
  harvests.POST = post;
}, 120_000);

afterAll(async () => {
  await service?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const withdrawn = () => exports.filter((_, i) => i % WITHDRAW_EVERY === WITHDRAW_EVERY - 1);
const oaiId = (id: string) => `oai:${service.config.oai.repositoryIdentifier}:${id}`;
/** Every record ingested: the generated exports and 110020, which the service seeds on first start. */
const ingestedIds = () => ['110020', ...exports.map((e) => e.id)].map(oaiId).sort();
const pagesFor = (n: number) => Math.ceil(n / OAI_PAGE_SIZE);
const sorted = (values: readonly string[]) => [...values].sort();

describe.each(['GET', 'POST'] as const)('HTTP::OAI::Harvester over %s', (method) => {
  const harvest = () => harvests[method] as Harvest;

  it('reports no errors and no warnings, every request answered 200 and sent as it should be', () => {
    const { errors, warnings, requests } = harvest();
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(requests.statuses).toEqual({ 200: requests.count });
    expect(requests.methods).toEqual({ [method]: requests.count });
    // HTTP::OAI 4.12 asks for no content-coding (and would parse a coded body as XML): it gets none.
    expect(requests.encodings).toEqual({ identity: requests.count });
  });

  it('reads Identify', () => {
    expect(harvest().identify).toMatchObject({
      baseURL: `${service.config.publicBaseUrl}/oai`,
      protocolVersion: '2.0',
      deletedRecord: 'persistent',
      granularity: 'YYYY-MM-DDThh:mm:ssZ',
      repositoryName: service.config.oai.repositoryName,
    });
    expect(harvest().identify.earliestDatestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('lists the three metadata formats', () => {
    expect(harvest().metadataFormats.map((f) => f.metadataPrefix)).toEqual(Object.keys(FORMATS));
  });

  it('lists every set every ingested record belongs to, once each, over several pages', () => {
    const expected = [...new Set([...SETS_110020, ...exports.flatMap((e) => e.sets)])].sort();
    const { specs, requests, completeListSize } = harvest().listSets;
    expect(expected.length).toBeGreaterThan(2 * OAI_PAGE_SIZE);
    expect(sorted(specs)).toEqual(expected);
    expect(requests).toBe(pagesFor(expected.length));
    expect(completeListSize).toBe(String(expected.length));
  });

  for (const verb of ['ListIdentifiers', 'ListRecords'] as const) {
    for (const prefix of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
      it(`${verb} ${prefix}: every ingested record exactly once, the withdrawn ones as deleted, over several pages`, () => {
        const list = harvest().lists.find((l) => l.verb === verb && l.metadataPrefix === prefix && l.set === undefined);
        expect(list).toBeDefined();
        if (!list) return;
        expect(list.count).toBe(COUNT + 1);
        expect(sorted(list.identifiers)).toEqual(ingestedIds());
        expect(sorted(list.deleted)).toEqual(sorted(withdrawn().map((e) => oaiId(e.id))));
        expect(list.requests).toBe(pagesFor(COUNT + 1));
        expect(list.requests).toBeGreaterThan(2);
        expect(list.completeListSize).toBe(String(COUNT + 1));
        if (verb === 'ListRecords') {
          const live = COUNT + 1 - withdrawn().length;
          expect(list.metadataRoots).toEqual({ [FORMATS[prefix]]: live });
          expect(list.withoutMetadata).toEqual([]);
          if (prefix === 'oai_dc') expect(list.titles).toBe(live);
        }
      });
    }
  }

  it.each(SELECTIVE_SETS)('ListIdentifiers of set %s: exactly its members, deleted ones included', (set) => {
    const list = harvest().lists.find((l) => l.set === set);
    const members = exports.filter((e) => e.sets.includes(set)).map((e) => e.id);
    if (SETS_110020.includes(set)) members.push('110020');
    expect(members.length).toBeGreaterThan(10);
    expect(sorted(list?.identifiers ?? [])).toEqual(sorted(members.map(oaiId)));
  });

  it('GetRecord and ListMetadataFormats of single records: 110020, every deleted record and a sample, in every format', () => {
    const { getRecord } = harvest();
    const deleted = new Set(withdrawn().map((e) => oaiId(e.id)));
    const fetched = new Set(getRecord.map((r) => r.identifier));
    expect(fetched).toContain(oaiId('110020'));
    for (const identifier of deleted) expect(fetched).toContain(identifier);
    expect(fetched.size).toBeGreaterThan(deleted.size + 3);
    expect(getRecord).toHaveLength(fetched.size * Object.keys(FORMATS).length);
    for (const record of getRecord) {
      const prefix = record.metadataPrefix as keyof typeof FORMATS;
      expect(record).toEqual({
        identifier: record.identifier,
        metadataPrefix: prefix,
        deleted: deleted.has(record.identifier),
        metadataRoot: deleted.has(record.identifier) ? null : FORMATS[prefix],
        metadataFormats: Object.keys(FORMATS),
      });
    }
  });
});
