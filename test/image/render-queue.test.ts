import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { RenderLanes, RenderQueue, RenderQueueFullError, SMALL_RENDER_PIXELS } from '../../functions/image/render-queue.ts';

/** A task the test finishes by hand, recording when it started. */
function gate<T>(value: T) {
  let finish: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const state = { started: false };
  const done = new Promise<T>((resolve, reject) => {
    finish = () => resolve(value);
    fail = reject;
  });
  return {
    state,
    finish,
    fail,
    task: () => {
      state.started = true;
      return done;
    },
  };
}

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('RenderQueue', () => {
  it('runs at most `concurrency` tasks at once and starts the waiting ones first come, first served', async () => {
    const queue = new RenderQueue({ concurrency: 2, maxWaiting: 10 });
    const gates = [0, 1, 2, 3].map((i) => gate(i));
    const results = gates.map((g) => queue.run(g.task));
    await settle();
    expect(gates.map((g) => g.state.started)).toEqual([true, true, false, false]);
    expect([queue.running, queue.waiting]).toEqual([2, 2]);

    gates[1]?.finish();
    await settle();
    expect(gates.map((g) => g.state.started)).toEqual([true, true, true, false]);
    gates[0]?.finish();
    await settle();
    expect(gates[3]?.state.started).toBe(true);
    expect([queue.running, queue.waiting]).toEqual([2, 0]);

    gates[2]?.finish();
    gates[3]?.finish();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it('refuses a task at once when `maxWaiting` already wait, with a Retry-After of at least a second', async () => {
    const queue = new RenderQueue({ concurrency: 1, maxWaiting: 1 });
    const running = gate('a');
    const waiting = gate('b');
    const first = queue.run(running.task);
    const second = queue.run(waiting.task);
    const refused = gate('c');
    const error = await queue.run(refused.task).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderQueueFullError);
    expect((error as RenderQueueFullError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.state.started).toBe(false);
    running.finish();
    waiting.finish();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    // Room again once the queue drained.
    expect(await queue.run(async () => 'd')).toBe('d');
  });

  it('frees the slot of a task that fails, and passes the failure on', async () => {
    const queue = new RenderQueue({ concurrency: 1, maxWaiting: 1 });
    const failing = gate('x');
    const next = gate('y');
    const first = queue.run(failing.task);
    const second = queue.run(next.task);
    failing.fail(new Error('decode failed'));
    await expect(first).rejects.toThrow('decode failed');
    await settle();
    expect(next.state.started).toBe(true);
    next.finish();
    await expect(second).resolves.toBe('y');
    // A task that throws before returning a promise frees its slot too.
    await expect(
      queue.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(queue.running).toBe(0);
  });

  it('drops a waiting task whose request was aborted, without running it', async () => {
    const queue = new RenderQueue({ concurrency: 1, maxWaiting: 2 });
    const running = gate(1);
    const abandoned = gate(2);
    const kept = gate(3);
    const controller = new AbortController();
    const first = queue.run(running.task);
    const second = queue.run(abandoned.task, controller.signal);
    const third = queue.run(kept.task);
    controller.abort(new Error('client went away'));
    await expect(second).rejects.toThrow('client went away');
    expect(queue.waiting).toBe(1);
    running.finish();
    await settle();
    expect(abandoned.state.started).toBe(false);
    expect(kept.state.started).toBe(true);
    kept.finish();
    expect(await Promise.all([first, third])).toEqual([1, 3]);
    await expect(queue.run(async () => 0, AbortSignal.abort(new Error('already gone')))).rejects.toThrow('already gone');
  });

  it('estimates Retry-After from the durations of finished tasks and the renders ahead', async () => {
    let now = 0;
    const queue = new RenderQueue({ concurrency: 1, maxWaiting: 3, now: () => now });
    for (let i = 0; i < 20; i++) {
      await queue.run(async () => {
        now += 5_000;
      });
    }
    const gates = [0, 1, 2, 3].map((i) => gate(i));
    const runs = gates.map((g) => queue.run(g.task));
    const error = (await queue.run(async () => 0).catch((e: unknown) => e)) as RenderQueueFullError;
    // Four renders of about 5 s each are ahead, one at a time.
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(18);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(20);
    for (const g of gates) g.finish();
    await Promise.all(runs);
  });
});

describe('RenderLanes', () => {
  it('sends tiles and full-size renders to separate queues, so tiles do not wait behind large renders', async () => {
    const lanes = new RenderLanes({ largeConcurrency: 1, largeWaiting: 1, smallConcurrency: 1, smallWaiting: 4 });
    const large = { readPixels: 6000 * 8000, outputPixels: 25_000_000 };
    const tile = { readPixels: 512 * 512, outputPixels: 512 * 512 };
    expect(lanes.laneFor(large)).toBe(lanes.large);
    expect(lanes.laneFor(tile)).toBe(lanes.small);
    expect(lanes.laneFor({ readPixels: SMALL_RENDER_PIXELS, outputPixels: 1 })).toBe(lanes.large);

    const big = [gate('big-1'), gate('big-2')];
    const bigRuns = big.map((g) => lanes.run(large, g.task));
    await expect(lanes.run(large, async () => 'big-3')).rejects.toBeInstanceOf(RenderQueueFullError);
    // The large lane is full, and a tile is still rendered at once.
    await expect(lanes.run(tile, async () => 'tile')).resolves.toBe('tile');
    for (const g of big) g.finish();
    expect(await Promise.all(bigRuns)).toEqual(['big-1', 'big-2']);
  });

  it('defaults to at most two large renders and as many small ones as CPUs, keeping room in the thread pool', () => {
    const lanes = new RenderLanes();
    expect(lanes.large.concurrency).toBeGreaterThanOrEqual(1);
    expect(lanes.large.concurrency).toBeLessThanOrEqual(2);
    expect(lanes.large.concurrency + lanes.small.concurrency).toBeLessThan(4);
    expect(lanes.small.concurrency).toBeGreaterThanOrEqual(1);
    expect(lanes.small.concurrency).toBeLessThanOrEqual(Math.max(1, availableParallelism()));
    expect(lanes.large.maxWaiting).toBeGreaterThan(0);
  });
});
