// Decodes a PNG the way an image viewer would, and says whether it shows anything.
import { PNG } from 'pngjs';

export interface Decoded {
  width: number;
  height: number;
  /** Distinct colours among sampled pixels: a blank image has one. */
  colours: number;
  /** Share of sampled pixels that are dark (text, axes, lines). */
  inked: number;
  /** No transparent pixel: the chart brings its own background to any theme. */
  opaque: boolean;
}

export function decodePng(bytes: Uint8Array): Decoded {
  const png = PNG.sync.read(Buffer.from(bytes));
  const colours = new Set<number>();
  let dark = 0;
  let sampled = 0;
  let opaque = true;
  for (let i = 3; i < png.data.length; i += 4) if (png.data[i] !== 255) opaque = false;
  for (let i = 0; i < png.data.length; i += 4 * 7) {
    const [r = 0, g = 0, b = 0] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    colours.add((r << 16) | (g << 8) | b);
    if (r + g + b < 300) dark += 1;
    sampled += 1;
  }
  return { width: png.width, height: png.height, colours: colours.size, inked: dark / sampled, opaque };
}
