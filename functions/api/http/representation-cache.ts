/**
 * Rendered bodies kept in memory by ETag (which names the record version, the crosswalk version,
 * the rendering and its parameters) and base URL: a warm function renders each representation
 * once. Bounded by the total length of the bodies it holds; least recently used goes first.
 */
export class RepresentationCache {
  private readonly bodies = new Map<string, string>();
  private size = 0;

  constructor(private readonly maxChars = 16 * 1024 * 1024) {}

  async getOrRender(key: string, render: () => string | Promise<string>): Promise<string> {
    const hit = this.bodies.get(key);
    if (hit !== undefined) {
      this.bodies.delete(key);
      this.bodies.set(key, hit);
      return hit;
    }
    const body = await render();
    if (body.length <= this.maxChars / 2) this.remember(key, body);
    return body;
  }

  private remember(key: string, body: string) {
    this.bodies.set(key, body);
    this.size += body.length;
    for (const [oldest, value] of this.bodies) {
      if (this.size <= this.maxChars) break;
      this.bodies.delete(oldest);
      this.size -= value.length;
    }
  }

  get entries(): number {
    return this.bodies.size;
  }
}
