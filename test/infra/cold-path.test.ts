/**
 * What a cold start must not load: modules that only some requests need are imported dynamically,
 * so they stay out of the bundle's start-up (ADR 0007). Read from esbuild's own module graph.
 */
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { repoPath } from '../support/fixtures.ts';

/** esbuild's module graph of the entry's bundle, optionally split into chunks as the API is bundled. */
async function metafileOf(entry: string, splitting = false) {
  const { metafile } = await build({
    entryPoints: [repoPath(entry)],
    bundle: true,
    splitting,
    write: false,
    outdir: 'out',
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    external: ['sharp'],
    metafile: true,
    logLevel: 'silent',
  });
  return metafile;
}

/** How each file of the entry's bundle imports `module`: 'import-statement', 'dynamic-import', ... */
async function importKinds(entry: string, module: string): Promise<string[]> {
  const metafile = await metafileOf(entry);
  return Object.values(metafile.inputs).flatMap((input) =>
    input.imports.filter((record) => (record.original ?? record.path) === module).map((record) => record.kind),
  );
}

/** The source files a cold start reads: those in the entry's chunk and the chunks it imports statically, with code splitting as the API is bundled. */
async function startupInputs(entry: string): Promise<string[]> {
  const metafile = await metafileOf(entry, true);
  const outputs = metafile.outputs;
  const entryChunk = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === entry);
  const loaded = new Set<string>();
  const queue = entryChunk ? [entryChunk] : [];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (loaded.has(name)) continue;
    loaded.add(name);
    for (const imported of outputs[name]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) queue.push(imported.path);
  }
  return [...loaded].flatMap((name) => Object.keys(outputs[name]?.inputs ?? {}));
}

describe('the cold path', () => {
  it('of the image function leaves sharp (and libvips) until an image is rendered', async () => {
    const kinds = await importKinds('functions/image/handler.ts', 'sharp');
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['dynamic-import']));
  });

  it('of the API function leaves the S3 client until a record with a long text is read', async () => {
    const inputs = await startupInputs('functions/api/handler.ts');
    expect(inputs.some((input) => input.includes('@aws-sdk/client-dynamodb/'))).toBe(true);
    expect(inputs.filter((input) => input.includes('@aws-sdk/client-s3/'))).toEqual([]);
  });

  it('of the API function leaves citeproc until a citation is formatted', async () => {
    const kinds = await importKinds('functions/api/handler.ts', 'citeproc');
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['dynamic-import']));
  });

  it('of the API function makes no ICU display names while its modules load (about 10 ms)', async () => {
    vi.resetModules();
    const made = vi.spyOn(Intl, 'DisplayNames');
    try {
      await import('../../functions/api/app.ts');
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });
});
