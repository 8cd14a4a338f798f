/**
 * Synthesizes the stack once with real bundling (local esbuild, and `npm ci` of sharp for
 * linux-arm64 beside the image and ingest bundles) and looks inside the assets.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveStack } from '../../infra/archive-stack.ts';
import type { ServiceFunction } from '../../infra/constructs/service-function.ts';
import { repoPath } from '../support/fixtures.ts';
import { functionUrlEvent } from '../support/lambda-events.ts';

const SHARP_ARM64_LIB = 'node_modules/@img/sharp-linux-arm64/lib';
/** ELF e_machine of AArch64 (the ELF specification's EM_AARCH64). */
const EM_AARCH64 = 183;

let outdir: string;
const assets: { [fn: string]: string } = {};

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'archive-cdk-'));
  const app = new App({ outdir });
  const stack = new ArchiveStack(app, 'ArchiveService-bundling', {
    env: { region: 'eu-west-1' },
    oai: { repositoryIdentifier: 'archive.example.org', adminEmail: 'archive-admin@example.org' },
  });
  app.synth();
  for (const fn of ['Api', 'Image', 'Ingest']) {
    const code = (stack.node.findChild(fn) as ServiceFunction).function.node.findChild('Code') as Asset;
    assets[fn] = join(outdir, code.assetPath);
  }
}, 300_000);

afterAll(async () => {
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

async function elfMachine(path: string): Promise<number> {
  const file = await open(path, 'r');
  try {
    const header = Buffer.alloc(20);
    await file.read(header, 0, 20, 0);
    expect(header.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    return header.readUInt16LE(18);
  } finally {
    await file.close();
  }
}

describe('the bundled assets', () => {
  it('exist for the three functions', () => {
    expect(Object.keys(assets).sort()).toEqual(['Api', 'Image', 'Ingest']);
  });

  it.each(['Image', 'Ingest'])('%s carries sharp’s linux-arm64 binary, and no other platform’s', async (fn) => {
    const dir = assets[fn] ?? '';
    const addons = (await readdir(join(dir, SHARP_ARM64_LIB))).filter((name) => name.endsWith('.node'));
    expect(addons).toHaveLength(1);
    expect(await elfMachine(join(dir, SHARP_ARM64_LIB, addons[0] ?? ''))).toBe(EM_AARCH64);
    const libvips = await readdir(join(dir, 'node_modules/@img/sharp-libvips-linux-arm64/lib'));
    expect(libvips.some((name) => name.startsWith('libvips-cpp.so'))).toBe(true);
    const platforms = (await readdir(join(dir, 'node_modules/@img'))).filter((name) => name.startsWith('sharp-'));
    expect(platforms.sort()).toEqual(['sharp-libvips-linux-arm64', 'sharp-linux-arm64']);
  });

  const minifiedWithMap = async (dir: string, file: string) => {
    const code = await readFile(join(dir, file), 'utf8');
    // Minified: long lines (a readable bundle averages well under 100 characters a line).
    expect(code.length / code.split('\n').length).toBeGreaterThan(1000);
    expect(code).toMatch(new RegExp(`//# sourceMappingURL=${file.replace('.', '\\.')}\\.map\\s*$`));
    expect(existsSync(join(dir, `${file}.map`))).toBe(true);
    return code;
  };

  it.each(['Image', 'Ingest'])('%s is one minified ESM file with its source map', async (fn) => {
    const dir = assets[fn] ?? '';
    const code = await minifiedWithMap(dir, 'index.mjs');
    expect(code.startsWith("import{createRequire as __cr}from'node:module';")).toBe(true);
    expect((await readdir(dir)).filter((name) => name.endsWith('.mjs'))).toEqual(['index.mjs']);
  });

  it('splits the API into an entry and chunks, citeproc in a chunk of its own that starting does not read', async () => {
    const dir = assets.Api ?? '';
    const entry = await minifiedWithMap(dir, 'index.mjs');
    expect(entry.startsWith("import{createRequire as __cr}from'node:module';")).toBe(true);
    const chunks = (await readdir(dir)).filter((name) => name.endsWith('.mjs') && name !== 'index.mjs');
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(existsSync(join(dir, `${chunk}.map`))).toBe(true);
    const citeproc = chunks.filter((name) => name.startsWith('citeproc'));
    expect(citeproc).toHaveLength(1);
    // Only a dynamic import() names it; the chunks read at start-up are imported statically.
    const staticImports = [...entry.matchAll(/(?:^|[;}])import(?:[^"'()]*?from)?\s*["']\.\/([^"']+)["']/g)].map((m) => m[1]);
    expect(staticImports.length).toBeGreaterThan(0);
    expect(staticImports).not.toContain(citeproc[0]);
    expect(entry).toContain(`import("./${citeproc[0]}")`);
  });

  it('runs the API bundle as Lambda would, answering a Function URL event', () => {
    const script = `globalThis.awslambda={streamifyResponse:(f)=>f};const{handler}=await import(${JSON.stringify(join(assets.Api ?? '', 'index.mjs'))});const r=await handler(${JSON.stringify(functionUrlEvent('/health'))},{});console.log(JSON.stringify(r));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        PATH: process.env.PATH,
        TABLE_NAME: 'archive-records',
        PUBLIC_BASE_URL: 'https://archive.example.org',
        AWS_REGION: 'eu-west-1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    const response = JSON.parse(result.stdout) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
  });

  it('gives the API Mirador’s script beside the bundle, byte for byte', async () => {
    const bundled = await readFile(join(assets.Api ?? '', 'mirador.min.js'));
    expect(bundled.equals(await readFile(repoPath('node_modules/mirador/dist/mirador.min.js')))).toBe(true);
  });

  it('gives the API the vendored CSL styles under data/csl', async () => {
    expect((await readdir(join(assets.Api ?? '', 'data/csl'))).sort()).toEqual((await readdir(repoPath('data/csl'))).sort());
  });

  it('gives the ingest the fonts its placeholder images are drawn with, and a fontconfig that finds them', async () => {
    const fonts = join(assets.Ingest ?? '', 'fonts');
    expect((await readdir(fonts)).sort()).toEqual(['DejaVuSans-Bold.ttf', 'DejaVuSans.ttf', 'fonts.conf']);
    expect(await readFile(join(fonts, 'fonts.conf'), 'utf8')).toContain('<dir>/var/task/fonts</dir>');
  });
});
