/**
 * The regression lesson's data: 60 points on the plane value = (x + y) / 12 (a grid over the
 * input square, deterministic), and 6 outliers far above it in one corner. Squared error bends
 * the fit toward the outliers; Huber's loss grows only linearly past 1, so it mostly ignores them.
 */
import type { DataPoint } from '../../share/config.ts';

export function outlierPoints(): DataPoint[] {
  const points: DataPoint[] = [];
  for (let i = 0; i < 60; i++) {
    const x = -5.5 + (i % 10) * (11 / 9);
    const y = -5.5 + Math.floor(i / 10) * (11 / 5);
    points.push({ x: round(x), y: round(y), label: round((x + y) / 12) });
  }
  for (let i = 0; i < 6; i++) points.push({ x: round(3 + (i % 3)), y: round(-5 + Math.floor(i / 3)), label: 6 });
  return points;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
