/**
 * iiif-prezi's ManifestReader (../shared/tools/iiif-prezi, the reader the IIIF presentation
 * validator checks 2.1 with) over many Presentation 2.1 documents at once: one Python process,
 * each document's error (a missing required property, a malformed value) and warnings.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireTool, runTool } from './external-tool.ts';
import { repoPath } from './fixtures.ts';

const PREZI = process.env.IIIF_PREZI_DIR ?? repoPath('../shared/tools/iiif-prezi');
const SCRIPT = repoPath('test/support/read-presentation-2.py');
/** Debian's interpreter (../shared/tools/README.md). */
const PYTHON = '/usr/bin/python3';

export interface PreziOutcome {
  error: string | null;
  warnings: string[];
}

export async function requirePrezi(): Promise<void> {
  await requireTool(
    { command: PYTHON, args: ['-c', `import sys; sys.path.insert(0, ${JSON.stringify(PREZI)}); import iiif_prezi.loader`] },
    `No iiif-prezi at ${PREZI} for ${PYTHON} (see ../shared/tools/README.md; IIIF_PREZI_DIR names another copy).`,
  );
}

/** Each document's outcome, by the key it was given under. */
export async function readWithPrezi(documents: ReadonlyMap<string, unknown>): Promise<Map<string, PreziOutcome>> {
  const dir = await mkdtemp(join(tmpdir(), 'prezi-'));
  try {
    const files = new Map<string, string>();
    let n = 0;
    for (const [key, document] of documents) {
      const file = join(dir, `${n++}.json`);
      files.set(file, key);
      await writeFile(file, JSON.stringify(document));
    }
    const run = await runTool(PYTHON, [SCRIPT, ...files.keys()], { env: { ...process.env, PYTHONPATH: PREZI } });
    if (run.code !== 0) throw new Error(`iiif-prezi failed (exit ${run.code}): ${run.stderr}`);
    const outcomes = JSON.parse(run.stdout) as { [file: string]: PreziOutcome };
    return new Map(Object.entries(outcomes).map(([file, outcome]) => [files.get(file) ?? file, outcome]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
