/**
 * Geometry of the loss and accuracy charts: axes with nice ticks, linear and log scales, SVG path
 * data for a series, and the point nearest a hovered epoch. Plain functions, so the chart
 * component only lays out elements and a live update costs a few path strings, not a charting
 * library's whole pipeline.
 */
import { niceTicks } from './axes.ts';

/** A chart point: an epoch and named values (null where none was recorded). */
export type ChartPoint<K extends string> = { epoch: number } & { [key in K]: number | null };

export interface ChartAxis {
  domain: [number, number];
  ticks: number[];
  log: boolean;
}

/** The plot area inside the SVG, px. */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Every k-th point (always the last), so at most `max` points; the store's history is already averaged. */
export function thin<T>(points: readonly T[], max: number): readonly T[] {
  if (points.length <= max) return points;
  const k = Math.ceil(points.length / max);
  const out: T[] = [];
  for (let i = points.length - 1; i >= 0; i -= k) out.push(points[i]!);
  return out.reverse();
}

/** The epoch axis: 0 to the last epoch, with a few whole-number ticks. */
export function epochAxis(points: readonly { epoch: number }[]): ChartAxis {
  const maxEpoch = Math.max(1, points.at(-1)?.epoch ?? 1);
  let ticks = niceTicks(0, maxEpoch, 4).filter((t) => t <= maxEpoch);
  if (ticks.length > 5) ticks = niceTicks(0, maxEpoch, 2).filter((t) => t <= maxEpoch);
  return { domain: [0, maxEpoch], ticks: ticks.filter((t) => Number.isInteger(t)), log: false };
}

/**
 * The value axis for the given series: from 0 (or, on a log scale, the decade below the smallest
 * positive value) up to a nice tick at or above the largest finite value.
 */
export function valueAxis<K extends string>(
  points: readonly ChartPoint<K>[],
  keys: readonly K[],
  log: boolean,
): ChartAxis {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points)
    for (const k of keys) {
      const v = p[k];
      if (v !== null && Number.isFinite(v) && (!log || v > 0)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  if (!(hi > -Infinity))
    return log ? { domain: [0.01, 1], ticks: [0.01, 0.1, 1], log } : { domain: [0, 1], ticks: [0, 0.5, 1], log };
  if (log) {
    const a = Math.floor(Math.log10(lo));
    const b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
    const every = Math.max(1, Math.ceil((b - a) / 5));
    const ticks: number[] = [];
    for (let e = a; e <= b; e += every) ticks.push(Number(`1e${e}`));
    return { domain: [Number(`1e${a}`), Number(`1e${b}`)], ticks, log };
  }
  const top = hi > 0 ? hi : 1;
  let ticks: number[] = [];
  let yMax = top;
  for (const count of [4, 3, 2]) {
    ticks = niceTicks(0, top, count);
    const step = (ticks[1] ?? top) - (ticks[0] ?? 0);
    const lastTick = ticks.at(-1) ?? 0;
    yMax = lastTick >= top ? lastTick : Number((lastTick + step).toPrecision(12));
    if (lastTick < yMax) ticks.push(yMax);
    if (ticks.length <= 6) break;
  }
  return { domain: [0, yMax], ticks, log };
}

/** Epoch tick labels stay short: 2500, 10k, 1.5M. */
export function formatEpochTick(v: number): string {
  const r = Math.round(v);
  if (r >= 1e6) return `${Number((r / 1e6).toPrecision(3))}M`;
  if (r >= 1e4) return `${Number((r / 1e3).toPrecision(3))}k`;
  return String(r);
}

/** 1e−4 with a real minus sign, as the rest of the page writes numbers. */
const exp = (v: number) => v.toExponential(0).replace('e+', 'e').replace('-', '−');

/**
 * A value-axis tick label short enough for the axis's 52 px: a log axis labels its decades (1000,
 * 1, 0.001, 1e−4); a linear one uses as many decimals as its tick step needs (0.25, 5000), and
 * exponents only for very large or very small values.
 */
export function formatValueTick(v: number, axis: ChartAxis): string {
  const a = Math.abs(v);
  if (v === 0) return '0';
  if (axis.log) return a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(1))) : exp(v);
  if (a >= 1e5 || a < 1e-3) return exp(v);
  const step = axis.ticks.length > 1 ? Math.abs((axis.ticks[1] ?? 0) - (axis.ticks[0] ?? 0)) : a;
  const decimals = Math.min(4, (String(Number(step.toPrecision(6))).split('.')[1] ?? '').length);
  return v.toFixed(decimals).replace('-', '−');
}

/**
 * Data → pixel along one axis: `start` px at domain[0], `end` px at domain[1] (end < start for a
 * y axis, whose pixels grow downwards). A log axis maps decades evenly; non-positive values have
 * no place on it and map to NaN.
 */
export function axisScale(axis: ChartAxis, start: number, end: number): (v: number) => number {
  const [d0, d1] = axis.domain;
  if (axis.log) {
    const l0 = Math.log10(d0);
    const span = Math.log10(d1) - l0 || 1;
    return (v) => (v > 0 ? start + ((Math.log10(v) - l0) / span) * (end - start) : NaN);
  }
  const span = d1 - d0 || 1;
  return (v) => start + ((v - d0) / span) * (end - start);
}

const px = (v: number) => Math.round(v * 10) / 10;

/**
 * SVG path data through the series' drawable points, in order. Missing values (null, non-finite,
 * or ≤ 0 on a log axis) are skipped and the line joins across them, so a test loss evaluated on a
 * stride still draws as one line. Empty when no point is drawable.
 */
export function linePath<K extends string>(
  points: readonly ChartPoint<K>[],
  key: K,
  x: (epoch: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  for (const p of points) {
    const v = p[key];
    if (v === null || !Number.isFinite(v)) continue;
    const py = y(v);
    const pxv = x(p.epoch);
    if (!Number.isFinite(py) || !Number.isFinite(pxv)) continue;
    d += `${d ? 'L' : 'M'}${px(pxv)},${px(py)}`;
  }
  return d;
}

/** Index of the point whose epoch is nearest `epoch` (points sorted by epoch); -1 when there are none. */
export function nearestIndex(points: readonly { epoch: number }[], epoch: number): number {
  if (points.length === 0) return -1;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.epoch < epoch) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(points[lo - 1]!.epoch - epoch) <= Math.abs(points[lo]!.epoch - epoch)) return lo - 1;
  return lo;
}
