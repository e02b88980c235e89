/**
 * A fully connected network as one contiguous parameter buffer with per-layer views.
 *
 * Dimension legend: L = layers after the input (sizes.length − 1); layer l maps in_l = sizes[l]
 * units to out_l = sizes[l+1] units.
 * params layout, layer after layer: W_l (out_l, in_l) row-major, then b_l (out_l).
 *   W_l[to][from] = params[layers[l].wOffset + to*in_l + from], b_l[to] = params[layers[l].bOffset + to].
 * grads mirrors params exactly, so an optimizer step is one flat loop over both.
 */
import { activationCode, ACT_SOFTMAX } from './activations.ts';
import { createRng, gaussian } from './rng.ts';
import type { ActivationName, InitName } from './types.ts';

export interface NetworkSpec {
  /** [inputs, ...hidden, outputs]. */
  sizes: number[];
  /** One per non-input layer; softmax only on the output layer. */
  activations: ActivationName[];
}

/** Where one layer's W and b sit in the flat params (and grads). */
export interface LayerOffsets {
  inSize: number;
  outSize: number;
  /** Offset of W (outSize*inSize, row-major) in params/grads. */
  wOffset: number;
  /** Offset of b (outSize) in params/grads. */
  bOffset: number;
}

export interface LayerView extends LayerOffsets {
  /** Activation code (activations.ts), so hot loops never look names up. */
  act: number;
}

/** Weights and biases as nested arrays, the golden/JSON layout: weights[l][to][from], biases[l][to]. */
export interface NestedWeights {
  weights: number[][][];
  biases: number[][];
}

export interface Network {
  spec: NetworkSpec;
  params: Float64Array;
  grads: Float64Array;
  layers: LayerView[];
}

/** Beyond these a spec is a mistake, not a network (LIMITS in types.ts are the UI's far smaller bounds). */
const MAX_UNITS = 4096;
const MAX_LAYERS = 64;

function checkSpec(spec: NetworkSpec): void {
  const { sizes, activations } = spec;
  if (!Array.isArray(sizes) || sizes.length < 2 || sizes.length > MAX_LAYERS + 1) {
    throw new Error(`Network sizes must list the inputs, the hidden layers and the outputs, got ${String(sizes)}`);
  }
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < 1 || s > MAX_UNITS)
      throw new Error(`Layer size must be an integer 1..${MAX_UNITS}, got ${s}`);
  }
  if (!Array.isArray(activations) || activations.length !== sizes.length - 1) {
    throw new Error(`Need one activation per non-input layer (${sizes.length - 1}), got ${activations?.length}`);
  }
  activations.forEach((a, l) => {
    if (activationCode(a) === ACT_SOFTMAX && l !== activations.length - 1) {
      throw new Error('softmax is only allowed on the output layer');
    }
  });
}

/** Each layer's offsets in the params of a network of `sizes` ([inputs, ...hidden, outputs]), and P. */
export function paramLayout(sizes: readonly number[]): { layers: LayerOffsets[]; count: number } {
  const layers: LayerOffsets[] = [];
  let offset = 0;
  for (let l = 0; l < sizes.length - 1; l++) {
    const inSize = sizes[l]!;
    const outSize = sizes[l + 1]!;
    const wOffset = offset;
    const bOffset = wOffset + inSize * outSize;
    offset = bOffset + outSize;
    layers.push({ inSize, outSize, wOffset, bOffset });
  }
  return { layers, count: offset };
}

/** P: the number of weights and biases of a network of `sizes`. */
export function parameterCount(sizes: readonly number[]): number {
  return paramLayout(sizes).count;
}

/** The layer views and the parameter count of a spec. */
export function layout(spec: NetworkSpec): { layers: LayerView[]; count: number } {
  checkSpec(spec);
  const { layers, count } = paramLayout(spec.sizes);
  return { layers: layers.map((L, l) => ({ ...L, act: activationCode(spec.activations[l]!) })), count };
}

/**
 * Initial weights, seeded:
 *   xavier  W ~ U(−√(6/(in+out)), +√(6/(in+out)))  (Glorot uniform), b = 0
 *   he      W ~ N(0, 2/in)                          (Kaiming normal), b = 0
 *   uniform W ~ U(−0.5, 0.5), b = 0.1               (TF Playground)
 *   zero    W = 0, b = 0                            (symmetric: hidden units never differ)
 * Weights are drawn layer after layer, row after row, so the same seed gives the same network.
 */
export function initParams(net: Network, init: InitName, seed: number): void {
  const rng = createRng(seed);
  const p = net.params;
  for (const L of net.layers) {
    const nW = L.inSize * L.outSize;
    let bias = 0;
    switch (init) {
      case 'xavier': {
        const r = Math.sqrt(6 / (L.inSize + L.outSize));
        for (let i = 0; i < nW; i++) p[L.wOffset + i] = (2 * rng.next() - 1) * r;
        break;
      }
      case 'he': {
        const sd = Math.sqrt(2 / L.inSize);
        for (let i = 0; i < nW; i++) p[L.wOffset + i] = gaussian(rng) * sd;
        break;
      }
      case 'uniform':
        for (let i = 0; i < nW; i++) p[L.wOffset + i] = rng.next() - 0.5;
        bias = 0.1;
        break;
      case 'zero':
        p.fill(0, L.wOffset, L.wOffset + nW);
        break;
      default:
        throw new Error(`Unknown init: ${String(init)}`);
    }
    p.fill(bias, L.bOffset, L.bOffset + L.outSize);
  }
}

export function createNetwork(spec: NetworkSpec, init: InitName, seed: number): Network {
  const { layers, count } = layout(spec);
  const net: Network = {
    spec: { sizes: spec.sizes.slice(), activations: spec.activations.slice() },
    params: new Float64Array(count),
    grads: new Float64Array(count),
    layers,
  };
  initParams(net, init, seed);
  return net;
}

/** Index of W[layer][to][from] in params (and grads). */
export function paramIndex(net: Network, layer: number, to: number, from: number): number {
  const L = net.layers[layer];
  if (L === undefined || !(to >= 0 && to < L.outSize) || !(from >= 0 && from < L.inSize)) {
    throw new Error(`No weight W[${layer}][${to}][${from}]`);
  }
  return L.wOffset + to * L.inSize + from;
}

/** Index of b[layer][to] in params (and grads). */
export function biasIndex(net: Network, layer: number, to: number): number {
  const L = net.layers[layer];
  if (L === undefined || !(to >= 0 && to < L.outSize)) throw new Error(`No bias b[${layer}][${to}]`);
  return L.bOffset + to;
}

/** W and b of every layer from flat params, in the golden (out, in) row-major nested layout. */
export function unpackParams(layers: readonly LayerOffsets[], params: Float64Array): NestedWeights {
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (const L of layers) {
    const W: number[][] = [];
    for (let j = 0; j < L.outSize; j++) {
      const row = L.wOffset + j * L.inSize;
      W.push(Array.from(params.subarray(row, row + L.inSize)));
    }
    weights.push(W);
    biases.push(Array.from(params.subarray(L.bOffset, L.bOffset + L.outSize)));
  }
  return { weights, biases };
}

/** Nested copies in the golden layout: weights[l][to][from], biases[l][to]. */
export function getWeights(net: Network, source: Float64Array = net.params): NestedWeights {
  return unpackParams(net.layers, source);
}

/** Why nested weights and biases do not fit a network of `sizes`, or null when they do. */
export function weightsMismatch(sizes: readonly number[], weights: number[][][], biases: number[][]): string | null {
  const layers = sizes.length - 1;
  if (weights.length !== layers || biases.length !== layers)
    return `there are ${weights.length} weight layers and ${biases.length} bias layers; the network has ${layers}`;
  for (let l = 0; l < layers; l++) {
    const out = sizes[l + 1]!;
    const inn = sizes[l]!;
    const w = weights[l]!;
    if (w.length !== out) return `layer ${l + 1} weights should be ${out} rows of ${inn}`;
    const j = w.findIndex((row) => row.length !== inn);
    if (j >= 0) return `layer ${l + 1}, row ${j + 1}: expected ${inn} weights, got ${w[j]!.length}`;
    if (biases[l]!.length !== out) return `layer ${l + 1} biases should be ${out} values`;
  }
  return null;
}

/** Write nested weights and biases (golden layout) into params; throws, changing nothing, when a shape differs. */
export function setWeights(net: Network, weights: number[][][], biases: number[][]): void {
  const why = weightsMismatch(net.spec.sizes, weights, biases);
  if (why) throw new Error(`The weights do not fit the network: ${why}`);
  net.layers.forEach((L, l) => {
    const W = weights[l]!;
    const b = biases[l]!;
    for (let j = 0; j < L.outSize; j++) {
      const row = W[j]!;
      for (let i = 0; i < L.inSize; i++) net.params[L.wOffset + j * L.inSize + i] = Number(row[i]);
      net.params[L.bOffset + j] = Number(b[j]);
    }
  });
}

/** Units in all hidden layers (the length of predictGrid's `hidden` buffer is this × R²). */
export function hiddenUnitCount(net: Network): number {
  let n = 0;
  for (let l = 0; l < net.layers.length - 1; l++) n += net.layers[l]!.outSize;
  return n;
}

export function outputSize(net: Network): number {
  return net.layers[net.layers.length - 1]!.outSize;
}

export function inputSize(net: Network): number {
  return net.layers[0]!.inSize;
}
