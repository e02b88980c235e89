/**
 * The learning-rate finder on a case where the answer is known: a linear unit with the mean squared
 * error (regression, no hidden layer) and full-batch steps is gradient descent on a quadratic,
 * L(θ) = L* + ½ (θ − θ*)ᵀ H (θ − θ*) with H = mean of x̃ x̃ᵀ (x̃ = features and 1). Its loss along the
 * range test follows θ_{i+1} − θ* = (I − r_i H)(θ_i − θ*) exactly (computed here with plain
 * arithmetic, independent of the engine), and the largest rate that does not blow up is 2/λmax:
 * the loss falls at every step below it, and the test stops only past it.
 */
import { describe, expect, it } from 'vitest';
import { smoothLosses, suggestRate } from '../../src/nn/lrRange.ts';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { buildRun } from '../../src/worker/build.ts';
import { runRangeTest } from '../../src/worker/lrFinder.ts';

const CONFIG: ExperimentConfig = {
  ...DEFAULT_CONFIG,
  problem: 'regression',
  dataset: 'regPlane',
  samples: 80,
  trainPercent: 50,
  noise: 10,
  features: ['x', 'y'],
  hidden: [],
  loss: 'mse',
  output: 'linear',
  optimizer: 'sgd',
  momentum: 0,
  regularization: 'none',
  dropout: 0,
  batchSize: 40,
  seed: 4,
};

describe('learning-rate finder, known answer', () => {
  it('follows gradient descent on the quadratic exactly and stops only past 2/λmax', () => {
    const b = buildRun(1, CONFIG);
    const { train, net } = b;
    expect(b.info.sizes).toEqual([2, 1]);
    const n = train.n;
    expect(n).toBe(40);
    // H and the gradient's constant part from the data: x̃ = (x1, x2, 1).
    const H = [0, 1, 2].map(() => [0, 0, 0]);
    const xy = [0, 0, 0];
    let yy = 0;
    for (let s = 0; s < n; s++) {
      const xt = [train.x[2 * s]!, train.x[2 * s + 1]!, 1];
      const y = train.y[s]!;
      for (let i = 0; i < 3; i++) {
        xy[i]! += (xt[i]! * y) / n;
        for (let j = 0; j < 3; j++) H[i]![j]! += (xt[i]! * xt[j]!) / n;
      }
      yy += (y * y) / n;
    }
    const lossAt = (t: number[]) => {
      // ½ mean (θ·x̃ − y)² = ½ (θᵀHθ − 2 θ·xy + yy)
      let q = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) q += t[i]! * H[i]![j]! * t[j]!;
      return 0.5 * (q - 2 * (t[0]! * xy[0]! + t[1]! * xy[1]! + t[2]! * xy[2]!) + yy);
    };
    // λmax by power iteration.
    let v = [1, 1, 1];
    let lambda = 0;
    for (let k = 0; k < 500; k++) {
      const w = H.map((row) => row[0]! * v[0]! + row[1]! * v[1]! + row[2]! * v[2]!);
      lambda = Math.hypot(...w);
      v = w.map((x) => x / lambda);
    }
    const stable = 2 / lambda;

    const start = net.params.slice(); // [w1, w2, b]: one layer, W (1×2) then b
    const result = runRangeTest(b, CONFIG.seed, start);
    // The oracle: θ ← θ − r (Hθ − xy), the loss measured before each step.
    let theta = Array.from(start);
    const oracle: number[] = [];
    for (const r of result.rates) {
      oracle.push(lossAt(theta));
      const g = H.map((row, i) => row[0]! * theta[0]! + row[1]! * theta[1]! + row[2]! * theta[2]! - xy[i]!);
      theta = theta.map((t, i) => t - r * g[i]!);
    }
    // Up to 2/λmax the engine's losses are the oracle's to rounding. Past it the direction of λmax,
    // converged to rounding level, grows again by |1 − rλ| a step, and so do the rounding differences.
    for (let i = 0; i < oracle.length && result.rates[i]! <= stable; i++)
      expect(Math.abs(result.losses[i]! - oracle[i]!)).toBeLessThan(1e-12 * oracle[i]!);
    // Below 2/λmax every step lowers the loss; the test stops only once the rate is past it.
    for (let i = 0; i + 1 < result.rates.length && result.rates[i]! <= stable; i++)
      expect(result.losses[i + 1]!).toBeLessThanOrEqual(result.losses[i]! * (1 + 1e-12));
    expect(result.exploded).toBe(true);
    expect(result.rates.at(-1)!).toBeGreaterThan(stable);
    // The suggestion is the oracle curve's, and a stable rate.
    expect(result.suggestion).toBe(suggestRate(result.rates, smoothLosses(oracle)));
    expect(result.suggestion!).toBeLessThan(stable);
    expect(result.suggestion!).toBeGreaterThan(stable / 100);
  });
});
