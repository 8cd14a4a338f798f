/**
 * OAI-PMH harvest benchmark: loads generated records into dynalite through the DynamoDB adapter,
 * then harvests them all with ListRecords through the app, page by page, and reports records per
 * second, the cost of a page near the end against the first page (time and DynamoDB read units,
 * from ReturnConsumedCapacity), which should be flat: pages are keyset GSI queries. Then the IIIF
 * change feed's last, first and middle pages over the same records, against a small archive.
 *
 *   npx tsx test/bench/oai-harvest-bench.ts [records]     (default 10,000; BENCH_OAI_RECORDS also works)
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createDynamoDbClient } from '../../functions/adapters/aws-clients.ts';
import { DynamoDbRecordStore } from '../../functions/adapters/dynamodb-record-store.ts';
import { createApp } from '../../functions/api/app.ts';
import { OAI_PAGE_SIZE } from '../../functions/core/oai/handle-oai-request.ts';
import { systemClock } from '../../functions/core/ports.ts';
import { generateRecord } from '../support/generate-records.ts';
import { emulatedStores } from '../support/local-stack.ts';
import { type ChangeFeedBenchFigures, runChangeFeedBench } from './change-feed-bench.ts';
import { median, round } from './stats.ts';

export interface OaiHarvestBenchOptions {
  /** Records to load and harvest (default 10,000). */
  records?: number;
  /** Characters of text per record (default 2,000: about 4 KB stored per record). */
  textLength?: number;
  /** Metadata format harvested (default oai_dc). */
  metadataPrefix?: string;
  /** Concurrent writes while loading (default 16). */
  loadConcurrency?: number;
  /** Pages averaged at each end of the list (default 5). */
  window?: number;
}

export interface OaiHarvestBenchFigures {
  records: number;
  pageSize: number;
  pages: number;
  loadSeconds: number;
  harvestSeconds: number;
  recordsPerSecond: number;
  /** Median time of the first page and of the last full page, each requested 4 x `window` times, alternately, ms. */
  firstPagesMs: number;
  nearEndPagesMs: number;
  /** nearEndPagesMs / firstPagesMs: flat page cost is about 1 (target at most 1.2). */
  lastToFirstRatio: number;
  /** Median page time in the harvest itself, first `window` and last `window` full pages, ms. */
  harvestPassPagesMs: { first: number; nearEnd: number };
  /** DynamoDB read capacity units consumed per page (ReturnConsumedCapacity TOTAL). */
  readUnitsPerPage: { first: number; nearEnd: number; mean: number; max: number };
  /** Queries per page: more than one only where DynamoDB cut a query at 1 MB. */
  queriesPerPage: { mean: number; max: number };
  harvestedExactlyOnce: boolean;
  /** The change feed's pages over the same records against a small archive (`runChangeFeedBench`). */
  changeFeed: ChangeFeedBenchFigures;
}

/** Counts read units and queries of every Query the client sends. */
function meterQueries(client: ReturnType<typeof createDynamoDbClient>) {
  const meter = { units: 0, queries: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'QueryCommand') return next(args);
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      meter.queries += 1;
      meter.units += (result.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity?.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'oaiBenchQueryMeter' },
  );
  return meter;
}

export async function runOaiHarvestBench(options: OaiHarvestBenchOptions = {}): Promise<OaiHarvestBenchFigures> {
  const count = options.records ?? 10_000;
  const textLength = options.textLength ?? 2_000;
  const prefix = options.metadataPrefix ?? 'oai_dc';
  const concurrency = options.loadConcurrency ?? 16;
  const window = options.window ?? 5;
  const stores = await emulatedStores();
  try {
    const loadStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < count; i = next++) await stores.records.put(generateRecord(i, { count, textLength }), undefined);
      }),
    );
    const loadSeconds = (performance.now() - loadStart) / 1000;

    const client = createDynamoDbClient(stores.config);
    const meter = meterQueries(client);
    const records = new DynamoDbRecordStore(client, stores.config.tableName, stores.blobs);
    const app = createApp({ config: stores.config, records, clock: systemClock });
    const get = async (query: string) => {
      const response = await app.request(`/oai?${query}`);
      const xml = await response.text();
      if (response.status !== 200 || xml.includes('<error ')) throw new Error(`harvest failed: ${xml.slice(0, 500)}`);
      return xml;
    };
    // Warm the code paths and the connection pool before timing.
    for (let i = 0; i < 3; i++) await get(`verb=ListRecords&metadataPrefix=${prefix}`);

    const pages: { ms: number; units: number; queries: number; items: number; query: string }[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    let query = `verb=ListRecords&metadataPrefix=${prefix}`;
    const harvestStart = performance.now();
    for (;;) {
      const before = { ...meter };
      const t0 = performance.now();
      const xml = await get(query);
      const ms = performance.now() - t0;
      const ids = [...xml.matchAll(/<identifier>([^<]+)<\/identifier>/g)].map((m) => m[1] ?? '');
      for (const id of ids) {
        if (seen.has(id)) duplicates++;
        seen.add(id);
      }
      pages.push({ ms, units: meter.units - before.units, queries: meter.queries - before.queries, items: ids.length, query });
      const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
      if (!token) break;
      query = `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
    }
    const harvestSeconds = (performance.now() - harvestStart) / 1000;

    const full = pages.filter((p) => p.items === OAI_PAGE_SIZE);
    const first = full.slice(0, window);
    const nearEnd = full.slice(-window);
    // Tokens are stable, so the first page and the last full page can be timed again, alternately,
    // once the process is warm: the comparison is then of page position alone.
    const firstQuery = first[0]?.query ?? '';
    const nearEndQuery = nearEnd[nearEnd.length - 1]?.query ?? '';
    const retimed = { first: [] as number[], nearEnd: [] as number[] };
    for (let i = 0; i < 4 * window; i++) {
      for (const [which, q] of [
        ['first', firstQuery],
        ['nearEnd', nearEndQuery],
      ] as const) {
        const t0 = performance.now();
        await get(q);
        retimed[which].push(performance.now() - t0);
      }
    }
    const firstPagesMs = median(retimed.first);
    const nearEndPagesMs = median(retimed.nearEnd);
    const changeFeed = await runChangeFeedBench(stores, count, { textLength });
    return {
      records: count,
      pageSize: OAI_PAGE_SIZE,
      pages: pages.length,
      loadSeconds: round(loadSeconds, 1),
      harvestSeconds: round(harvestSeconds, 1),
      recordsPerSecond: Math.round(seen.size / harvestSeconds),
      firstPagesMs: round(firstPagesMs, 1),
      nearEndPagesMs: round(nearEndPagesMs, 1),
      lastToFirstRatio: round(nearEndPagesMs / firstPagesMs),
      harvestPassPagesMs: { first: round(median(first.map((p) => p.ms)), 1), nearEnd: round(median(nearEnd.map((p) => p.ms)), 1) },
      readUnitsPerPage: {
        first: round(median(first.map((p) => p.units)), 1),
        nearEnd: round(median(nearEnd.map((p) => p.units)), 1),
        mean: round(pages.reduce((n, p) => n + p.units, 0) / pages.length, 1),
        max: round(Math.max(...pages.map((p) => p.units)), 1),
      },
      queriesPerPage: { mean: round(pages.reduce((n, p) => n + p.queries, 0) / pages.length), max: Math.max(...pages.map((p) => p.queries)) },
      harvestedExactlyOnce: duplicates === 0 && seen.size === count,
      changeFeed,
    };
  } finally {
    await stores.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const records = Number(process.argv[2] ?? process.env.BENCH_OAI_RECORDS ?? 10_000);
  const figures = await runOaiHarvestBench({ records });
  console.log(JSON.stringify(figures, null, 2));
}
