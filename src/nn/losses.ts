/**
 * Losses over a batch of outputs. Per-sample loss (reference.json conventions):
 *   mse        0.5·Σ_k (o_k − y_k)²
 *   bce        −(y log o + (1−y) log(1−o))         (one output, sigmoid)
 *   softmaxCe  −Σ_k y_k log o_k                    (softmax output, one-hot y)
 *   huber      Σ_k h(o_k − y_k), h(d) = 0.5d² if |d| ≤ 1 else |d| − 0.5   (δ = 1)
 * Functions return the SUM over the batch; callers divide by n for the mean.
 *
 * Shapes: z, o, y, dadz, delta are n*k sample-major (k = output units).
 * Stability: with the matching output activation, bce and softmaxCe are computed from z
 * (log-sum-exp), and their delta dL/dz is the fused o − y; any other pairing takes the
 * general chain rule dL/dz = dL/do · do/dz.
 */
import { ACT_SIGMOID, ACT_SOFTMAX, softplus } from './activations.ts';
import type { LossName } from './types.ts';

export const LOSS_MSE = 0;
export const LOSS_BCE = 1;
export const LOSS_SOFTMAX_CE = 2;
export const LOSS_HUBER = 3;

const CODES: Record<LossName, number> = { mse: LOSS_MSE, bce: LOSS_BCE, softmaxCe: LOSS_SOFTMAX_CE, huber: LOSS_HUBER };

export function lossCode(name: LossName): number {
  const code = Object.hasOwn(CODES, name) ? CODES[name] : undefined;
  if (code === undefined) throw new Error(`Unknown loss: ${String(name)}`);
  return code;
}

/** Σ over the batch of the per-sample loss. `act` is the output activation's code. */
export function lossSum(
  loss: number,
  act: number,
  z: Float64Array,
  o: Float64Array,
  y: Float64Array,
  n: number,
  k: number,
): number {
  const len = n * k;
  let sum = 0;
  switch (loss) {
    case LOSS_MSE:
      for (let i = 0; i < len; i++) {
        const d = o[i]! - y[i]!;
        sum += 0.5 * d * d;
      }
      return sum;
    case LOSS_HUBER:
      for (let i = 0; i < len; i++) {
        const d = Math.abs(o[i]! - y[i]!);
        sum += d <= 1 ? 0.5 * d * d : d - 0.5;
      }
      return sum;
    case LOSS_BCE:
      if (act === ACT_SIGMOID) {
        // −(y log σ(z) + (1−y) log(1−σ(z))) = softplus(z) − y·z, exact for any z.
        for (let i = 0; i < len; i++) sum += softplus(z[i]!) - y[i]! * z[i]!;
      } else {
        for (let i = 0; i < len; i++) {
          const t = y[i]!;
          const p = o[i]!;
          sum -= (t !== 0 ? t * Math.log(p) : 0) + (t !== 1 ? (1 - t) * Math.log(1 - p) : 0);
        }
      }
      return sum;
    case LOSS_SOFTMAX_CE:
      for (let i = 0, r = 0; i < n; i++, r += k) {
        if (act === ACT_SOFTMAX) {
          // log o_j = z_j − logsumexp(z)
          let max = -Infinity;
          for (let j = 0; j < k; j++) if (z[r + j]! > max) max = z[r + j]!;
          let s = 0;
          for (let j = 0; j < k; j++) s += Math.exp(z[r + j]! - max);
          const lse = max + Math.log(s);
          for (let j = 0; j < k; j++) if (y[r + j]! !== 0) sum += y[r + j]! * (lse - z[r + j]!);
        } else {
          for (let j = 0; j < k; j++) if (y[r + j]! !== 0) sum -= y[r + j]! * Math.log(o[r + j]!);
        }
      }
      return sum;
    default:
      throw new Error(`lossSum: unknown loss code ${loss}`);
  }
}

/**
 * delta = scale · dL/dz for the output layer (scale = 1/n makes the gradients those of the mean
 * loss). dadz: the output activation's derivative (ignored for softmax and the fused pairs).
 */
export function lossDelta(
  loss: number,
  act: number,
  o: Float64Array,
  y: Float64Array,
  dadz: Float64Array,
  delta: Float64Array,
  n: number,
  k: number,
  scale: number,
): void {
  const len = n * k;
  const fused = (loss === LOSS_BCE && act === ACT_SIGMOID) || (loss === LOSS_SOFTMAX_CE && act === ACT_SOFTMAX);
  if (fused) {
    for (let i = 0; i < len; i++) delta[i] = scale * (o[i]! - y[i]!);
    return;
  }
  // First dL/do into delta.
  switch (loss) {
    case LOSS_MSE:
      for (let i = 0; i < len; i++) delta[i] = o[i]! - y[i]!;
      break;
    case LOSS_HUBER:
      for (let i = 0; i < len; i++) {
        const d = o[i]! - y[i]!;
        delta[i] = d > 1 ? 1 : d < -1 ? -1 : d;
      }
      break;
    case LOSS_BCE:
      for (let i = 0; i < len; i++) delta[i] = (o[i]! - y[i]!) / (o[i]! * (1 - o[i]!));
      break;
    case LOSS_SOFTMAX_CE:
      for (let i = 0; i < len; i++) delta[i] = y[i]! === 0 ? 0 : -y[i]! / o[i]!;
      break;
    default:
      throw new Error(`lossDelta: unknown loss code ${loss}`);
  }
  if (act === ACT_SOFTMAX) {
    // Softmax Jacobian-vector product per row: dL/dz_j = o_j (g_j − Σ_m o_m g_m).
    for (let i = 0, r = 0; i < n; i++, r += k) {
      let dot = 0;
      for (let j = 0; j < k; j++) dot += o[r + j]! * delta[r + j]!;
      for (let j = 0; j < k; j++) delta[r + j] = scale * o[r + j]! * (delta[r + j]! - dot);
    }
  } else {
    for (let i = 0; i < len; i++) delta[i] = scale * delta[i]! * dadz[i]!;
  }
}
