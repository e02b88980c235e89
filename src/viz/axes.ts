/** Axis helpers for the output plane: nice tick values and data ↔ pixel mapping. */
import type { Region } from '../nn/types.ts';

/** Round tick values (1, 2 or 5 × 10^k steps) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min) || count < 1) return [min];
  const raw = (max - min) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const norm = raw / mag;
  const step = (norm >= 5 ? 5 : norm >= 2 ? 2 : 1) * mag;
  const ticks: number[] = [];
  const start = Math.ceil(min / step - 1e-9);
  const end = Math.floor(max / step + 1e-9);
  for (let i = start; i <= end; i++) ticks.push(Number((i * step).toPrecision(12)) + 0);
  return ticks;
}

/** Data x → pixel column (0 = left edge) in a box `width` wide. */
export function xToPx(x: number, r: Region, width: number): number {
  return ((x - r.xMin) / (r.xMax - r.xMin)) * width;
}

/** Data y → pixel row (0 = top edge, yMax) in a box `height` high. */
export function yToPx(y: number, r: Region, height: number): number {
  return ((r.yMax - y) / (r.yMax - r.yMin)) * height;
}

/** Pixel (relative to the plane's top-left) → data coordinates. */
export function pxToData(px: number, py: number, r: Region, width: number, height: number): { x: number; y: number } {
  return {
    x: r.xMin + (px / width) * (r.xMax - r.xMin),
    y: r.yMax - (py / height) * (r.yMax - r.yMin),
  };
}
