/**
 * `/viewer?manifest=...`: Mirador 4, self-hosted from the npm package (no CDN), opening one
 * manifest with its thumbnails along the bottom and its annotations panel open, so that the
 * translation (`supplementing` annotations, which Mirador hides by default) is shown.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { chooseContentCoding } from '../../http/compress.ts';
import { CACHE_IMMUTABLE, CACHE_METADATA, matchesEtag, sendRepresentation } from '../../http/conditional.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { reply } from '../../http/reply.ts';
import type { AppEnv } from '../app-env.ts';
import { COMMON_RESPONSES, EXAMPLE_RECORD, type OpenApiPaths, ok, operation, pathParameter, queryParameter } from '../openapi/operations.ts';
import { loadMiradorScript } from './mirador-script.ts';

const MAX_MANIFEST_URL_LENGTH = 2048;

/** Mirador's default filter plus `supplementing`, the motivation of transcriptions and translations. */
export const SHOWN_MOTIVATIONS = ['oa:commenting', 'oa:tagging', 'sc:painting', 'commenting', 'tagging', 'supplementing'] as const;

export function miradorConfig(manifestUrl: string) {
  return {
    id: 'viewer',
    windows: [{ manifestId: manifestUrl, thumbnailNavigationPosition: 'far-bottom' }],
    window: { allowClose: false, allowMaximize: false, sideBarOpen: true, sideBarPanel: 'annotations', defaultView: 'single' },
    annotations: { filteredMotivations: [...SHOWN_MOTIVATIONS] },
    thumbnailNavigation: { defaultPosition: 'far-bottom' },
    workspace: { type: 'mosaic', allowNewWindows: false },
    workspaceControlPanel: { enabled: false },
  };
}

const INIT_SCRIPT = "Mirador.viewer(JSON.parse(document.getElementById('viewer-config').textContent));";
const INIT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(INIT_SCRIPT).digest('base64')}'`;

/**
 * What the viewer page may load. Manifests (and their annotation pages) may come from any IIIF
 * server, but images only from this service's image origin (plus `data:` and `blob:`, which
 * Mirador's libraries may use): a manifest can never make the viewer fetch an image elsewhere,
 * whatever markup a text or label of it holds.
 */
export function contentSecurityPolicy(imageOrigin: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${INIT_SCRIPT_HASH}`,
    // Mirador's styling library injects <style> elements.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' ${imageOrigin} data: blob:`,
    'connect-src *',
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** JSON that is safe inside a <script> element: no `<`, and no line separators that end a JS string. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function viewerPage(manifestUrl: string, scriptPath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>IIIF viewer</title>
<style>html, body { margin: 0; height: 100%; } #viewer { position: absolute; inset: 0; }</style>
</head>
<body>
<div id="viewer"></div>
<script type="application/json" id="viewer-config">${scriptSafeJson(miradorConfig(manifestUrl))}</script>
<script src="${scriptPath}"></script>
<script>${INIT_SCRIPT}</script>
</body>
</html>
`;
}

/** The manifest URL of the query, or a 400 saying what is wrong with it. */
function checkedManifestUrl(raw: string | undefined): string {
  if (!raw) throw badRequest('Give the manifest to open: /viewer?manifest={IIIF Presentation manifest URL}.');
  if (raw.length > MAX_MANIFEST_URL_LENGTH) throw badRequest(`The manifest URL is longer than ${MAX_MANIFEST_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('"manifest" is not an absolute URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badRequest('"manifest" must be an http or https URL.');
  return url.href;
}

export const viewerRoutes = new Hono<AppEnv>()
  .get('/viewer', async (c) => {
    const manifestUrl = checkedManifestUrl(c.req.query('manifest'));
    const script = await loadMiradorScript();
    const { urls } = c.get('deps');
    const html = viewerPage(manifestUrl, new URL(urls.viewerAsset(script.fileName)).pathname);
    return sendRepresentation(c, {
      body: html,
      contentType: 'text/html; charset=utf-8',
      etag: createHash('sha256').update(html).digest('base64url').slice(0, 32),
      cacheControl: CACHE_METADATA,
      headers: {
        'Content-Security-Policy': contentSecurityPolicy(new URL(urls.imageService('x')).origin),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      },
    });
  })
  .get('/viewer/:file', async (c) => {
    const script = await loadMiradorScript();
    const file = c.req.param('file');
    if (file !== script.fileName) throw notFound(`No viewer file "${file.slice(0, 80)}"; the viewer's script is ${script.fileName}.`);
    const etag = `"${script.etag}"`;
    const coding = chooseContentCoding(c.req.header('Accept-Encoding'));
    const headers: { [name: string]: string } = {
      'Cache-Control': CACHE_IMMUTABLE,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      ETag: coding ? `W/${etag}` : etag,
    };
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return reply(c, null, 304, headers);
    headers['Content-Type'] = 'text/javascript; charset=utf-8';
    if (!coding) return reply(c, script.bytes, 200, headers);
    return reply(c, await script.encoded(coding), 200, { ...headers, 'Content-Encoding': coding });
  });

export const viewerPaths: OpenApiPaths = {
  '/viewer': {
    get: operation('iiif', 'Mirador, opening a manifest', { '200': ok('The viewer page', ['text/html; charset=utf-8']), ...COMMON_RESPONSES }, [
      queryParameter(
        'manifest',
        'The URL of the IIIF Presentation manifest to open',
        { type: 'string', format: 'uri' },
        { required: true, example: `https://archive.example.org/iiif/3/${EXAMPLE_RECORD}/manifest` },
      ),
    ]),
  },
  '/viewer/{file}': {
    get: operation('iiif', "The viewer's script, content-addressed", { '200': ok('Mirador', ['text/javascript; charset=utf-8']), ...COMMON_RESPONSES }, [
      pathParameter('file', 'The file name the viewer page links to (it names the script’s digest)', 'mirador-0123456789abcdef.min.js'),
    ]),
  },
};
