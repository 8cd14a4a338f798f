/**
 * Bytes on the wire: for the API's typical answers (an OAI-PMH ListRecords page in marc21 and in
 * oai_dc, a IIIF manifest, a landing page, the record JSON), the bytes and the CPU each costs per
 * response as identity, gzip and Brotli at the settings the service uses (compress.ts), and, for
 * choosing those settings, the same for the other Brotli qualities and gzip levels. The bodies are
 * the app's own answers on the local stack, 101 generated records in the store (one full page),
 * their texts in words drawn from the seed record's.
 * CPU is the process's (all threads: zlib runs on libuv's pool), per response, over repeated encodes.
 *
 *   npx tsx test/bench/compression-bench.ts
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createApp } from '../../functions/api/app.ts';
import { OAI_PAGE_SIZE } from '../../functions/core/oai/handle-oai-request.ts';
import { systemClock } from '../../functions/core/ports.ts';
import { BROTLI_QUALITY, encodeBody, GZIP_LEVEL } from '../../functions/http/compress.ts';
import { repoPath } from '../support/fixtures.ts';
import { generatedId, generateRecord } from '../support/generate-records.ts';
import { emulatedStores } from '../support/local-stack.ts';
import { round } from './stats.ts';

export interface EncodingCost {
  coding: string;
  bytes: number;
  /** Encoded bytes over identity bytes. */
  ratio: number;
  /** CPU per response, ms. */
  cpuMs: number;
}

export interface CompressionFigures {
  brotliQuality: number;
  gzipLevel: number;
  responses: { name: string; path: string; identityBytes: number; encodings: EncodingCost[] }[];
  /** Every quality and level on the two largest bodies, for the choice of settings. */
  settings: { name: string; encodings: EncodingCost[] }[];
}

const id = generatedId(3);

/**
 * A text of about `length` characters in words drawn (deterministically, by `seed`) from a real
 * document's: the generated records' own texts repeat one sentence, which would compress far
 * better than any archive's.
 */
function wordsText(vocabulary: readonly string[], seed: number, length: number): string {
  let state = seed * 2654435761 + 1;
  let text = '';
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += `${vocabulary[state % vocabulary.length]} `;
  }
  return text.trim();
}
const RESPONSES: { name: string; path: string; headers: { [name: string]: string } }[] = [
  { name: 'OAI ListRecords marc21 page', path: '/oai?verb=ListRecords&metadataPrefix=marc21', headers: {} },
  { name: 'OAI ListRecords oai_dc page', path: '/oai?verb=ListRecords&metadataPrefix=oai_dc', headers: {} },
  { name: 'IIIF manifest', path: `/iiif/3/${id}/manifest`, headers: {} },
  { name: 'landing page', path: `/records/${id}`, headers: { accept: 'text/html' } },
  { name: 'record JSON', path: `/records/${id}.json`, headers: {} },
];

/** CPU per call of `encode` (ms), over enough calls to take about `budgetMs` of CPU. */
async function cpuPerCall(encode: () => Promise<unknown>, budgetMs = 300): Promise<number> {
  await encode();
  let calls = 0;
  const start = process.cpuUsage();
  let spent = 0;
  while (spent < budgetMs * 1000 || calls < 3) {
    await encode();
    calls++;
    const used = process.cpuUsage(start);
    spent = used.user + used.system;
  }
  return spent / 1000 / calls;
}

async function cost(
  body: Uint8Array,
  coding: 'br' | 'gzip',
  label: string,
  options: { brotliQuality?: number; gzipLevel?: number } = {},
): Promise<EncodingCost> {
  const encoded = await encodeBody(body, coding, options);
  return {
    coding: label,
    bytes: encoded.byteLength,
    ratio: round(encoded.byteLength / body.byteLength, 3),
    cpuMs: round(await cpuPerCall(() => encodeBody(body, coding, options)), 3),
  };
}

export async function runCompressionBench(): Promise<CompressionFigures> {
  const stores = await emulatedStores();
  try {
    const count = OAI_PAGE_SIZE + 1;
    const vocabulary = (await readFile(repoPath('data/records/110020.txt'), 'utf8')).split(/\s+/).filter(Boolean);
    for (let i = 0; i < count; i++) {
      const record = generateRecord(i, { count, textLength: 2_000 });
      const texts = record.texts.map((text) => ({ ...text, text: wordsText(vocabulary, i, 2_000) }));
      await stores.records.put({ ...record, texts, summary: wordsText(vocabulary, i + 7919, 300) }, undefined);
    }
    const app = createApp({ config: stores.config, records: stores.records, clock: systemClock });
    const responses: CompressionFigures['responses'] = [];
    const bodies = new Map<string, Uint8Array>();
    for (const response of RESPONSES) {
      const res = await app.request(response.path, { headers: response.headers });
      const body = new Uint8Array(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${response.path} answered ${res.status}`);
      bodies.set(response.name, body);
      // Identity costs nothing to encode: the body is sent as it is.
      responses.push({
        name: response.name,
        path: response.path,
        identityBytes: body.byteLength,
        encodings: [
          { coding: 'identity', bytes: body.byteLength, ratio: 1, cpuMs: 0 },
          await cost(body, 'gzip', `gzip ${GZIP_LEVEL}`),
          await cost(body, 'br', `br ${BROTLI_QUALITY}`),
        ],
      });
    }
    const settings: CompressionFigures['settings'] = [];
    for (const name of ['OAI ListRecords marc21 page', 'IIIF manifest']) {
      const body = bodies.get(name);
      if (!body) continue;
      const encodings: EncodingCost[] = [];
      for (const level of [1, 6, 9]) encodings.push(await cost(body, 'gzip', `gzip ${level}`, { gzipLevel: level }));
      for (const quality of [1, 4, 5, 6, 9, 11]) encodings.push(await cost(body, 'br', `br ${quality}`, { brotliQuality: quality }));
      settings.push({ name, encodings });
    }
    return { brotliQuality: BROTLI_QUALITY, gzipLevel: GZIP_LEVEL, responses, settings };
  } finally {
    await stores.close();
  }
}

export function formatCompression(f: CompressionFigures, table: (rows: (string | number)[][]) => string): string {
  const cells = (e: EncodingCost) => `${e.bytes} B (${Math.round(e.ratio * 100)}%), ${e.cpuMs} ms`;
  return `Bytes on the wire: each response as identity, gzip ${f.gzipLevel} and Brotli ${f.brotliQuality} (the service's settings): bytes (of identity) and CPU per response to encode it\n${table(
    [
      ['response', 'identity', `gzip ${f.gzipLevel}`, `br ${f.brotliQuality}`],
      ...f.responses.map((r) => [r.name, `${r.identityBytes} B`, ...r.encodings.slice(1).map(cells)]),
    ],
  )}\n\nSettings: bytes and CPU per response for each gzip level and Brotli quality\n${table([
    ['response', ...(f.settings[0]?.encodings.map((e) => e.coding) ?? [])],
    ...f.settings.map((s) => [s.name, ...s.encodings.map((e) => `${Math.round(e.ratio * 1000) / 10}%, ${e.cpuMs} ms`)]),
  ])}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  console.log(JSON.stringify(await runCompressionBench(), null, 2));
}
