/**
 * Rendered bodies kept in memory by ETag (which names the record version, the crosswalk version,
 * the rendering and its parameters) and base URL: a warm function renders each representation
 * once. Bounded by the total length of the bodies it holds; least recently used goes first.
 */
import { WeightedLru } from '../../core/cache/weighted-lru.ts';

export class RepresentationCache {
  private readonly bodies: WeightedLru<string>;

  constructor(maxChars = 16 * 1024 * 1024) {
    this.bodies = new WeightedLru(maxChars, (body) => body.length);
  }

  async getOrRender(key: string, render: () => string | Promise<string>): Promise<string> {
    const hit = this.bodies.get(key);
    if (hit !== undefined) return hit;
    const body = await render();
    // One huge body must not flush everything else.
    this.bodies.set(key, body, 2);
    return body;
  }

  get entries(): number {
    return this.bodies.size;
  }
}
