/**
 * Confusion matrix of the test set: rows are the true class, columns the predicted class.
 * Binary classification has K = 2 with class 0 = negative (orange), class 1 = positive (blue).
 */
import type { Region } from '../nn/types.ts';

export interface Confusion {
  k: number;
  /** k*k counts, row-major [true][predicted]. */
  counts: Uint32Array;
  total: number;
  correct: number;
}

export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, k: number): Confusion {
  const counts = new Uint32Array(k * k);
  let total = 0;
  let correct = 0;
  const n = Math.min(truth.length, predicted.length);
  for (let i = 0; i < n; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    if (!(t >= 0 && t < k && p >= 0 && p < k) || t !== Math.floor(t) || p !== Math.floor(p)) continue;
    counts[t * k + p]!++;
    total++;
    if (t === p) correct++;
  }
  return { k, counts, total, correct };
}

/**
 * Predicted class of each point, read off an output grid (R*R*outputs, row 0 = top) at the
 * cell containing the point. Binary outputs are thresholded at the middle of their range
 * (tanh: 0, sigmoid: 0.5); multi-class takes the argmax. Used when the snapshot carries no
 * per-point predictions; with a grid of 50+ cells a side the cell error is below the noise.
 */
export function classesFromGrid(
  points: ArrayLike<number>,
  n: number,
  grid: ArrayLike<number>,
  resolution: number,
  outputs: number,
  region: Region,
  threshold: number,
): Int32Array {
  const out = new Int32Array(n);
  const r = resolution;
  for (let i = 0; i < n; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    const col = Math.min(r - 1, Math.max(0, Math.floor(((x - region.xMin) / (region.xMax - region.xMin)) * r)));
    const row = Math.min(r - 1, Math.max(0, Math.floor(((region.yMax - y) / (region.yMax - region.yMin)) * r)));
    const cell = row * r + col;
    if (outputs === 1) out[i] = (grid[cell] ?? 0) > threshold ? 1 : 0;
    else {
      let best = 0;
      let bv = -Infinity;
      for (let c = 0; c < outputs; c++) {
        const v = grid[cell * outputs + c] ?? -Infinity;
        if (v > bv) {
          bv = v;
          best = c;
        }
      }
      out[i] = best;
    }
  }
  return out;
}
