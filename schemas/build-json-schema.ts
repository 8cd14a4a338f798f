/**
 * Writes `schemas/json/*.schema.json` from the zod schemas, or with `--check` fails
 * when the committed files are stale.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type PublishedSchemaName, publishedSchemas } from './registry.ts';
import { renderJsonSchema } from './render-json-schema.ts';

const outDir = fileURLToPath(new URL('./json/', import.meta.url));
const check = process.argv.includes('--check');
const stale: string[] = [];

await mkdir(outDir, { recursive: true });
for (const name of Object.keys(publishedSchemas) as PublishedSchemaName[]) {
  const file = `${outDir}${name}.schema.json`;
  const text = renderJsonSchema(name);
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === text) continue;
  if (check) stale.push(file);
  else await writeFile(file, text);
}
if (stale.length > 0) {
  console.error(`Stale JSON Schema (run \`npm run schemas:build\`):\n${stale.join('\n')}`);
  process.exit(1);
}
console.log(check ? 'JSON Schemas are up to date.' : `JSON Schemas written to ${outDir}`);
