// Shared helpers for the engine tests: finite differences, seeded test data, the full objective.
import { lossCode, lossDelta, lossSum } from '../../src/nn/losses.ts';
import type { Network } from '../../src/nn/network.ts';
import { backward, createWorkspace, forward } from '../../src/nn/pass.ts';
import { addRegularizationGrad, regularizationCode, regularizationPenalty } from '../../src/nn/regularization.ts';
import { createRng } from '../../src/nn/rng.ts';
import type { LossName, RegularizationName } from '../../src/nn/types.ts';

/** Central difference of f at x[i] (restores x[i]). */
export function centralDiff(f: () => number, x: Float64Array, i: number, h = 1e-6): number {
  const v = x[i]!;
  x[i] = v + h;
  const up = f();
  x[i] = v - h;
  const down = f();
  x[i] = v;
  return (up - down) / (2 * h);
}

/** Mixed error |a − b| / max(1, |a|, |b|): relative for large values, absolute near zero. */
export function mixedError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}

/** n*k values, uniform in [lo, hi), seeded. */
export function uniformArray(len: number, seed: number, lo = -1, hi = 1): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: len }, () => lo + (hi - lo) * rng.next());
}

/** Targets a loss accepts: bce 0/1, softmaxCe one-hot rows, otherwise values in [−1, 1]. */
export function targetsFor(loss: LossName, n: number, k: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const y = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    if (loss === 'softmaxCe') y[i * k + Math.floor(rng.next() * k)] = 1;
    else for (let j = 0; j < k; j++) y[i * k + j] = loss === 'bce' ? (rng.next() < 0.5 ? 0 : 1) : 2 * rng.next() - 1;
  }
  return y;
}

export interface Objective {
  /** Mean data loss + penalty at the current params. */
  value(): number;
  /** Writes the analytic gradient of value() into net.grads. */
  gradient(): void;
}

/** The training objective of a net on (x, y) as a function of net.params, through the engine's own passes. */
export function objective(
  net: Network,
  x: Float64Array,
  y: Float64Array,
  n: number,
  loss: LossName,
  reg: RegularizationName = 'none',
  rate = 0,
): Objective {
  const ws = createWorkspace(net, n);
  const lc = lossCode(loss);
  const rc = regularizationCode(reg);
  const last = net.layers.length - 1;
  const k = net.layers[last]!.outSize;
  const act = net.layers[last]!.act;
  return {
    value() {
      forward(net, ws, x, n, false, 0, null);
      return lossSum(lc, act, ws.z[last]!, ws.a[last]!, y, n, k) / n + regularizationPenalty(net, rc, rate);
    },
    gradient() {
      forward(net, ws, x, n, true, 0, null);
      lossDelta(lc, act, ws.a[last]!, y, ws.dadz[last]!, ws.delta[last]!, n, k, 1 / n);
      net.grads.fill(0);
      backward(net, ws, x, n);
      addRegularizationGrad(net, rc, rate);
    },
  };
}
