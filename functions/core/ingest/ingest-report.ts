import type { IngestOutcome, ScanReport } from './ingest-export.ts';
import { formatProblem } from './problems.ts';
import type { RemoveScansOutcome } from './remove-scans.ts';
import type { WithdrawOutcome } from './withdraw-record.ts';

const leafList = (labels: readonly string[]) => labels.map((label) => `l. ${label}`).join(', ');

/** `scans kept l. 37, added l. 38`: what happened to the record's scans. */
function describeScans(scans: ScanReport | undefined): string {
  if (!scans) return '';
  const parts = (['kept', 'added', 'replaced'] as const).filter((what) => scans[what].length > 0).map((what) => `${what} ${leafList(scans[what])}`);
  return parts.length > 0 ? `; scans ${parts.join(', ')}` : '';
}

/** One line per outcome (more for rejections, one per problem, and for warnings, one per warning). */
export function formatOutcome(fileName: string, outcome: IngestOutcome): string {
  if (outcome.status === 'rejected') {
    return [`rejected  ${fileName}`, ...outcome.problems.map((p) => `          ${formatProblem(p, fileName)}`)].join('\n');
  }
  if (outcome.status === 'withdrawn') {
    const reason = outcome.reason ? ` (${outcome.reason})` : '';
    return `withdrawn ${fileName} -> record ${outcome.id} stays withdrawn${reason}, skipped; bring it back with --reinstate ${outcome.id} --reason "..."`;
  }
  const reinstated = outcome.reinstated ? ', reinstated' : '';
  const line = `${outcome.status.padEnd(9)} ${fileName} -> record ${outcome.id} v${outcome.version} (${outcome.datestamp})${reinstated}${describeScans(outcome.scans)}`;
  // What the record keeps in spite of being unreadable, one line each under the outcome's.
  return [line, ...(outcome.warnings ?? []).map((w) => `          warning: ${formatProblem(w, fileName)}`)].join('\n');
}

export function formatScanRemoval(outcome: RemoveScansOutcome): string {
  if (outcome.status === 'unknown') return `unknown   record ${outcome.id}: no such record`;
  if (outcome.status === 'withdrawn') return `withdrawn record ${outcome.id}: it is withdrawn, its scans stay as they were`;
  const missing = outcome.notScanned.length > 0 ? `; no scan to remove for ${leafList(outcome.notScanned)}` : '';
  if (outcome.status === 'unchanged') return `unchanged record ${outcome.id} v${outcome.version}${missing}`;
  return `removed   record ${outcome.id} v${outcome.version} (${outcome.datestamp}): scans of ${leafList(outcome.removed)} replaced by placeholders${missing}`;
}

export function formatWithdrawal(outcome: WithdrawOutcome): string {
  if (outcome.status === 'unknown') return `unknown   record ${outcome.id}: nothing to withdraw`;
  return `${outcome.status.padEnd(9)} record ${outcome.id} v${outcome.version} (${outcome.datestamp})`;
}
