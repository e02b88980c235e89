/**
 * Optimizers, PyTorch conventions (reference.json), each one flat loop over params/grads:
 *   sgd       p −= lr·g
 *   momentum  v = mu·v + g ;  p −= lr·v                      (v starts at 0)
 *   adam      m = b1·m + (1−b1)·g ; v = b2·v + (1−b2)·g² ; t += 1
 *             p −= lr · (m/(1−b1^t)) / (sqrt(v/(1−b2^t)) + eps)
 * Plus gradient clipping by global norm (torch.nn.utils.clip_grad_norm_): if ‖g‖₂ > maxNorm,
 * g *= maxNorm / (‖g‖₂ + 1e-6).
 */
import type { OptimizerName } from './types.ts';

export const OPT_SGD = 0;
export const OPT_MOMENTUM = 1;
export const OPT_ADAM = 2;

export function optimizerCode(name: OptimizerName): number {
  switch (name) {
    case 'sgd':
      return OPT_SGD;
    case 'momentum':
      return OPT_MOMENTUM;
    case 'adam':
      return OPT_ADAM;
    default:
      throw new Error(`Unknown optimizer: ${String(name)}`);
  }
}

/** Per-parameter state, mirroring params: m (momentum's v, Adam's first moment), v (Adam's second), t (Adam's steps). */
export interface OptimizerState {
  m: Float64Array;
  v: Float64Array;
  t: number;
}

export function createOptimizerState(size: number): OptimizerState {
  return { m: new Float64Array(size), v: new Float64Array(size), t: 0 };
}

export function resetOptimizerState(s: OptimizerState): void {
  s.m.fill(0);
  s.v.fill(0);
  s.t = 0;
}

export interface OptimizerHyper {
  momentum: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/** One update of every parameter from grads. */
export function optimizerStep(
  code: number,
  params: Float64Array,
  grads: Float64Array,
  state: OptimizerState,
  lr: number,
  h: OptimizerHyper,
): void {
  const len = params.length;
  if (code === OPT_SGD) {
    for (let i = 0; i < len; i++) params[i] = params[i]! - lr * grads[i]!;
  } else if (code === OPT_MOMENTUM) {
    const m = state.m;
    const mu = h.momentum;
    for (let i = 0; i < len; i++) {
      const v = mu * m[i]! + grads[i]!;
      m[i] = v;
      params[i] = params[i]! - lr * v;
    }
  } else if (code === OPT_ADAM) {
    const m = state.m;
    const v = state.v;
    const b1 = h.beta1;
    const b2 = h.beta2;
    const eps = h.eps;
    state.t += 1;
    const { c1, c2 } = adamCorrections(b1, b2, state.t);
    for (let i = 0; i < len; i++) {
      const g = grads[i]!;
      const mi = b1 * m[i]! + (1 - b1) * g;
      const vi = b2 * v[i]! + (1 - b2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] = params[i]! - (lr * (mi * c1)) / (Math.sqrt(vi * c2) + eps);
    }
  } else {
    throw new Error(`optimizerStep: unknown optimizer code ${code}`);
  }
}

/** Adam's bias corrections at step t: m̂ = m·c1, v̂ = v·c2. */
export function adamCorrections(beta1: number, beta2: number, t: number): { c1: number; c2: number } {
  return { c1: 1 / (1 - Math.pow(beta1, t)), c2: 1 / (1 - Math.pow(beta2, t)) };
}

/** The factor clipping by global norm multiplies every gradient by (1: not clipped). */
export function clipFactor(norm: number, maxNorm: number): number {
  return maxNorm > 0 && norm > maxNorm ? maxNorm / (norm + 1e-6) : 1;
}

/** Scale grads so their global L2 norm is at most maxNorm (0 or less: off). Returns the norm before clipping. */
export function clipGradNorm(grads: Float64Array, maxNorm: number): number {
  let s = 0;
  for (let i = 0; i < grads.length; i++) s += grads[i]! * grads[i]!;
  const norm = Math.sqrt(s);
  const c = clipFactor(norm, maxNorm);
  if (c !== 1) {
    for (let i = 0; i < grads.length; i++) grads[i] = grads[i]! * c;
  }
  return norm;
}
