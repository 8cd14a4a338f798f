/**
 * The API function's bundle: esbuild with code splitting. Modules a request may never need (citeproc
 * for formatted citations, the SDK's credential providers other than the environment's) become
 * chunks beside `index.mjs`, read only when first imported, so a cold start parses about half the
 * code. NodejsFunction writes a single file (`--outfile`) and cannot split; see
 * docs/adr/0007-api-cold-start.md.
 */
import { spawnSync } from 'node:child_process';
import { type BuildOptions, buildSync } from 'esbuild';

/** ESM bundles still meet CommonJS dependencies that call `require`; give them one. */
export const REQUIRE_SHIM = "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);";

/** What every function bundle shares, split or not (NodejsFunction gets the same settings). */
export const FUNCTION_BUNDLE = {
  target: 'node22',
  // The ESM builds of dependencies first: they tree-shake far better than their CommonJS builds.
  mainFields: ['module', 'main'],
  minify: true,
} as const;

export function splitBundleOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { index: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    outExtension: { '.js': '.mjs' },
    target: FUNCTION_BUNDLE.target,
    mainFields: [...FUNCTION_BUNDLE.mainFields],
    minify: FUNCTION_BUNDLE.minify,
    sourcemap: true,
    sourcesContent: false,
    banner: { js: REQUIRE_SHIM },
    logLevel: 'warning',
  };
}

/** Bundles `entry` into `outdir`, then runs the shell commands that complete the asset (files copied beside it). */
export function buildSplitBundle(entry: string, outdir: string, afterBundling: readonly string[] = []): void {
  buildSync(splitBundleOptions(entry, outdir));
  for (const command of afterBundling) {
    const result = spawnSync('bash', ['-c', command], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`bundling ${entry}: "${command}" exited with ${result.status}`);
  }
}
