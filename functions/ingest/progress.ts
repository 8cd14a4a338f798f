/** A one-line progress bar on stderr for batches, drawn only on a terminal. */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true && total > 1;
  const width = 30;
  return {
    update(done: number, label: string) {
      if (!enabled) return;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(-40).padEnd(40)}`);
    },
    /** Clears the bar so a report line can be printed. */
    clear() {
      if (enabled) stream.write(`\r${' '.repeat(width + 50)}\r`);
    },
  };
}
