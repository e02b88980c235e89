/**
 * Drawing your own data: add a point of the chosen class where the plane was clicked, remove the
 * nearest one (shift-click or the eraser). Pure functions over the config's points.
 */
import { DOMAIN } from '../../nn/types.ts';
import type { DataPoint, ExperimentConfig } from '../../share/config.ts';
import { SHARE_LIMITS } from '../../share/schema.ts';

/** A click this close (data units) to a point removes it. */
export const ERASE_RADIUS = 0.4;

/** Clicked coordinates rounded to 1/1000: short links, and the plane's pixels are coarser anyway. */
export function roundCoord(v: number): number {
  const r = Math.round(Math.max(-DOMAIN, Math.min(DOMAIN, v)) * 1000) / 1000;
  return r === 0 ? 0 : r;
}

export function addPoint(points: readonly DataPoint[], x: number, y: number, label: number): DataPoint[] | null {
  if (points.length >= SHARE_LIMITS.points.max) return null;
  if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > DOMAIN || Math.abs(y) > DOMAIN) return [...points];
  return [...points, { x: roundCoord(x), y: roundCoord(y), label }];
}

/** Without the point nearest (x, y) within `radius`; the same array when there is none. */
export function removeNearest(
  points: readonly DataPoint[],
  x: number,
  y: number,
  radius = ERASE_RADIUS,
): readonly DataPoint[] {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best < 0 ? points : points.filter((_, i) => i !== best);
}

/** Points of a run's train and test sets, for the CSV export or to start drawing from. */
export function pointsOfRun(info: {
  trainPoints: Float64Array;
  trainLabels: Float64Array;
  testPoints: Float64Array;
  testLabels: Float64Array;
}): { train: DataPoint[]; test: DataPoint[] } {
  const list = (xy: Float64Array, labels: Float64Array) =>
    Array.from(labels, (label, i) => ({ x: xy[2 * i]!, y: xy[2 * i + 1]!, label }));
  return { train: list(info.trainPoints, info.trainLabels), test: list(info.testPoints, info.testLabels) };
}

/** The labels a person can draw with for this problem: class indices, or values for regression. */
export function drawLabels(config: ExperimentConfig): { value: number; name: string }[] {
  if (config.problem === 'regression')
    return [
      { value: -1, name: 'Value −1' },
      { value: 1, name: 'Value +1' },
    ];
  if (config.problem === 'multiclass')
    return Array.from({ length: config.classes }, (_, k) => ({ value: k, name: `Class ${k + 1}` }));
  return [
    { value: 1, name: 'Blue (positive)' },
    { value: 0, name: 'Orange (negative)' },
  ];
}
