/** A problem found in an input, with the 1-based line it was found on when there is one. */
export interface Problem {
  line?: number;
  field?: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function formatProblem(problem: Problem, fileName?: string): string {
  const where = [fileName, problem.line].filter((part) => part !== undefined).join(':');
  const field = problem.field ? `${problem.field}: ` : '';
  return `${where ? `${where}: ` : ''}${field}${problem.message}`;
}
