/**
 * What TF Playground's per-sample arithmetic needs beyond the engine's passes (pass.ts).
 *
 * Its forward sum per unit is b + Σ_k W[j][k]·x[k] in k order, and its backward accumulates, per
 * sample in order, δ_j·x_k into dW, δ_j into db and Σ_j W[j][k]·δ_j (j in order) into the
 * previous layer: exactly the order denseForward/denseBackward keep, so those are reused as they
 * are. Only the activation differs: TF uses Math.tanh (ours is a faster approximation, within
 * 1e-15 of it), so tanh is computed here; relu (max(0, z), f' = z > 0), sigmoid (1/(1+e^−z),
 * f' = a(1−a)) and linear are the engine's own, with the same formulas.
 *
 * Legend: n samples, sample-major as in pass.ts. Reference: tensorflow/playground src/nn.ts
 * (Node.updateOutput, backProp, Activations).
 */
import { ACT_TANH, activate } from '../activations.ts';
import type { Network } from '../network.ts';
import { denseForward, type Workspace } from '../pass.ts';

/** a = f(z) and, when dadz is given, f'(z), with TF Playground's functions. */
export function activateExact(code: number, z: Float64Array, a: Float64Array, dadz: Float64Array | null, len: number) {
  if (code !== ACT_TANH) {
    activate(code, z, a, dadz, len);
    return;
  }
  for (let i = 0; i < len; i++) {
    const v = Math.tanh(z[i]!);
    a[i] = v;
    if (dadz !== null) dadz[i] = 1 - v * v;
  }
}

/** Forward n samples of input (n, inputs) into ws (z, a; dadz when train), TF's arithmetic. */
export function forwardExact(net: Network, ws: Workspace, input: Float64Array, n: number, train: boolean): void {
  if (n > ws.capacity) throw new Error(`forwardExact: ${n} samples need capacity ≥ ${n} (has ${ws.capacity})`);
  let inp = input;
  net.layers.forEach((L, l) => {
    denseForward(net.params, L, inp, ws.z[l]!, n);
    activateExact(L.act, ws.z[l]!, ws.a[l]!, train ? ws.dadz[l]! : null, n * L.outSize);
    inp = ws.a[l]!;
  });
}

/** Σ_i ½(o_i − y_i)² over one output per sample, added to `sum` in sample order (TF's getLoss terms). */
export function halfSquaredSum(o: Float64Array, y: Float64Array, n: number, sum: number): number {
  let s = sum;
  for (let i = 0; i < n; i++) s += 0.5 * Math.pow(o[i]! - y[i]!, 2);
  return s;
}
