/**
 * Reads ingest inputs from disk: each `{name}.txt` export, its `{name}.json` overlay when
 * present, and scans from an images folder laid out as `{images}/{recordId}/{leaf}.{jpg,png,tif}`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type ArchiveProfile, ArchiveProfileSchema } from '../../schemas/archive-profile.ts';
import type { IngestInput } from '../core/ingest/ingest-export.ts';

const SCAN_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.webp']);

/** Reads and checks the archive profile at `path` (read afresh on every call); throws naming the file and every problem. */
export async function loadArchiveProfile(path: string): Promise<ArchiveProfile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not a readable archive profile: ${(error as Error).message}`);
  }
  const result = ArchiveProfileSchema.safeParse(json);
  if (!result.success)
    throw new Error(`${path} is not a valid archive profile: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

/** The export files named by the arguments: files as given, folders searched for `*.txt`. */
export async function findExportFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.endsWith('.txt')).sort();
      files.push(...names.map((name) => join(path, name)));
    } else files.push(path);
  }
  return files;
}

async function readScans(imagesDir: string | undefined, recordId: string): Promise<Map<string, Uint8Array>> {
  const scans = new Map<string, Uint8Array>();
  if (!imagesDir) return scans;
  const dir = join(imagesDir, recordId);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const ext = extname(name).toLowerCase();
    const leaf = /^(\d+)(ob)?\.?$/.exec(basename(name, extname(name)));
    // `37.jpg` is leaf 37, `37ob.jpg` its reverse (labelled `37ob.`, as references write it).
    if (SCAN_EXTENSIONS.has(ext) && leaf) scans.set(leaf[2] ? `${leaf[1]}ob.` : `${leaf[1]}`, await readFile(join(dir, name)));
  }
  return scans;
}

/** One ingest input per export file; the record id for scans is the export's file name. */
export async function readIngestInput(exportPath: string, imagesDir?: string): Promise<IngestInput> {
  const overlayPath = exportPath.replace(/\.txt$/, '.json');
  const input: IngestInput = {
    fileName: exportPath,
    exportBytes: await readFile(exportPath),
    scans: await readScans(imagesDir, basename(exportPath, '.txt')),
  };
  if (overlayPath !== exportPath) {
    const overlay = await readFile(overlayPath).catch(() => undefined);
    if (overlay) input.overlayBytes = overlay;
  }
  return input;
}
