/**
 * The official IIIF Image API validator (../shared/tools/iiif-image-validator, IIIF's own
 * image-validator) against the real local service: its test image ingested as the scan of a
 * leaf through the ingest CLI's reading code and the admin route, then served from the derived
 * pyramid by the image service on a real port. Shared by the 3.0 and the 2.1 validator tests.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readIngestInput } from '../../functions/adapters/ingest-files.ts';
import { type RunningService, startService } from '../../functions/local/start-service.ts';
import { remoteAdmin } from '../../functions/operator/remote-admin.ts';
import { buildExport } from './export-builder.ts';
import { requireTool, runTool, type ToolRun } from './external-tool.ts';
import { repoPath } from './fixtures.ts';

const VALIDATOR = process.env.IIIF_IMAGE_VALIDATOR_DIR ?? repoPath('../shared/tools/iiif-image-validator');
/** The validator's own test image (1000x1000, a 10x10 grid of coloured squares), served as the image under test. */
const TEST_IMAGE = join(VALIDATOR, 'html/67352ccc-d1b0-11e1-89ae-279075081939.png');
/** Debian's interpreter: a python3 earlier on the PATH (pyenv, a venv) does not see Debian's packages. */
const PYTHON = '/usr/bin/python3';
const DEBIAN_PACKAGES = 'python3 python3-lxml python3-pil python3-bottle python3-magic';

export const RECORD_ID = '600001';
export const IMAGE_ID = `${RECORD_ID}-l1`;

export interface ValidatorReport {
  tests: { name: string; passed: boolean; details: string }[];
  summary: string | undefined;
  run: ToolRun;
}

/** The validator's log (it logs to stderr): `[n] test NAME PASS|FAIL`, the details of each failure, then `Done (N tests, F failures)`. */
function readReport(run: ToolRun): ValidatorReport {
  const tests: ValidatorReport['tests'] = [];
  let summary: string | undefined;
  for (const line of run.stderr.split('\n')) {
    const test = /^\s*\[\d+\] test (\S+) (PASS|FAIL)\s*$/.exec(line);
    const done = /^Done \(\d+ tests, \d+ failures\)$/.exec(line.trim());
    if (test) tests.push({ name: test[1] ?? '', passed: test[2] === 'PASS', details: '' });
    else if (done) summary = done[0];
    else if (tests.length > 0 && line.trim() !== '') (tests[tests.length - 1] as ValidatorReport['tests'][number]).details += `${line}\n`;
  }
  return { tests, summary, run };
}

export const failures = (report: ValidatorReport) => report.tests.filter((t) => !t.passed);
export const describeFailures = (report: ValidatorReport) => failures(report).map((t) => `${t.name}\n${t.details}`);

export interface ValidatorService {
  service: RunningService;
  /** Runs the validator on the image under test, below `prefix` (`iiif/image/3`), at `version`. */
  validate(prefix: string, version: string, args: readonly string[]): Promise<ValidatorReport>;
  close(): Promise<void>;
}

export async function startValidatorService(): Promise<ValidatorService> {
  await requireTool(
    { command: PYTHON, args: ['-c', 'import lxml, PIL, bottle, magic'] },
    `The IIIF Image API validator needs Debian's Python packages. Install them with: apt-get install -y ${DEBIAN_PACKAGES} (.ci/run does).`,
  );
  await requireTool(
    { command: PYTHON, args: [join(VALIDATOR, 'iiif-validate.py'), '--help'] },
    `No IIIF Image API validator at ${VALIDATOR} (see ../shared/tools/README.md; IIIF_IMAGE_VALIDATOR_DIR names another copy).`,
  );
  const root = await mkdtemp(join(tmpdir(), 'archive-iiif-validator-'));
  // A record with one leaf, l. 1, whose scan is the validator's test image: `{images}/{record}/{leaf}.png`.
  await mkdir(join(root, 'exports'));
  await mkdir(join(root, 'scans', RECORD_ID), { recursive: true });
  const exportPath = join(root, 'exports', `${RECORD_ID}.txt`);
  await writeFile(exportPath, buildExport({ fields: { 'Record ID': RECORD_ID, Source: 'RGANI, f. 5, op. 30, d. 163, l. 1.' } }));
  await copyFile(TEST_IMAGE, join(root, 'scans', RECORD_ID, '1.png'));
  const service = await startService({ PORT: '0', DATA_DIR: join(root, 'data') }, { inMemory: true, log: () => {} });
  const outcome = await remoteAdmin(service.url, service.config.ingestApiToken ?? '').ingest(await readIngestInput(exportPath, join(root, 'scans')));
  expect(outcome.status).toBe('created');
  return {
    service,
    async validate(prefix, version, args) {
      const server = `localhost:${new URL(service.url).port}`;
      const run = await runTool(PYTHON, ['iiif-validate.py', '-s', server, '-p', prefix, '-i', IMAGE_ID, `--version=${version}`, ...args], {
        cwd: VALIDATOR,
        env: { ...process.env, PYTHONPATH: '.' },
      });
      return readReport(run);
    },
    async close() {
      await service.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
