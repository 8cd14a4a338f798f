/** TIFY (from the npm registry) on a loopback origin of its own, for the viewer tests in headless Chromium. */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoPath } from './fixtures.ts';

const TIFY_DIST = repoPath('node_modules/tify/dist');
const TIFY_FILES: { [path: string]: { file: string; type: string } } = {
  '/tify.js': { file: 'tify.js', type: 'text/javascript; charset=utf-8' },
  '/tify.css': { file: 'tify.css', type: 'text/css; charset=utf-8' },
  '/translations/en.json': { file: 'translations/en.json', type: 'application/json' },
};

/** TIFY's page: the manifest from the query, the text view open, the instance on `window.tify`. */
const TIFY_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TIFY</title>
<link rel="stylesheet" href="/tify.css">
<style>html, body { margin: 0; height: 100%; } #tify { height: 100%; }</style>
</head>
<body>
<div id="tify"></div>
<script type="module">
import Tify from '/tify.js';
window.tify = new Tify({ container: '#tify', manifestUrl: new URLSearchParams(location.search).get('manifest'), view: 'text', urlQueryKey: null });
</script>
</body>
</html>
`;

/** A loopback server for TIFY's files: the viewer on an origin of its own, reading the service across origins. */
export async function serveTify(): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const asset = TIFY_FILES[path];
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(TIFY_PAGE);
    } else if (asset) {
      const body = await readFile(join(TIFY_DIST, asset.file)).catch(() => undefined);
      if (body) res.writeHead(200, { 'Content-Type': asset.type }).end(body);
      else res.writeHead(404).end();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
