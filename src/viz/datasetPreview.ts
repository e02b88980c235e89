/**
 * A dataset as a small picture for the dataset picker: points as discs on a background (light by
 * default; the UI passes its theme's).
 * Pure: dataset in, size*size RGBA bytes out (put them in an ImageData and let CSS scale it).
 * Row 0 is the top of the region (yMax), column 0 its left (xMin).
 */
import type { Dataset } from '../nn/data.ts';
import { PLANE_REGION, type Region } from '../nn/types.ts';
import { BACKGROUND_RGB, CLASS_RGB, divergingColor, NEGATIVE_RGB, POSITIVE_RGB, type Rgb } from './colors.ts';

export interface PreviewOptions {
  background: Rgb;
  /** Binary class 1. */
  positive: Rgb;
  /** Binary class 0. */
  negative: Rgb;
  /** Multi-class palette, class k → classes[k]. */
  classes: readonly Rgb[];
  /** Default: the input plane [-DOMAIN, DOMAIN]². For xorTable, e.g. [-0.5, 1.5]². */
  region: Region;
  /** Disc radius in pixels; default max(1, size/48). */
  radius: number;
}

export const MAX_PREVIEW_SIZE = 1024;

/** How much darker a disc's rim is than its fill (so pale values stay visible on the background). */
const RIM = 0.7;

function pointColor(ds: Dataset, label: number, o: PreviewOptions): Rgb {
  if (ds.problem === 'regression') return divergingColor(label);
  if (ds.problem === 'classification') return label === 1 ? o.positive : o.negative;
  const k = Math.max(0, Math.min(o.classes.length - 1, Math.round(label)));
  return o.classes[k] ?? o.negative;
}

/**
 * Paints every point of `ds` as a disc (rim darker when the radius is ≥ 2 px). Binary: blue for
 * class 1, orange for class 0; multi-class: CLASS_COLORS; regression: the diverging scale of the
 * value. Points outside the region are clipped. Returns size*size*4 bytes.
 */
export function renderDatasetPreview(
  ds: Dataset,
  size: number,
  options: Partial<PreviewOptions> = {},
): Uint8ClampedArray {
  if (!Number.isInteger(size) || size < 1 || size > MAX_PREVIEW_SIZE) {
    throw new RangeError(`size must be an integer in 1..${MAX_PREVIEW_SIZE}, got ${size}`);
  }
  const o: PreviewOptions = {
    background: BACKGROUND_RGB,
    positive: POSITIVE_RGB,
    negative: NEGATIVE_RGB,
    classes: CLASS_RGB,
    region: PLANE_REGION,
    radius: Math.max(1, size / 48),
    ...options,
  };
  const { xMin, xMax, yMin, yMax } = o.region;
  if (!(xMax > xMin && yMax > yMin)) throw new RangeError('region must have xMax > xMin and yMax > yMin');
  const rgba = new Uint8ClampedArray(size * size * 4);
  const [br, bg, bb] = o.background;
  for (let p = 0; p < rgba.length; p += 4) {
    rgba[p] = br;
    rgba[p + 1] = bg;
    rgba[p + 2] = bb;
    rgba[p + 3] = 255;
  }
  const r = o.radius;
  const rim = r >= 2 ? r - 1 : Infinity;
  const sx = size / (xMax - xMin);
  const sy = size / (yMax - yMin);
  for (let i = 0; i < ds.n; i++) {
    // Pixel (col, row) covers [col, col+1) × [row, row+1); the point's centre in those units:
    const cx = (ds.points[2 * i]! - xMin) * sx;
    const cy = (yMax - ds.points[2 * i + 1]!) * sy;
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    const fill = pointColor(ds, ds.labels[i]!, o);
    const c0 = Math.max(0, Math.floor(cx - r));
    const c1 = Math.min(size - 1, Math.ceil(cx + r));
    const r0 = Math.max(0, Math.floor(cy - r));
    const r1 = Math.min(size - 1, Math.ceil(cy + r));
    for (let row = r0; row <= r1; row++) {
      const dy = row + 0.5 - cy;
      for (let col = c0; col <= c1; col++) {
        const dx = col + 0.5 - cx;
        const d = Math.sqrt(dx * dx + dy * dy);
        // A disc of radius r, at least the pixel under the centre.
        if (d > r && !(Math.floor(cx) === col && Math.floor(cy) === row)) continue;
        const k = d > rim ? RIM : 1;
        const p = (row * size + col) * 4;
        rgba[p] = fill[0] * k;
        rgba[p + 1] = fill[1] * k;
        rgba[p + 2] = fill[2] * k;
      }
    }
  }
  return rgba;
}
