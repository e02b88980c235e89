/**
 * "Break backprop": four classic mistakes a person writing backprop by hand makes, so a learner
 * can watch the gradient check catch them and training go wrong. Run state only (set through the
 * worker, never part of the experiment config); the trainer takes the normal `backward` unless a
 * break is on, so with none the hot path is unchanged (one integer compare per minibatch).
 *
 *   no-derivative  forget f'(z): δ_prev = Σ wₖ·δₖ instead of f'(z)·Σ wₖ·δₖ, and at the output
 *                  dL/dz = dL/do (where the loss is not fused with its activation)
 *   no-average     forget to average over the batch: every gradient is the batch SUM (m × too big)
 *   flip-sign      the gradient's sign is flipped: the optimizer climbs the loss
 *   no-bias        the bias gradient is dropped (left at 0): biases never learn
 *
 * Shapes as in pass.ts: ws.* (n, out_l) sample-major; grads mirrors params.
 */
import { ACT_SIGMOID, ACT_SOFTMAX } from './activations.ts';
import { LOSS_BCE, LOSS_SOFTMAX_CE, lossDelta } from './losses.ts';
import type { Network } from './network.ts';
import { backward, denseBackward, type Workspace } from './pass.ts';

export const BREAK_KINDS = ['none', 'no-derivative', 'no-average', 'flip-sign', 'no-bias'] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];

export const BREAK_NONE = 0;
export const BREAK_NO_DERIVATIVE = 1;
export const BREAK_NO_AVERAGE = 2;
export const BREAK_FLIP_SIGN = 3;
export const BREAK_NO_BIAS = 4;

/** What each break does, in the words the page uses. */
export const BREAK_LABELS: Record<BreakKind, string> = {
  none: 'Nothing (backprop is right)',
  'no-derivative': "Forget the activation's derivative",
  'no-average': 'Forget to average over the batch',
  'flip-sign': "Flip the gradient's sign",
  'no-bias': 'Drop the bias gradient',
};

export function isBreakKind(x: unknown): x is BreakKind {
  return typeof x === 'string' && (BREAK_KINDS as readonly string[]).includes(x);
}

export function breakCode(kind: BreakKind): number {
  const i = BREAK_KINDS.indexOf(kind);
  if (i < 0) throw new Error(`Unknown break: ${String(kind)}`);
  return i;
}

/** What the output layer's delta needs when the derivative is forgotten there. */
export interface OutputLoss {
  loss: number;
  act: number;
  /** (n, k) targets. */
  y: Float64Array;
  k: number;
}

let ones = new Float64Array(0);

/**
 * Like pass.ts `backward` (grads accumulated, the caller zeroes them) with break `code` ≠ 0
 * applied. ws.delta[last] must hold lossDelta's output for the mean loss (scale 1/n).
 */
export function backwardBroken(
  net: Network,
  ws: Workspace,
  input: Float64Array,
  n: number,
  code: number,
  out: OutputLoss,
): void {
  const layers = net.layers;
  const last = layers.length - 1;
  if (code === BREAK_NO_DERIVATIVE) {
    const fused =
      (out.loss === LOSS_BCE && out.act === ACT_SIGMOID) || (out.loss === LOSS_SOFTMAX_CE && out.act === ACT_SOFTMAX);
    if (!fused && out.act !== ACT_SOFTMAX) {
      // dL/dz = dL/do · 1: lossDelta with a derivative of ones.
      const len = n * out.k;
      if (ones.length < len) ones = new Float64Array(len).fill(1);
      lossDelta(out.loss, out.act, ws.a[last]!, out.y, ones, ws.delta[last]!, n, out.k, 1 / n);
    }
    // backward without the f'(z) factor: dL/dz_prev = dL/da_prev.
    for (let l = last; l >= 0; l--) {
      const L = layers[l]!;
      denseBackward(
        net.params,
        net.grads,
        L,
        l > 0 ? ws.a[l - 1]! : input,
        ws.delta[l]!,
        l > 0 ? ws.delta[l - 1]! : null,
        n,
      );
    }
    return;
  }
  backward(net, ws, input, n);
  const g = net.grads;
  if (code === BREAK_NO_AVERAGE) {
    for (let i = 0; i < g.length; i++) g[i] = g[i]! * n;
  } else if (code === BREAK_FLIP_SIGN) {
    for (let i = 0; i < g.length; i++) g[i] = -g[i]!;
  } else if (code === BREAK_NO_BIAS) {
    for (const L of layers) g.fill(0, L.bOffset, L.bOffset + L.outSize);
  }
}
