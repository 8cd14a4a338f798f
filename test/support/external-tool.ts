/**
 * Runs the independent tools the tests check the service with (Debian's Perl and Python
 * packages, the validators in ../shared/tools). Asynchronous on purpose: the service under test
 * answers from this same process, so a synchronous spawn would leave the tool waiting forever.
 */
import { execFile } from 'node:child_process';

export interface ToolRun {
  /** Exit status; null when the tool was killed (timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runTool(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      [...args],
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code === 'string') {
          reject(new Error(`${command} could not be run: ${error.message}`));
          return;
        }
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

/**
 * Fails, naming what to install, when a tool the test needs is missing. Never a skip: a test
 * that quietly does not run checks nothing (`.ci/run` installs every package named here).
 */
export async function requireTool(probe: { command: string; args: readonly string[] }, missing: string): Promise<void> {
  const run = await runTool(probe.command, probe.args, { timeoutMs: 30_000 }).catch((error: Error) => ({ code: -1, stdout: '', stderr: error.message }));
  if (run.code !== 0) throw new Error(`${missing}\n(${probe.command} ${probe.args.join(' ')}: ${run.stderr.trim() || `exit ${run.code}`})`);
}
