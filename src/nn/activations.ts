/**
 * Activations as whole-buffer passes over flat arrays (no per-neuron objects).
 *
 * Each activation has an integer code so the hot loops switch once per layer, outside the
 * element loop, and every call site stays monomorphic. Formulas (reference.json conventions):
 *   sigmoid 1/(1+e^−z)             d = a(1−a)
 *   tanh    (fast form below)      d = 1−a²
 *   relu    max(z, 0)              d = z>0 ? 1 : 0   (0 at z = 0)
 *   leakyRelu z>0 ? z : 0.01z      d = z>0 ? 1 : 0.01
 *   elu     z>0 ? z : e^z−1        d = z>0 ? 1 : e^z   (alpha 1)
 *   swish   z·σ(z)                 d = σ + z·σ(1−σ) = a + σ(1−a)
 *   softplus log(1+e^z) (stable)   d = σ(z)
 *   linear  z                      d = 1
 *   softmax over each sample's row (output layer only); its derivative is applied by the loss
 *           (fused o−y with softmaxCe, the Jacobian-vector product otherwise, see losses.ts).
 */
import type { ActivationName } from './types.ts';

export const ACT_SIGMOID = 0;
export const ACT_TANH = 1;
export const ACT_RELU = 2;
export const ACT_LEAKY_RELU = 3;
export const ACT_ELU = 4;
export const ACT_SWISH = 5;
export const ACT_SOFTPLUS = 6;
export const ACT_LINEAR = 7;
export const ACT_SOFTMAX = 8;

const CODES: Record<ActivationName, number> = {
  sigmoid: ACT_SIGMOID,
  tanh: ACT_TANH,
  relu: ACT_RELU,
  leakyRelu: ACT_LEAKY_RELU,
  elu: ACT_ELU,
  swish: ACT_SWISH,
  softplus: ACT_SOFTPLUS,
  linear: ACT_LINEAR,
  softmax: ACT_SOFTMAX,
};

export const LEAKY_SLOPE = 0.01;

export function activationCode(name: ActivationName): number {
  const code = Object.hasOwn(CODES, name) ? CODES[name] : undefined;
  if (code === undefined) throw new Error(`Unknown activation: ${String(name)}`);
  return code;
}

/**
 * tanh for the hot loops. V8's Math.tanh is a call into C (~2× slower here); this is within
 * 4e-16 of it absolute and 1e-15 relative (test/nn/network.test.ts). With u = 2|x|:
 *   tanh|x| = d / (2 − d),  d = 1 − e^−u
 *   e^−u = E[i]·(1 − q),  i = floor(64u), r = u − i/64 ∈ [0, 1/64), q = 1 − e^−r (Taylor to r⁷)
 *   so d = (1 − E[i]) + E[i]·q, with both tables exact to the last bit: no cancellation near 0.
 * q's polynomial is grouped by powers of r² (Estrin) rather than nested (Horner): a shorter chain of
 * dependent operations, measured ~25% faster for the whole activation pass.
 */
const TANH_STEPS = 64;
const TANH_MAX_U = 40; // tanh(20) = 1 in double precision
const EXP_NEG = new Float64Array(TANH_MAX_U * TANH_STEPS + 1).map((_, i) => Math.exp(-i / TANH_STEPS));
const ONE_MINUS_EXP_NEG = new Float64Array(EXP_NEG.length).map((_, i) => -Math.expm1(-i / TANH_STEPS));

export function tanh(x: number): number {
  // Clamped rather than branched on: beyond u = 40, e^−u < 1e-17 and t rounds to exactly 1, and a
  // rarely taken branch would make V8 deoptimize the hot loop the first time a unit saturates.
  // NaN passes through (Math.min(NaN, …) is NaN).
  const u = Math.min(2 * (x < 0 ? -x : x), TANH_MAX_U - 0.01);
  const i = (u * TANH_STEPS) | 0;
  const r = u - i * (1 / TANH_STEPS);
  const r2 = r * r;
  const q = r - r2 * (1 / 2 - r * (1 / 6)) - r2 * r2 * (1 / 24 - r * (1 / 120) + r2 * (1 / 720 - r * (1 / 5040)));
  const d = ONE_MINUS_EXP_NEG[i]! + EXP_NEG[i]! * q;
  const t = d / (2 - d);
  return x < 0 ? -t : t;
}

/** Softplus log(1 + e^z) without overflow for large z or loss of precision for very negative z. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * a[i] = f(z[i]) for i in [0, len); and when `dadz` is given, dadz[i] = f'(z[i]) (training: the
 * backward pass then needs no z). Softmax is not elementwise: use softmaxRows.
 */
export function activate(code: number, z: Float64Array, a: Float64Array, dadz: Float64Array | null, len: number): void {
  switch (code) {
    case ACT_SIGMOID:
      for (let i = 0; i < len; i++) {
        const v = 1 / (1 + Math.exp(-z[i]!));
        a[i] = v;
        if (dadz !== null) dadz[i] = v * (1 - v);
      }
      return;
    case ACT_TANH:
      for (let i = 0; i < len; i++) {
        const v = tanh(z[i]!);
        a[i] = v;
        if (dadz !== null) dadz[i] = 1 - v * v;
      }
      return;
    case ACT_RELU:
      for (let i = 0; i < len; i++) {
        const x = z[i]!;
        a[i] = x > 0 ? x : 0;
        if (dadz !== null) dadz[i] = x > 0 ? 1 : 0;
      }
      return;
    case ACT_LEAKY_RELU:
      for (let i = 0; i < len; i++) {
        const x = z[i]!;
        a[i] = x > 0 ? x : LEAKY_SLOPE * x;
        if (dadz !== null) dadz[i] = x > 0 ? 1 : LEAKY_SLOPE;
      }
      return;
    case ACT_ELU:
      for (let i = 0; i < len; i++) {
        const x = z[i]!;
        const e = x > 0 ? 0 : Math.exp(x);
        a[i] = x > 0 ? x : e - 1;
        if (dadz !== null) dadz[i] = x > 0 ? 1 : e;
      }
      return;
    case ACT_SWISH:
      for (let i = 0; i < len; i++) {
        const x = z[i]!;
        const s = 1 / (1 + Math.exp(-x));
        const v = x * s;
        a[i] = v;
        if (dadz !== null) dadz[i] = v + s * (1 - v);
      }
      return;
    case ACT_SOFTPLUS:
      for (let i = 0; i < len; i++) {
        const x = z[i]!;
        a[i] = softplus(x);
        if (dadz !== null) dadz[i] = 1 / (1 + Math.exp(-x));
      }
      return;
    case ACT_LINEAR:
      for (let i = 0; i < len; i++) {
        a[i] = z[i]!;
        if (dadz !== null) dadz[i] = 1;
      }
      return;
    default:
      throw new Error(`activate: code ${code} is not elementwise`);
  }
}

/** z, a: n*k sample-major; a's row i = softmax(z's row i), shifted by the row max for stability. */
export function softmaxRows(z: Float64Array, a: Float64Array, n: number, k: number): void {
  for (let i = 0, o = 0; i < n; i++, o += k) {
    let max = -Infinity;
    for (let j = 0; j < k; j++) if (z[o + j]! > max) max = z[o + j]!;
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp(z[o + j]! - max);
      a[o + j] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let j = 0; j < k; j++) a[o + j] = a[o + j]! * inv;
  }
}
