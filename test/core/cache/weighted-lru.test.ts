import { describe, expect, it } from 'vitest';
import { WeightedLru } from '../../../functions/core/cache/weighted-lru.ts';

const bytes = (n: number) => new Uint8Array(n).fill(n % 256);

describe('WeightedLru', () => {
  it('evicts the least recently used entries when the bytes exceed the bound', () => {
    const lru = new WeightedLru(100, (b: Uint8Array) => b.byteLength);
    lru.set('a', bytes(40));
    lru.set('b', bytes(40));
    lru.get('a');
    lru.set('c', bytes(40));
    expect([lru.get('a') !== undefined, lru.get('b') !== undefined, lru.get('c') !== undefined]).toEqual([true, false, true]);
    expect(lru.weight).toBe(80);
  });

  it('does not keep a value larger than the whole cache', () => {
    const lru = new WeightedLru(100, (b: Uint8Array) => b.byteLength);
    lru.set('a', bytes(50));
    lru.set('big', bytes(101));
    expect(lru.get('big')).toBeUndefined();
    expect(lru.weight).toBe(50);
  });

  it('counts a replaced value once', () => {
    const lru = new WeightedLru(100, (b: Uint8Array) => b.byteLength);
    lru.set('a', bytes(30));
    lru.set('a', bytes(60));
    expect(lru.weight).toBe(60);
  });
});

describe('WeightedLru with a keep ratio', () => {
  it('does not keep a value heavier than maxWeight / keepRatio', () => {
    const lru = new WeightedLru(100, (s: string) => s.length);
    lru.set('half', 'x'.repeat(51), 2);
    expect(lru.get('half')).toBeUndefined();
    lru.set('ok', 'x'.repeat(50), 2);
    expect(lru.get('ok')).toBeDefined();
  });
});
