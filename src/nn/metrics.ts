/**
 * Classification accuracy from output rows. Shapes: o, y (n, k) sample-major; act is the output
 * activation's code (activations.ts).
 */
import { ACT_SIGMOID, ACT_SOFTMAX, ACT_TANH } from './activations.ts';

/** Whether outputs of this activation and width are class scores (else regression: no accuracy). */
export function isClassifier(act: number, k: number): boolean {
  return k === 1
    ? act === ACT_TANH || act === ACT_SIGMOID
    : act === ACT_SOFTMAX || act === ACT_SIGMOID || act === ACT_TANH;
}

/**
 * Correct predictions among n output rows o against targets y (both (n, k)). One output: the
 * class is o > t vs y > t, t = 0 for tanh (targets ±1) and 0.5 for sigmoid (targets 0/1);
 * several outputs: argmax o vs argmax y (first maximum wins).
 */
export function countCorrect(act: number, o: Float64Array, y: Float64Array, n: number, k: number): number {
  let correct = 0;
  if (k === 1) {
    const t = act === ACT_TANH ? 0 : 0.5;
    for (let i = 0; i < n; i++) if (o[i]! > t === y[i]! > t) correct++;
    return correct;
  }
  for (let i = 0, r = 0; i < n; i++, r += k) {
    let po = 0;
    let py = 0;
    for (let j = 1; j < k; j++) {
      if (o[r + j]! > o[r + po]!) po = j;
      if (y[r + j]! > y[r + py]!) py = j;
    }
    if (po === py) correct++;
  }
  return correct;
}
