/**
 * Rendered bodies kept in memory by ETag (which names the record version, the crosswalk version,
 * the rendering and its parameters) and base URL: a warm function renders each representation
 * once. Bounded by the total length of the bodies it holds; least recently used goes first.
 */
import { WeightedLru } from '../../core/cache/weighted-lru.ts';

/** A rendered body and the headers that belong to it (signposting `Link`, security headers). */
export interface Rendered {
  body: string;
  headers: { readonly [name: string]: string };
}

export class RepresentationCache {
  private readonly bodies: WeightedLru<Rendered>;

  constructor(maxChars = 16 * 1024 * 1024) {
    this.bodies = new WeightedLru(maxChars, (rendered) => rendered.body.length);
  }

  async getOrRender(key: string, render: () => Rendered | Promise<Rendered>): Promise<Rendered> {
    const hit = this.bodies.get(key);
    if (hit !== undefined) return hit;
    const rendered = await render();
    // One huge body must not flush everything else.
    this.bodies.set(key, rendered, 2);
    return rendered;
  }

  get entries(): number {
    return this.bodies.size;
  }
}
