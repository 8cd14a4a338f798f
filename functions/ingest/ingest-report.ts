import type { IngestOutcome } from '../core/ingest/ingest-export.ts';
import { formatProblem } from '../core/ingest/problems.ts';
import type { WithdrawOutcome } from '../core/ingest/withdraw-record.ts';

/** One line per outcome (more for rejections: one per problem). */
export function formatOutcome(fileName: string, outcome: IngestOutcome): string {
  if (outcome.status === 'rejected') {
    return [`rejected  ${fileName}`, ...outcome.problems.map((p) => `          ${formatProblem(p, fileName)}`)].join('\n');
  }
  return `${outcome.status.padEnd(9)} ${fileName} -> record ${outcome.id} v${outcome.version} (${outcome.datestamp})`;
}

export function formatWithdrawal(outcome: WithdrawOutcome): string {
  if (outcome.status === 'unknown') return `unknown   record ${outcome.id}: nothing to withdraw`;
  return `${outcome.status.padEnd(9)} record ${outcome.id} v${outcome.version} (${outcome.datestamp})`;
}
