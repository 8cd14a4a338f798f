/**
 * The image service alone in its own process for the peer bench (image-peers.ts): ingests the
 * bench's synthetic scan with the real deriver (pyramid and stored tiles), writes the same
 * scan's tiled pyramidal TIFF for the peers to read, serves the image app on loopback and prints
 * `{"port":…,"tiff":…,"image":…}` once listening.
 *
 *   node --import tsx test/bench/image-peer-server.ts /tmp/dir
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { loadArchiveProfile } from '../../functions/adapters/ingest-files.ts';
import { pyramidKey } from '../../functions/core/bucket-layout.ts';
import { ingestExport } from '../../functions/core/ingest/ingest-export.ts';
import { isTombstone, systemClock } from '../../functions/core/ports.ts';
import { CachedRecordStore } from '../../functions/core/records/cached-record-store.ts';
import { createImageApp } from '../../functions/image/app.ts';
import { SharpLeafImageDeriver } from '../../functions/imaging/leaf-image-deriver.ts';
import { loadConfig } from '../../schemas/config.ts';
import { ARCHIVE_PROFILE, EXPORT_110020 } from '../support/fixtures.ts';
import { MemoryBlobStore, MemoryRecordStore } from '../support/memory-stores.ts';
import { syntheticScan } from './image-bench.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: image-peer-server.ts {directory for the pyramidal TIFF}');
const records = new MemoryRecordStore();
const blobs = new MemoryBlobStore();
const started = performance.now();
const outcome = await ingestExport(
  { fileName: '110020.txt', exportBytes: await readFile(EXPORT_110020), scans: new Map([['37', new Uint8Array(await syntheticScan())]]) },
  { records, blobs, clock: systemClock, profile: await loadArchiveProfile(ARCHIVE_PROFILE), images: new SharpLeafImageDeriver() },
);
if (outcome.status === 'rejected') throw new Error(`ingest rejected: ${JSON.stringify(outcome.problems)}`);
const ingestMs = Math.round(performance.now() - started);
const record = await records.get('110020');
const image = record && !isTombstone(record) ? record.images.find((i) => i.id === '110020-l37') : undefined;
if (!image) throw new Error('the bench record has no image 110020-l37');
// The peers read the very pyramid the service reads.
const tiff = join(dir, 'scan.tif');
await writeFile(tiff, await blobs.get(pyramidKey('110020', image.leaf, image.sha256)));
const app = createImageApp({
  config: loadConfig({ PUBLIC_BASE_URL: 'https://bench.example.org' }),
  records: new CachedRecordStore(records, systemClock),
  blobs,
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
server.once('listening', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(
    `${JSON.stringify({ port, tiff, ingestMs, image: { width: image.width, height: image.height, tileSize: image.tileSize, levels: image.levels.length }, levels: image.levels })}\n`,
  );
});
