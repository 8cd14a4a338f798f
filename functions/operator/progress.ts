/**
 * Progress of a batch on stderr, so that stdout keeps one report line per file. On a terminal, a
 * bar redrawn in place; otherwise (a log, a pipe, CI) a line every `everyFiles` files or
 * `everySeconds` seconds, whichever comes first. Either way with the rate and the time left, and
 * a last line with the totals when the batch ends.
 */

export interface ProgressOptions {
  /** A line at least every this many files (not on a terminal; default 100). */
  everyFiles?: number;
  /** A line at least every this many seconds (not on a terminal; default 10). */
  everySeconds?: number;
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Milliseconds, monotonic (tests). */
  now?: () => number;
}

export interface Progress {
  /** `done` files finished, `label` the one now being read; `summary` the counts so far ("12 created, 1 rejected"). */
  update(done: number, label: string, summary?: string): void;
  /** Clears the bar so a report line can be printed. */
  clear(): void;
  /** The last line: totals, time and rate. */
  finish(done: number, summary?: string): void;
}

/** `1h02m`, `4m05s`, `12s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

const rateOf = (done: number, seconds: number) => (seconds > 0 ? done / seconds : 0);
const formatRate = (rate: number) => `${rate >= 100 ? Math.round(rate) : rate.toFixed(1)} files/s`;

export function progressBar(total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const everyFiles = Math.max(1, options.everyFiles ?? 100);
  const everySeconds = options.everySeconds ?? 10;
  const tty = stream.isTTY === true;
  const enabled = total > 1;
  const width = 30;
  const started = now();
  let lastLine = { at: started, done: 0 };
  let drawn = 0;

  /** `1200/10000 (12%), 23.4 files/s, 6m16s left` */
  const status = (done: number, at: number) => {
    const seconds = (at - started) / 1000;
    const rate = rateOf(done, seconds);
    const left = rate > 0 && done < total ? `, ${formatDuration((total - done) / rate)} left` : '';
    return `${done}/${total} (${Math.floor((done / total) * 100)}%), ${formatRate(rate)}${left}`;
  };

  return {
    update(done, label, summary) {
      if (!enabled) return;
      const at = now();
      if (tty) {
        const filled = Math.round((done / total) * width);
        const line = `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${status(done, at)} ${label.slice(-40)}`;
        stream.write(`${line}${' '.repeat(Math.max(0, drawn - line.length))}`);
        drawn = line.length;
        return;
      }
      if (done === 0 || (done - lastLine.done < everyFiles && (at - lastLine.at) / 1000 < everySeconds)) return;
      lastLine = { at, done };
      stream.write(`progress: ${status(done, at)}${summary ? `; ${summary}` : ''}\n`);
    },
    clear() {
      if (enabled && tty && drawn > 0) stream.write(`\r${' '.repeat(drawn)}\r`);
      drawn = 0;
    },
    finish(done, summary) {
      if (!enabled) return;
      this.clear();
      const seconds = (now() - started) / 1000;
      stream.write(`progress: ${done}/${total} in ${formatDuration(seconds)}, ${formatRate(rateOf(done, seconds))}${summary ? `; ${summary}` : ''}\n`);
    },
  };
}
