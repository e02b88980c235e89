/**
 * Paint predictions into RGBA pixels (an ImageData or anything shaped like one).
 * Grids come from the engine's predictGrid: R*R cells, row 0 = top (yMax), col 0 = left (xMin).
 * The canvas is R×R device pixels and CSS scales it up (TF Playground's heatmap.ts habit),
 * so a frame costs R*R writes, not one per screen pixel.
 */
import { mix, type Lut, type Rgb } from './colorScale.ts';
import type { OutputActivation } from '../nn/types.ts';

export interface PixelTarget {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Map an output unit's value to [-1, 1] for the diverging scale (sigmoid 0..1 → -1..1). */
export function signedValue(v: number, activation: OutputActivation | 'hidden'): number {
  return activation === 'sigmoid' ? 2 * v - 1 : v;
}

const words = new WeakMap<Lut, Uint32Array>();

/** The LUT as one 32-bit word per entry (bytes copied as they are, so endianness does not matter). */
function lutWords(lut: Lut): Uint32Array {
  let w = words.get(lut);
  if (!w) {
    const bytes = new Uint8ClampedArray(lut.size * 4);
    bytes.set(lut.rgba);
    w = new Uint32Array(bytes.buffer);
    words.set(lut, w);
  }
  return w;
}

/**
 * One scalar per pixel: values[offset + p*stride] for p in 0..R*R-1, mapped through `toSigned`
 * and the LUT. Discretize snaps to the sign (−1 / 0 / +1), as TF Playground's "Discretize output".
 * With `step` > 1 the source is a (sourceSize × sourceSize) grid read every `step` cells, so a small
 * thumbnail costs its own pixels, not the grid's. Hot path (every node, every frame): one word
 * write per pixel, no allocation, the LUT index inlined (same rounding as lutIndex).
 */
export function paintScalarField(
  target: PixelTarget,
  values: ArrayLike<number>,
  opts: {
    lut: Lut;
    offset?: number;
    stride?: number;
    activation?: OutputActivation | 'hidden';
    discretize?: boolean;
    step?: number;
    sourceSize?: number;
  },
): void {
  const { lut } = opts;
  const offset = opts.offset ?? 0;
  const stride = opts.stride ?? 1;
  const sigmoid = opts.activation === 'sigmoid';
  const discretize = opts.discretize === true;
  const w = target.width;
  const h = target.height;
  const step = opts.step ?? 1;
  const src = opts.sourceSize ?? w;
  const d = target.data;
  const px = new Uint32Array(d.buffer, d.byteOffset, w * h);
  const lw = lutWords(lut);
  const scale = (lut.size - 1) / 2;
  const mid = (lut.size - 1) >> 1;
  let p = 0;
  for (let r = 0; r < h; r++) {
    const rowBase = offset + r * step * src * stride;
    for (let c = 0; c < w; c++, p++) {
      let v = +(values[rowBase + c * step * stride] as number);
      if (sigmoid) v = 2 * v - 1;
      if (discretize) v = v > 0 ? 1 : v < 0 ? -1 : v === 0 ? 0 : NaN;
      let i: number;
      if (v !== v) i = mid;
      else i = (((v < -1 ? -1 : v > 1 ? 1 : v) + 1) * scale + 0.5) | 0;
      px[p] = lw[i]!;
    }
  }
}

/**
 * Multi-class: K probabilities per pixel (sample-major). The hue is the most likely class; its
 * strength is the confidence above chance, (pmax − 1/K) / (1 − 1/K), mixed over the background.
 * Discretize shows full-strength hues.
 */
export function paintClassField(
  target: PixelTarget,
  probs: ArrayLike<number>,
  k: number,
  opts: { classColors: readonly Rgb[]; background: Rgb; discretize?: boolean; maxStrength?: number },
): void {
  const n = target.width * target.height;
  const px = target.data;
  const maxStrength = opts.maxStrength ?? 0.85;
  const chance = 1 / k;
  for (let p = 0; p < n; p++) {
    let best = 0;
    let pmax = -Infinity;
    for (let c = 0; c < k; c++) {
      const v = probs[p * k + c] ?? NaN;
      if (v > pmax) {
        pmax = v;
        best = c;
      }
    }
    const o = p * 4;
    const base = opts.classColors[best % opts.classColors.length] ?? opts.background;
    let strength: number;
    if (!Number.isFinite(pmax)) strength = 0;
    else if (opts.discretize) strength = 1;
    else strength = k > 1 ? Math.max(0, Math.min(1, (pmax - chance) / (1 - chance))) : 1;
    const c = mix(opts.background, base, strength * maxStrength);
    px[o] = c[0];
    px[o + 1] = c[1];
    px[o + 2] = c[2];
    px[o + 3] = 255;
  }
}

/** Index of the largest of k values at sample i (ties → lowest index). */
export function argmax(values: ArrayLike<number>, i: number, k: number): number {
  let best = 0;
  let bv = -Infinity;
  for (let c = 0; c < k; c++) {
    const v = values[i * k + c] ?? -Infinity;
    if (v > bv) {
      bv = v;
      best = c;
    }
  }
  return best;
}
