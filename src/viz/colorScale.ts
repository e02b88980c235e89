/**
 * Colour lookup tables for the heatmap, the diagram thumbnails and the link colours.
 * A LUT is `size` RGBA entries (Uint8ClampedArray, size*4 long) for values in [-1, 1]:
 * entry 0 is -1 (negative, orange), entry size-1 is +1 (positive, blue), the middle is neutral.
 * TF Playground's scale, which stays readable for the common colour-vision deficiencies
 * because orange/blue differ in lightness and in the blue-yellow axis.
 */

import { hexToRgb, type Rgb } from './colors.ts';

// One parser and one type for colours: the palette module's.
export { hexToRgb, type Rgb };

export function rgbToHex([r, g, b]: Rgb): string {
  const h = (n: number) =>
    Math.round(Math.max(0, Math.min(255, n)))
      .toString(16)
      .padStart(2, '0');
  return `#${h(r)}${h(g)}${h(b)}`;
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const u = Math.max(0, Math.min(1, t));
  return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u];
}

export interface DivergingStops {
  negative: string;
  neutral: string;
  positive: string;
}

export interface Lut {
  size: number;
  /** size*4 RGBA bytes. */
  rgba: Uint8ClampedArray;
}

/** A diverging LUT: -1 → negative, 0 → neutral, +1 → positive, linear in RGB between. */
export function divergingLut(stops: DivergingStops, size = 256, alpha = 255): Lut {
  const neg = hexToRgb(stops.negative);
  const mid = hexToRgb(stops.neutral);
  const pos = hexToRgb(stops.positive);
  const rgba = new Uint8ClampedArray(size * 4);
  for (let i = 0; i < size; i++) {
    const v = size === 1 ? 0 : (i / (size - 1)) * 2 - 1;
    const c = v < 0 ? mix(mid, neg, -v) : mix(mid, pos, v);
    rgba[i * 4] = c[0];
    rgba[i * 4 + 1] = c[1];
    rgba[i * 4 + 2] = c[2];
    rgba[i * 4 + 3] = alpha;
  }
  return { size, rgba };
}

/** Index of value v (clamped to [-1, 1]; NaN → neutral) in a LUT of `size` entries. */
export function lutIndex(v: number, size: number): number {
  if (!(v === v)) return (size - 1) >> 1;
  const c = v < -1 ? -1 : v > 1 ? 1 : v;
  return Math.round(((c + 1) / 2) * (size - 1));
}

/** CSS colour of a value in [-1, 1] from a LUT (for links, legends). */
export function lutCss(lut: Lut, v: number): string {
  let css = cssCache.get(lut);
  if (!css) {
    css = [];
    for (let i = 0; i < lut.size; i++)
      css.push(`rgb(${lut.rgba[i * 4]}, ${lut.rgba[i * 4 + 1]}, ${lut.rgba[i * 4 + 2]})`);
    cssCache.set(lut, css);
  }
  return css[lutIndex(v, lut.size)]!;
}

const cssCache = new WeakMap<Lut, string[]>();
