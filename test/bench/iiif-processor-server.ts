/**
 * iiif-processor (the library serverless-iiif runs, over its own sharp) as a plain node:http
 * server for the peer bench (image-peers.ts): every request opens the bench's pyramidal TIFF
 * as a stream, its page sizes given up front so that it picks pages as the service does.
 * Prints `{"port":…}` once listening.
 *
 *   node --import tsx test/bench/iiif-processor-server.ts /path/scan.tif '[{"width":6000,"height":8000},…]'
 */
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Processor } from 'iiif-processor';

const [tiff, levelsJson] = process.argv.slice(2);
if (!tiff || !levelsJson) throw new Error('usage: iiif-processor-server.ts {tiff} {levels as JSON}');
const levels = JSON.parse(levelsJson) as { width: number; height: number }[];

const server = createServer((req, res) => {
  const processor = new Processor(`http://${req.headers.host}${req.url}`, async () => createReadStream(tiff), { dimensionFunction: async () => levels });
  processor.execute().then(
    (result) => {
      if (result.type === 'content') {
        res.writeHead(200, { 'Content-Type': result.contentType });
        res.end(result.body);
      } else if (result.type === 'redirect') {
        res.writeHead(302, { Location: result.location });
        res.end();
      } else {
        res.writeHead(result.statusCode ?? 500);
        res.end(result.message);
      }
    },
    (error: { statusCode?: number; message?: string }) => {
      res.writeHead(error.statusCode ?? 500);
      res.end(String(error.message));
    },
  );
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`));
