/**
 * A least-recently-used map bounded by the total weight of its values (bytes, characters, or 1
 * per entry). The one eviction policy behind the service's in-container caches.
 */
export class WeightedLru<V> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(
    readonly maxWeight: number,
    private readonly weigh: (value: V) => number,
  ) {}

  /** Total weight held. */
  get weight(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, marked as most recently used. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Stores a value, evicting the least recently used; a value heavier than `maxWeight / keepRatio` is not kept. */
  set(key: string, value: V, keepRatio = 1): void {
    this.delete(key);
    const weight = this.weigh(value);
    if (weight > this.maxWeight / keepRatio) return;
    this.entries.set(key, value);
    this.total += weight;
    for (const [oldest, evicted] of this.entries) {
      if (this.total <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.total -= this.weigh(evicted);
    }
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.total -= this.weigh(value);
  }
}
