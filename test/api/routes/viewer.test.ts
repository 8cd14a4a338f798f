import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { miradorScriptCandidates, readFirst } from '../../../functions/api/routes/mirador-script.ts';
import { repoPath, TEST_BASE_URL, testApp } from '../../support/fixtures.ts';

const MANIFEST_URL = `${TEST_BASE_URL}/iiif/3/110020/manifest`;
const viewerPath = (manifest: string) => `/viewer?manifest=${encodeURIComponent(manifest)}`;

let app: Awaited<ReturnType<typeof testApp>>['app'];
beforeAll(async () => {
  ({ app } = await testApp());
});

async function viewerPage(manifest = MANIFEST_URL) {
  const res = await app.request(viewerPath(manifest));
  const html = await res.text();
  const document = parse(html);
  const config = JSON.parse(document.querySelector('#viewer-config')?.textContent ?? 'null') as {
    windows: { manifestId: string }[];
    annotations: { filteredMotivations: string[] };
    window: { sideBarOpen: boolean; sideBarPanel: string };
  };
  const scripts = document.querySelectorAll('script');
  return { res, html, document, config, scripts };
}

describe('GET /viewer', () => {
  it('serves an HTML page that opens the manifest in Mirador', async () => {
    const { res, config } = await viewerPage();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(config.windows).toEqual([expect.objectContaining({ manifestId: MANIFEST_URL })]);
  });

  it('shows supplementing annotations, with the annotations panel open', async () => {
    const { config } = await viewerPage();
    expect(config.annotations.filteredMotivations).toContain('supplementing');
    expect(config.annotations.filteredMotivations).toContain('sc:painting');
    expect(config.window).toMatchObject({ sideBarOpen: true, sideBarPanel: 'annotations' });
  });

  it('loads Mirador from this service, not from a CDN, and allows only its own inline script', async () => {
    const { res, scripts } = await viewerPage();
    const external = scripts.map((s) => s.getAttribute('src')).filter((src) => src !== undefined);
    expect(external).toEqual([expect.stringMatching(/^\/viewer\/mirador-[0-9a-f]{16}\.min\.js$/)]);
    const inline = scripts.find((s) => s.getAttribute('src') === undefined && s.getAttribute('type') === undefined)?.textContent ?? '';
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(res.headers.get('content-security-policy')).toContain(`script-src 'self' 'sha256-${hash}'`);
  });

  it('lets the page load images only from this service, while manifests may come from anywhere', async () => {
    const { res } = await viewerPage('https://elsewhere.example/manifest.json');
    const directives = new Map(
      (res.headers.get('content-security-policy') ?? '').split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives.get('img-src')).toEqual(["'self'", new URL(TEST_BASE_URL).origin, 'data:', 'blob:']);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(['*']);
  });

  it('keeps a hostile manifest URL inside the configuration', async () => {
    const hostile = 'https://evil.example/m.json?x=</script><script>alert(1)</script>\u2028';
    const { config, scripts } = await viewerPage(hostile);
    expect(scripts).toHaveLength(3);
    expect(config.windows[0]?.manifestId).toBe(new URL(hostile).href);
  });

  it.each([
    ['no manifest', '/viewer'],
    ['a relative URL', viewerPath('/iiif/3/110020/manifest')],
    ['a javascript: URL', viewerPath('javascript:alert(1)')],
    ['an overlong URL', viewerPath(`https://archive.example.org/${'a'.repeat(3000)}`)],
  ])('answers %s with 400 problem JSON', async (_, path) => {
    const res = await app.request(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('the Mirador script', () => {
  const scriptPath = async () =>
    parse(await (await app.request(viewerPath(MANIFEST_URL))).text())
      .querySelector('script[src]')
      ?.getAttribute('src') ?? '';

  it("is the npm package's bundle, served for a year under a URL that changes with its bytes", async () => {
    const res = await app.request(await scriptPath());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bundle = await readFile(repoPath('node_modules/mirador/dist/mirador.min.js'));
    expect(Buffer.from(await res.arrayBuffer()).equals(bundle)).toBe(true);
    expect(await scriptPath()).toContain(createHash('sha256').update(bundle).digest('hex').slice(0, 16));
  });

  it('is compressed when asked, and answers 304 to its ETag', async () => {
    const path = await scriptPath();
    const res = await app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const bundle = await readFile(repoPath('node_modules/mirador/dist/mirador.min.js'));
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).equals(bundle)).toBe(true);
    const again = await app.request(path, { headers: { 'If-None-Match': res.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it('answers any other file name with 404', async () => {
    expect((await app.request('/viewer/mirador-0000000000000000.min.js')).status).toBe(404);
  });

  it('is looked for beside the bundled code first, then in the npm package', async () => {
    const [bundled, packaged] = miradorScriptCandidates();
    expect(String(bundled)).toMatch(/\/mirador\.min\.js$/);
    expect(String(packaged)).toBe(repoPath('node_modules/mirador/dist/mirador.min.js'));
    const missing = join(tmpdir(), 'no-such-dir', 'mirador.min.js');
    expect((await readFirst([missing, String(packaged)])).byteLength).toBeGreaterThan(1_000_000);
    await expect(readFirst([missing])).rejects.toThrow(/\(mirador\.min\.js\) was not found/);
  });
});
