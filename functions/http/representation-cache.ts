/**
 * Rendered bodies kept in memory by ETag (which names the record version, the crosswalk version,
 * the rendering and its parameters) and base URL: a warm function renders each representation
 * once, and encodes it to UTF-8 once. Bounded by the total size of the bodies it holds; least
 * recently used goes first.
 */
import { WeightedLru } from '../core/cache/weighted-lru.ts';

/** What a representation's renderer produces: its body and the headers that belong to it (signposting `Link`, security headers). */
export interface Rendering {
  body: string;
  headers: { readonly [name: string]: string };
}

/** A rendering as kept: the body already encoded, as every response sends it. */
export interface Rendered {
  bytes: Uint8Array<ArrayBuffer>;
  headers: { readonly [name: string]: string };
}

export class RepresentationCache {
  private readonly bodies: WeightedLru<Rendered>;

  constructor(maxBytes = 16 * 1024 * 1024) {
    this.bodies = new WeightedLru(maxBytes, (rendered) => rendered.bytes.byteLength);
  }

  async getOrRender(key: string, render: () => Rendering | Promise<Rendering>): Promise<Rendered> {
    const hit = this.bodies.get(key);
    if (hit !== undefined) return hit;
    const { body, headers } = await render();
    const rendered = { bytes: new TextEncoder().encode(body), headers };
    // One huge body must not flush everything else.
    this.bodies.set(key, rendered, 2);
    return rendered;
  }

  get entries(): number {
    return this.bodies.size;
  }
}
