/**
 * Synthesizes the stack once with real bundling (local esbuild, and `npm ci` of sharp for
 * linux-arm64 beside the image and ingest bundles) and looks inside the assets.
 */
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

const SHARP_ARM64_LIB = 'node_modules/@img/sharp-linux-arm64/lib';
/** ELF e_machine of AArch64 (the ELF specification's EM_AARCH64). */
const EM_AARCH64 = 183;

let outdir: string;
const assets: { [fn: string]: string } = {};

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'archive-cdk-'));
  const app = new App({ outdir });
  const stack = new ArchiveStack(app, 'ArchiveService-bundling', {
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

  it.each(['Api', 'Image', 'Ingest'])('%s is one minified ESM file with its source map', async (fn) => {
    const dir = assets[fn] ?? '';
    const code = await readFile(join(dir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import{createRequire as __cr}from'node:module';")).toBe(true);
    // Minified: long lines (a readable bundle averages well under 100 characters a line).
    expect(code.length / code.split('\n').length).toBeGreaterThan(1000);
    expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
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
