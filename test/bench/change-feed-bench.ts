/**
 * The IIIF change feed's page cost: its last, first and middle pages, timed alternately through
 * the app and metered in DynamoDB read units, at a large archive against the same pages at a
 * small one loaded in the same run. Flat cost is a ratio of about 1 for every page.
 */
import { performance } from 'node:perf_hooks';
import { createDynamoDbClient } from '../../functions/adapters/aws-clients.ts';
import { DynamoDbRecordStore } from '../../functions/adapters/dynamodb-record-store.ts';
import { createApp } from '../../functions/api/app.ts';
import { changePageUrl } from '../../functions/api/routes/change-discovery.ts';
import type { ChangePageAddress } from '../../functions/core/discovery/read-change-page.ts';
import { systemClock } from '../../functions/core/ports.ts';
import { changeSortKey } from '../../functions/core/records/list-queries.ts';
import { serviceUrls } from '../../functions/core/urls.ts';
import { datestampOf, generatedId, generateRecord } from '../support/generate-records.ts';
import { emulatedStores } from '../support/local-stack.ts';
import { median, round } from './stats.ts';

type Position = 'last' | 'first' | 'middle';
const POSITIONS: readonly Position[] = ['last', 'first', 'middle'];

export interface ChangeFeedPageCost {
  /** Median ms of each page, requested `rounds` times, alternately with the other archive's. */
  ms: { [position in Position]: number };
  /** DynamoDB read units of one request of each page. */
  readUnits: { [position in Position]: number };
}

export interface ChangeFeedBenchFigures {
  records: number;
  baselineRecords: number;
  large: ChangeFeedPageCost;
  small: ChangeFeedPageCost;
  /** large / small, per page, in time and in read units: flat is about 1. */
  ratio: { ms: { [position in Position]: number }; readUnits: { [position in Position]: number } };
}

type Stack = Awaited<ReturnType<typeof emulatedStores>>;

/** Counts read units of every Query the client sends (ReturnConsumedCapacity TOTAL). */
export function meterReadUnits(client: ReturnType<typeof createDynamoDbClient>) {
  const meter = { units: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'QueryCommand') return next(args);
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      meter.units += (result.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity?.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'changeFeedBenchMeter' },
  );
  return meter;
}

/** Requests of the last, first and middle pages of the feed over a stack holding `count` generated records, each metered. */
function feedProbe(stack: Stack, count: number) {
  const client = createDynamoDbClient(stack.config);
  const meter = meterReadUnits(client);
  const records = new DynamoDbRecordStore(client, stack.config.tableName, stack.blobs);
  const app = createApp({ config: stack.config, records, clock: systemClock });
  const pageUrl = changePageUrl(serviceUrls(stack.config.publicBaseUrl), stack.config.tokenSecret);
  const middle = Math.floor(count / 2);
  const addresses: { [position in Position]: ChangePageAddress } = {
    last: { kind: 'last' },
    first: { kind: 'first' },
    middle: { kind: 'after', key: changeSortKey(datestampOf(middle), generatedId(middle)) },
  };
  const times: { [position in Position]: number[] } = { last: [], first: [], middle: [] };
  const readUnits = { last: 0, first: 0, middle: 0 };
  return {
    async request(position: Position, timed: boolean) {
      const url = new URL(pageUrl(addresses[position]));
      const units = meter.units;
      const t0 = performance.now();
      const response = await app.request(url.pathname + url.search);
      const body = (await response.json()) as { orderedItems?: unknown[] };
      const ms = performance.now() - t0;
      if (response.status !== 200 || (body.orderedItems?.length ?? 0) === 0) throw new Error(`change feed ${position} page: ${response.status}`);
      if (!timed) return;
      times[position].push(ms);
      readUnits[position] = meter.units - units;
    },
    cost(): ChangeFeedPageCost {
      return { ms: { last: round(median(times.last), 2), first: round(median(times.first), 2), middle: round(median(times.middle), 2) }, readUnits };
    },
  };
}

async function loadGenerated(stack: Stack, count: number, textLength: number, concurrency = 16) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) await stack.records.put(generateRecord(i, { count, textLength }), undefined);
    }),
  );
}

const ratioOf = (large: { [p in Position]: number }, small: { [p in Position]: number }) =>
  Object.fromEntries(POSITIONS.map((p) => [p, round(large[p] / small[p])])) as { [p in Position]: number };

/** The feed over `large` (already loaded with `count` generated records) against a small archive of `baselineRecords` loaded here. */
export async function runChangeFeedBench(
  large: Stack,
  count: number,
  options: { baselineRecords?: number; textLength?: number; rounds?: number } = {},
): Promise<ChangeFeedBenchFigures> {
  const baselineRecords = options.baselineRecords ?? 1_000;
  const small = await emulatedStores();
  try {
    await loadGenerated(small, baselineRecords, options.textLength ?? 2_000);
    const probes = [feedProbe(small, baselineRecords), feedProbe(large, count)];
    // Warm, then time each page at both sizes alternately, so drift in the machine falls on both alike.
    for (const probe of probes) for (const position of POSITIONS) await probe.request(position, false);
    for (let i = 0; i < (options.rounds ?? 20); i++) for (const position of POSITIONS) for (const probe of probes) await probe.request(position, true);
    const [smallCost, largeCost] = probes.map((probe) => probe.cost()) as [ChangeFeedPageCost, ChangeFeedPageCost];
    return {
      records: count,
      baselineRecords,
      large: largeCost,
      small: smallCost,
      ratio: { ms: ratioOf(largeCost.ms, smallCost.ms), readUnits: ratioOf(largeCost.readUnits, smallCost.readUnits) },
    };
  } finally {
    await small.close();
  }
}
