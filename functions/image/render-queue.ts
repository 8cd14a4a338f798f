/**
 * Admission of image renders: at most `concurrency` run at once, at most `maxWaiting` wait, first
 * come first served; beyond that a render is refused at once (the app answers 503 with
 * Retry-After) instead of queuing without limit.
 *
 * Why: sharp renders on libuv's thread pool, the pool the local DynamoDB emulator's LevelDB, file
 * reads and zlib share. Unbounded, twenty large renders held every thread, so a record read waited
 * behind them past its storage timeout (ADR 0008). `RenderLanes` keeps small renders (tiles)
 * out of the queue of large ones, so a viewer's tiles do not wait for someone's full-size scan.
 */
import { availableParallelism } from 'node:os';

export class RenderQueueFullError extends Error {
  constructor(
    /** A hint for Retry-After: how long the renders already admitted should take, at least 1 s. */
    readonly retryAfterSeconds: number,
  ) {
    super('too many image renders are waiting');
    this.name = 'RenderQueueFullError';
  }
}

export interface RenderQueueOptions {
  /** Renders running at once (at least 1). */
  concurrency: number;
  /** Renders waiting for a slot before further ones are refused (0: none wait). */
  maxWaiting: number;
  /** Milliseconds clock, for the Retry-After estimate (performance.now by default). */
  now?: () => number;
}

interface Waiting {
  start: () => void;
  fail: (error: unknown) => void;
}

/** Assumed length of a render before one has finished (for the first Retry-After only). */
const FIRST_ESTIMATE_MS = 1_000;

export class RenderQueue {
  readonly concurrency: number;
  readonly maxWaiting: number;
  private readonly now: () => number;
  private readonly queue: Waiting[] = [];
  private active = 0;
  /** Exponentially weighted mean of finished renders' durations, ms. */
  private meanMs = FIRST_ESTIMATE_MS;

  constructor(options: RenderQueueOptions) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency));
    this.maxWaiting = Math.max(0, Math.floor(options.maxWaiting));
    this.now = options.now ?? (() => performance.now());
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Seconds until the renders admitted now are likely done: the Retry-After of a refusal. */
  get retryAfterSeconds(): number {
    const rounds = Math.ceil((this.active + this.queue.length) / this.concurrency);
    return Math.min(60, Math.max(1, Math.ceil((rounds * this.meanMs) / 1000)));
  }

  /**
   * Runs `task` when a slot is free. Rejects with RenderQueueFullError when `maxWaiting` renders
   * already wait, and with the signal's reason if it aborts while this one waits (the task then
   * never runs).
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.active >= this.concurrency) {
      if (this.queue.length >= this.maxWaiting) throw new RenderQueueFullError(this.retryAfterSeconds);
      await this.waitForSlot(signal);
    } else {
      this.active++;
    }
    const started = this.now();
    try {
      return await task();
    } finally {
      this.meanMs = 0.8 * this.meanMs + 0.2 * Math.max(0, this.now() - started);
      this.release();
    }
  }

  /** Resolves once a finishing render has handed its slot over (the slot count then stays as it was). */
  private waitForSlot(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const at = this.queue.indexOf(entry);
        if (at >= 0) this.queue.splice(at, 1);
        reject(signal?.reason);
      };
      const entry: Waiting = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        fail: reject,
      };
      this.queue.push(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next.start();
    else this.active--;
  }
}

/** Decoded plus encoded pixels of a render: what it costs in time and memory. */
export interface RenderCost {
  readPixels: number;
  outputPixels: number;
}

/** Renders up to this many pixels (read plus written) are small: a 512 px tile at any level is. */
export const SMALL_RENDER_PIXELS = 2 * 1024 * 1024;

export interface RenderLanesOptions {
  /** Large renders at once; by default half the CPUs, at most 2, at least 1. */
  largeConcurrency?: number;
  /** Large renders waiting before more are refused; by default 2 per running one (a 25 MP render takes seconds). */
  largeWaiting?: number;
  /**
   * Small renders at once; by default as many as there are CPUs while the two lanes together
   * hold at most three of libuv's four threads (so 2 on a 2-CPU machine, 1 with 1 CPU or when
   * two large renders may run).
   */
  smallConcurrency?: number;
  /** Small renders waiting before more are refused; by default 64 (a viewer asks for dozens of tiles at once). */
  smallWaiting?: number;
}

/**
 * Two queues: small renders (tiles) and large ones (a full-size scan), so tiles are served while
 * large renders wait. At most `largeConcurrency + smallConcurrency` renders use the thread pool
 * (libuv's default 4 threads), leaving at least one thread for storage and zlib.
 */
export class RenderLanes {
  readonly small: RenderQueue;
  readonly large: RenderQueue;

  constructor(options: RenderLanesOptions = {}) {
    const largeConcurrency = options.largeConcurrency ?? Math.min(2, Math.max(1, Math.floor(availableParallelism() / 2)));
    this.large = new RenderQueue({ concurrency: largeConcurrency, maxWaiting: options.largeWaiting ?? 2 * largeConcurrency });
    const smallConcurrency = options.smallConcurrency ?? Math.max(1, Math.min(availableParallelism(), 3 - largeConcurrency));
    this.small = new RenderQueue({ concurrency: smallConcurrency, maxWaiting: options.smallWaiting ?? 64 });
  }

  /** The lane a render of this cost goes to. */
  laneFor(cost: RenderCost): RenderQueue {
    return cost.readPixels + cost.outputPixels <= SMALL_RENDER_PIXELS ? this.small : this.large;
  }

  run<T>(cost: RenderCost, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.laneFor(cost).run(task, signal);
  }
}
