/**
 * XSD validation with libxml2: Debian's xmllint when it is installed, otherwise xmllint-wasm
 * from npm over the same vendored schema files. When neither runs, validation throws, so the
 * tests that depend on it fail rather than pass or skip.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoPath } from './fixtures.ts';

export const SCHEMAS = {
  /** One run validates an OAI-PMH response with its oai_dc, oai-identifier, MODS or MARCXML payload. */
  oaiPmh: 'schemas/vendor/oai/oai-pmh-validate.xsd',
  oaiDc: 'schemas/vendor/oai/oai_dc.xsd',
  mods: 'schemas/vendor/mods/mods-3-7.xsd',
  marc: 'schemas/vendor/marc/MARC21slim.xsd',
  datacite: 'schemas/vendor/datacite/metadata.xsd',
  oaiDataCite: 'schemas/vendor/datacite/oai-1.1/oai.xsd',
} as const;

const DEBIAN_XMLLINT = '/usr/bin/xmllint';
const VENDOR = repoPath('schemas/vendor');

export interface ValidationResult {
  valid: boolean;
  /** xmllint's messages for the documents that failed. */
  errors: string;
  engine: 'xmllint' | 'xmllint-wasm';
}

function runXmllint(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(DEBIAN_XMLLINT, args, { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      if (code === -1) reject(error);
      else resolve({ code, stderr });
    });
  });
}

/** Schema warnings libxml2 prints while compiling (three copies of xml.xsd) are not validity errors. */
const meaningful = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/validates$/.test(line) && !/parser warning|Skipping import of schema|<xs:import|^\s*\^\s*$/.test(line))
    .join('\n');

async function validateWithDebian(documents: readonly string[], schema: string): Promise<ValidationResult> {
  const dir = await mkdtemp(join(tmpdir(), 'xsd-'));
  try {
    const files = await Promise.all(
      documents.map(async (doc, i) => {
        const file = join(dir, `doc-${i}.xml`);
        await writeFile(file, doc);
        return file;
      }),
    );
    const { code, stderr } = await runXmllint(['--nonet', '--noout', '--schema', repoPath(schema), ...files]);
    return { valid: code === 0, errors: code === 0 ? '' : meaningful(stderr), engine: 'xmllint' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function vendoredFiles(dir: string): Promise<{ fileName: string; contents: string }[]> {
  const out: { fileName: string; contents: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.xsd')) continue;
    const path = join(entry.parentPath, entry.name);
    out.push({ fileName: relative(VENDOR, path), contents: await readFile(path, 'utf8') });
  }
  return out;
}

async function validateWithWasm(documents: readonly string[], schema: string): Promise<ValidationResult> {
  const { validateXML, memoryPages } = await import('xmllint-wasm');
  const files = await vendoredFiles(VENDOR);
  const schemaName = relative(VENDOR, repoPath(schema));
  const main = files.find((f) => f.fileName === schemaName);
  if (!main) throw new Error(`schema ${schema} is not under schemas/vendor`);
  const result = await validateXML({
    xml: documents.map((contents, i) => ({ fileName: `doc-${i}.xml`, contents })),
    schema: [main],
    preload: files.filter((f) => f !== main),
    maxMemoryPages: memoryPages.GiB,
  });
  return { valid: result.valid, errors: meaningful(result.errors.map((e) => e.rawMessage).join('\n')), engine: 'xmllint-wasm' };
}

/** Validates documents against one of the vendored schemas in one libxml2 run. */
export async function validateXml(documents: string | readonly string[], schema: string): Promise<ValidationResult> {
  const docs = typeof documents === 'string' ? [documents] : documents;
  if (docs.length === 0) throw new Error('nothing to validate');
  return existsSync(DEBIAN_XMLLINT) ? validateWithDebian(docs, schema) : validateWithWasm(docs, schema);
}

/** The wasm engine alone, so that a test can show the fallback works wherever the tests run. */
export const validateXmlWithWasm = (documents: readonly string[], schema: string) => validateWithWasm(documents, schema);
