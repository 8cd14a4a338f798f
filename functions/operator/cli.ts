/**
 * `npm run ingest -- <files or folders> [--images <dir>] [--target local|aws] [--reinstate <id> --reason <text>] [--fail-on-withdrawn]`
 * `npm run ingest -- --withdraw <record ids> [--reason <text>] [--target local|aws]`
 * `npm run ingest -- --remove-scans <record id> <leaves> [--target local|aws]`
 *
 * local (default): through the running local server when there is one (it holds the on-disk
 * store), otherwise on the emulators' store opened in this process. aws: straight to the
 * DynamoDB table and S3 bucket named by TABLE_NAME and BUCKET_NAME, with the usual AWS credentials.
 * Whichever way, the exports are read with the archive profile named by `--profile` (default
 * `data/archive.json`), read once per run; a running server gets it with every ingest.
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../schemas/config.ts';
import { findExportFiles, loadArchiveProfile, readIngestInput } from '../adapters/ingest-files.ts';
import type { AdminOperations } from '../core/ingest/admin-operations.ts';
import { formatOutcome, formatScanRemoval, formatWithdrawal } from '../core/ingest/ingest-report.ts';
import { openTarget } from './open-target.ts';
import { progressBar } from './progress.ts';

const USAGE = `Usage: npm run ingest -- <export files or folders> [--images <dir>] [--target local|aws] [--profile data/archive.json]
                          [--reinstate <record id> --reason <why>] [--fail-on-withdrawn]
       npm run ingest -- --withdraw <record ids> [--reason <why>] [--target local|aws]
       npm run ingest -- --remove-scans <record id> <leaves, e.g. 37 37ob> [--target local|aws]`;

type Counts = { [status: string]: number };

/** `1180 created, 20 rejected`: the counts that are not zero. */
const summarize = (counts: Counts) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');

interface IngestOptions {
  imagesDir: string | undefined;
  /** Records to bring back if withdrawn, by the export's file name (`134696.txt` is 134696), and why. */
  reinstate: { ids: ReadonlySet<string>; reason: string } | undefined;
}

async function ingestFiles(admin: AdminOperations, files: readonly string[], options: IngestOptions, counts: Counts): Promise<void> {
  const bar = progressBar(files.length);
  try {
    for (const [index, file] of files.entries()) {
      bar.update(index, file, summarize(counts));
      let line: string;
      try {
        const input = await readIngestInput(file, options.imagesDir);
        if (options.reinstate?.ids.has(basename(file, '.txt'))) input.reinstate = { reason: options.reinstate.reason };
        const outcome = await admin.ingest(input);
        counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
        line = formatOutcome(file, outcome);
      } catch (error) {
        counts.failed = (counts.failed ?? 0) + 1;
        line = `failed    ${file}: ${(error as Error).message}`;
      }
      bar.clear();
      console.log(line);
    }
    bar.finish(files.length, summarize(counts));
  } finally {
    bar.clear();
  }
}

async function withdrawIds(admin: AdminOperations, ids: readonly string[], reason: string | undefined, counts: Counts): Promise<void> {
  for (const id of ids) {
    const outcome = await admin.withdraw(id, reason);
    counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
    console.log(formatWithdrawal(outcome));
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      images: { type: 'string' },
      target: { type: 'string', default: 'local' },
      profile: { type: 'string', default: 'data/archive.json' },
      withdraw: { type: 'boolean', default: false },
      'remove-scans': { type: 'boolean', default: false },
      reinstate: { type: 'string', multiple: true },
      reason: { type: 'string' },
      'fail-on-withdrawn': { type: 'boolean', default: false },
    },
  });
  const reinstate = values.reinstate ?? [];
  const targetName = values.target === 'local' || values.target === 'aws' ? values.target : undefined;
  const usageError =
    positionals.length === 0 ||
    targetName === undefined ||
    (values.withdraw && values['remove-scans']) ||
    (values['remove-scans'] && positionals.length < 2) ||
    (reinstate.length > 0 && !values.reason?.trim());
  if (usageError) {
    if (reinstate.length > 0 && !values.reason?.trim()) console.error('--reinstate needs --reason: a withdrawal is undone only with a reason on record.');
    console.error(USAGE);
    return 2;
  }
  const files = values.withdraw || values['remove-scans'] ? [] : await findExportFiles(positionals);
  const config = loadConfig(process.env);
  // Read now, whatever the target: the exports are read with the profile named here, also by a running server (ADR 0003).
  const profile = await loadArchiveProfile(values.profile);
  const target = await openTarget(targetName, config, profile);
  const counts: Counts = values.withdraw
    ? { withdrawn: 0, 'already-withdrawn': 0, unknown: 0 }
    : values['remove-scans']
      ? {}
      : { created: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0, failed: 0 };
  try {
    if (values.withdraw) {
      console.log(`Withdrawing ${positionals.length} record(s) from ${target.describe}`);
      await withdrawIds(target.admin, positionals, values.reason, counts);
    } else if (values['remove-scans']) {
      const [id = '', ...leaves] = positionals;
      const outcome = await target.admin.removeScans(id, leaves);
      counts[outcome.status] = 1;
      console.log(formatScanRemoval(outcome));
    } else {
      console.log(`Ingesting ${files.length} export(s) into ${target.describe}, with the archive profile ${values.profile}`);
      const missing = reinstate.filter((id) => !files.some((file) => basename(file, '.txt') === id));
      if (missing.length > 0) console.error(`--reinstate: no export among the files is named ${missing.map((id) => `${id}.txt`).join(', ')}`);
      await ingestFiles(
        target.admin,
        files,
        { imagesDir: values.images, reinstate: reinstate.length > 0 ? { ids: new Set(reinstate), reason: values.reason ?? '' } : undefined },
        counts,
      );
    }
  } finally {
    await target.close();
  }
  console.log(
    Object.entries(counts)
      .map(([status, n]) => `${n} ${status}`)
      .join(', '),
  );
  const withdrawnSkipped = !values.withdraw && values['fail-on-withdrawn'] ? (counts.withdrawn ?? 0) : 0;
  return (counts.rejected ?? 0) + (counts.failed ?? 0) + (counts.unknown ?? 0) + withdrawnSkipped > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `ingest failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
