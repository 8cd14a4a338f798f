/**
 * An export's text to the Record's content, with every problem at once: the structure problems
 * of `parseExport` and, checked on whatever could be read in spite of them, everything
 * `buildRecordContent` finds the export lacking or getting wrong, in the order of their lines.
 */
import type { ArchiveProfile } from '../../../schemas/archive-profile.ts';
import type { Overlay } from '../../../schemas/overlay.ts';
import { buildRecordContent, type ExportFacts } from './build-record-content.ts';
import { parseExport } from './parse-export.ts';
import type { ParseResult, Problem } from './problems.ts';

/** Problems in the order of their lines; those of the whole export (no line) first. */
export function byLine(problems: readonly Problem[]): Problem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
}

export function readExport(text: string, profile: ArchiveProfile, overlay: Overlay | undefined): ParseResult<ExportFacts> {
  const parsed = parseExport(text);
  const built = buildRecordContent(parsed.ok ? parsed.value : parsed.partial, profile, overlay);
  if (parsed.ok && built.ok) return built;
  return { ok: false, problems: byLine([...(parsed.ok ? [] : parsed.problems), ...(built.ok ? [] : built.problems)]) };
}
