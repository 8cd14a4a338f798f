import { describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../functions/core/ports.ts';
import { CachedRecordStore } from '../../../functions/core/records/cached-record-store.ts';
import { record110020 } from '../../support/fixtures.ts';
import { MemoryRecordStore } from '../../support/memory-stores.ts';

function setup(maxEntries = 2, ttlMs = 1_000) {
  let now = 0;
  const clock: Clock = { now: () => new Date(now) };
  const inner = new MemoryRecordStore();
  const get = vi.spyOn(inner, 'get');
  return { inner, get, cache: new CachedRecordStore(inner, clock, { maxEntries, ttlMs }), advance: (ms: number) => (now += ms) };
}

describe('CachedRecordStore', () => {
  it('answers a repeated read from memory', async () => {
    const { inner, get, cache } = setup();
    await inner.put(await record110020(), undefined);
    await cache.get('110020');
    await cache.get('110020');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('reads again once an entry is older than its TTL', async () => {
    const { inner, get, cache, advance } = setup();
    await inner.put(await record110020(), undefined);
    await cache.get('110020');
    advance(1_001);
    await cache.get('110020');
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('weighs a record with long texts as one entry per 64 KiB of them', async () => {
    const { inner, get, cache } = setup(20);
    const record = await record110020();
    await inner.put({ ...record, id: 'long', texts: [{ kind: 'translation', language: 'en', text: 'a'.repeat(1024 * 1024) }] }, undefined);
    await inner.put(record, undefined);
    // 1 MiB of text weighs 17 entries: more than the 20 allowed once 110020 and its neighbours are in.
    await cache.get('long');
    await cache.get('110020');
    for (const id of ['x1', 'x2', 'x3']) await cache.get(id);
    expect(cache.size).toBe(4);
    await cache.get('long');
    expect(get.mock.calls.filter(([id]) => id === 'long')).toHaveLength(2);
  });

  it('keeps at most maxEntries, evicting the least recently used', async () => {
    const { get, cache } = setup(2);
    await cache.get('a');
    await cache.get('b');
    await cache.get('a');
    await cache.get('c');
    expect(cache.size).toBe(2);
    await cache.get('a');
    expect(get).toHaveBeenCalledTimes(3);
    await cache.get('b');
    expect(get).toHaveBeenCalledTimes(4);
  });

  it('forgets an entry written through it', async () => {
    const { cache } = setup();
    const record = await record110020();
    await cache.put(record, undefined);
    expect((await cache.get('110020'))?.version).toBe(1);
    await cache.put({ ...record, version: 2 }, 1);
    expect((await cache.get('110020'))?.version).toBe(2);
  });
});

describe('CachedRecordStore under concurrent misses', () => {
  it('reads once for many simultaneous requests of one id', async () => {
    const { inner, get, cache } = setup();
    await inner.put(await record110020(), undefined);
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.get('110020')));
    expect(get).toHaveBeenCalledTimes(1);
    expect(new Set(results.map((r) => r?.version))).toEqual(new Set([1]));
  });
});

describe('CachedRecordStore with a write during a read', () => {
  it('does not keep the version a read started before the write', async () => {
    const { inner, cache } = setup();
    const record = await record110020();
    await inner.put(record, undefined);
    const reading = cache.get('110020');
    await cache.put({ ...record, version: 2 }, 1);
    expect((await reading)?.version).toBe(1);
    expect((await cache.get('110020'))?.version).toBe(2);
  });
});
