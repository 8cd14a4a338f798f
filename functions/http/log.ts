/**
 * Log lines as one JSON object each (`level`, `message`, then the fields), written to the console,
 * which Lambda sends to CloudWatch: one line per event, queryable by its members.
 */

export type LogLevel = 'warn' | 'error';
export type LogFields = { readonly [name: string]: unknown };

/** The line for one event: `level` and `message` first, then the fields (undefined ones left out, as JSON does). */
export function logLine(level: LogLevel, message: string, fields: LogFields = {}): string {
  return JSON.stringify({ level, message, ...fields });
}

export const log = {
  warn(message: string, fields?: LogFields): void {
    console.warn(logLine('warn', message, fields));
  },
  error(message: string, fields?: LogFields): void {
    console.error(logLine('error', message, fields));
  },
};

/** What a failure's line says about the error: its text and where it was thrown. */
export function errorFields(error: unknown): { error: string; stack: string | undefined } {
  return { error: String(error), stack: (error as Error).stack };
}
