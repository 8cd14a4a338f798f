/** The batch progress on stderr: a line every N files or seconds off a terminal, a bar on one, both with the rate. */
import { describe, expect, it } from 'vitest';
import { formatDuration, progressBar } from '../../functions/operator/progress.ts';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (chunk: string) => writes.push(chunk) > 0 } as unknown as NodeJS.WritableStream & { isTTY: boolean } };
}

/** A clock the test moves: `at(seconds)`. */
function clock() {
  let ms = 0;
  return { now: () => ms, at: (seconds: number) => (ms = seconds * 1000) };
}

describe('batch progress', () => {
  it('off a terminal, writes a line every N files with the rate and the time left, and a last line with the totals', () => {
    const { writes, stream } = fakeStream(false);
    const time = clock();
    const bar = progressBar(1000, { stream, now: time.now, everyFiles: 250, everySeconds: 3600 });
    for (let done = 0; done < 1000; done++) {
      time.at(done / 20);
      bar.update(done, `${done}.txt`, `${done} created`);
      bar.clear();
    }
    time.at(50);
    bar.finish(1000, '1000 created');
    expect(writes).toEqual([
      'progress: 250/1000 (25%), 20.0 files/s, 38s left; 250 created\n',
      'progress: 500/1000 (50%), 20.0 files/s, 25s left; 500 created\n',
      'progress: 750/1000 (75%), 20.0 files/s, 13s left; 750 created\n',
      'progress: 1000/1000 in 50s, 20.0 files/s; 1000 created\n',
    ]);
  });

  it('off a terminal, writes a line every so many seconds when files are slow', () => {
    const { writes, stream } = fakeStream(false);
    const time = clock();
    const bar = progressBar(10, { stream, now: time.now, everyFiles: 100, everySeconds: 10 });
    for (let done = 0; done < 10; done++) {
      time.at(done * 4);
      bar.update(done, `${done}.txt`);
    }
    // Lines at 12 s (3 files) and 24 s (6 files), then 36 s (9 files).
    expect(writes.map((w) => w.split(',')[0])).toEqual(['progress: 3/10 (30%)', 'progress: 6/10 (60%)', 'progress: 9/10 (90%)']);
    expect(writes[0]).toContain('0.3 files/s');
  });

  it('on a terminal, redraws one bar in place and clears it for report lines', () => {
    const { writes, stream } = fakeStream(true);
    const time = clock();
    const bar = progressBar(4, { stream, now: time.now });
    time.at(2);
    bar.update(2, 'exports/200002.txt');
    expect(writes[0]).toMatch(/^\r\[#{15}\.{15}\] 2\/4 \(50%\), 1\.0 files\/s, 2s left exports\/200002\.txt$/);
    bar.clear();
    expect(writes[1]).toMatch(/^\r +\r$/);
  });

  it('says nothing for a single file', () => {
    const { writes, stream } = fakeStream(false);
    const bar = progressBar(1, { stream, everyFiles: 1 });
    bar.update(0, 'a.txt');
    bar.finish(1);
    expect(writes).toEqual([]);
  });

  it('formats durations for people', () => {
    expect([5, 65, 3725].map(formatDuration)).toEqual(['5s', '1m05s', '1h02m']);
  });
});
