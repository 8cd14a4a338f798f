/**
 * What a cold start must not load: modules that only some requests need are imported dynamically,
 * so they stay out of the bundle's start-up (ADR 0007). Read from esbuild's own module graph.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../support/fixtures.ts';

/** How each file of the entry's bundle imports `module`: 'import-statement', 'dynamic-import', ... */
async function importKinds(entry: string, module: string): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [repoPath(entry)],
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    external: ['sharp'],
    metafile: true,
    logLevel: 'silent',
  });
  return Object.values(metafile.inputs).flatMap((input) =>
    input.imports.filter((record) => (record.original ?? record.path) === module).map((record) => record.kind),
  );
}

describe('the cold path', () => {
  it('of the image function leaves sharp (and libvips) until an image is rendered', async () => {
    const kinds = await importKinds('functions/image/handler.ts', 'sharp');
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['dynamic-import']));
  });

  it('of the API function leaves citeproc until a citation is formatted', async () => {
    const kinds = await importKinds('functions/api/handler.ts', 'citeproc');
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['dynamic-import']));
  });
});
