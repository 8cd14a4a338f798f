/**
 * The compliance suite's test image: 1200x800 pixels in four coloured quadrants (red, green /
 * blue, yellow) with a magenta marker in the top-left corner, so that every region, size,
 * rotation and mirroring has one right answer that can be checked pixel by pixel.
 */
import sharp from 'sharp';

export const WIDTH = 1200;
export const HEIGHT = 800;
export const MARKER = 100;

const PALETTE = {
  red: [230, 30, 30],
  green: [30, 200, 30],
  blue: [30, 30, 230],
  yellow: [230, 230, 30],
  magenta: [230, 30, 230],
} as const;
export type Colour = keyof typeof PALETTE;

/** The colour of a pixel of the full image. */
export function colourAt(x: number, y: number): Colour {
  if (x < MARKER && y < MARKER) return 'magenta';
  if (y < HEIGHT / 2) return x < WIDTH / 2 ? 'red' : 'green';
  return x < WIDTH / 2 ? 'blue' : 'yellow';
}

export async function quadrantImagePng(): Promise<Buffer> {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) raw.set(PALETTE[colourAt(x, y)], (y * WIDTH + x) * 3);
  }
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .png()
    .toBuffer();
}

export interface Pixels {
  width: number;
  height: number;
  rgb(x: number, y: number): [number, number, number];
  /** The palette colour nearest to the pixel. */
  colour(x: number, y: number): Colour;
}

/** Decodes a response body to RGB pixels. */
export async function pixelsOf(body: ArrayBuffer | Uint8Array): Promise<Pixels> {
  const { data, info } = await sharp(body instanceof ArrayBuffer ? new Uint8Array(body) : body)
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const rgb = (x: number, y: number): [number, number, number] => {
    const i = (y * info.width + x) * info.channels;
    return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
  };
  const colour = (x: number, y: number): Colour => {
    const [r, g, b] = rgb(x, y);
    const distance = (c: readonly number[]) => ((c[0] ?? 0) - r) ** 2 + ((c[1] ?? 0) - g) ** 2 + ((c[2] ?? 0) - b) ** 2;
    return (Object.keys(PALETTE) as Colour[]).reduce((best, name) => (distance(PALETTE[name]) < distance(PALETTE[best]) ? name : best));
  };
  return { width: info.width, height: info.height, rgb, colour };
}

/** Colours near the four corners (inset so that resampling at the edges does not matter): top-left, top-right, bottom-left, bottom-right. */
export function corners(pixels: Pixels): [Colour, Colour, Colour, Colour] {
  const dx = Math.max(2, Math.floor(pixels.width * 0.02));
  const dy = Math.max(2, Math.floor(pixels.height * 0.02));
  const right = pixels.width - 1 - dx;
  const bottom = pixels.height - 1 - dy;
  return [pixels.colour(dx, dy), pixels.colour(right, dy), pixels.colour(dx, bottom), pixels.colour(right, bottom)];
}
