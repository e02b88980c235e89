/**
 * A TF Playground page load, exactly: seed the stream with the link's seed string, generate the
 * data, shuffle it, split it, then draw the network's weights, all from that one stream in that
 * order (generateData(true), then reset(true) → buildNetwork in src/playground.ts and src/nn.ts).
 *
 * Weights are drawn layer after layer, unit after unit, input after input (W[l][to][from], the
 * engine's row-major layout), each Math.random() − 0.5; biases are 0.1. With initZero the draws
 * still happen (TF's field initializer runs first) and weights and biases are then 0.
 */
import { computeFeatures } from '../features.ts';
import { createNetwork, type Network } from '../network.ts';
import type { Data } from '../training.ts';
import type { FeatureName, HiddenActivation } from '../types.ts';
import { TFPG_FEATURES, TFPG_REGRESSION, TFPG_SAMPLES, type TfpgDataset } from './names.ts';
import { generateTfpg, shuffleTfpg, splitTfpg, type TfpgExamples } from './data.ts';
import { tfpgRandom, type TfpgRandom } from './random.ts';

export interface TfpgSpec {
  dataset: TfpgDataset;
  /** Percent, as the link's `noise` (0..50). */
  noise: number;
  /** The link's percTrainData. */
  trainPercent: number;
  /** Any of TFPG_FEATURES; used in TF's order whatever the order given. */
  features: readonly FeatureName[];
  hidden: readonly number[];
  activation: HiddenActivation;
  initZero: boolean;
  /** The link's `seed`, verbatim. */
  seed: string;
}

export interface TfpgLoad {
  train: TfpgExamples;
  test: TfpgExamples;
  /** The features the network reads, in TF's order. */
  features: FeatureName[];
  net: Network;
  regression: boolean;
}

export function isTfpgRegression(dataset: TfpgDataset): boolean {
  return (TFPG_REGRESSION as readonly string[]).includes(dataset);
}

/** The given features in TF's order; throws when one is not TF's or none is left. */
export function tfpgFeatureOrder(features: readonly FeatureName[]): FeatureName[] {
  const bad = features.filter((f) => !TFPG_FEATURES.includes(f));
  if (bad.length > 0) throw new Error(`TF Playground has no input ${bad.join(', ')}`);
  const ordered = TFPG_FEATURES.filter((f) => features.includes(f));
  if (ordered.length === 0) throw new Error('A TF Playground network needs at least one input');
  return ordered;
}

/** Weights then biases, drawn as buildNetwork does (see the file comment). */
export function drawTfpgWeights(net: Network, rand: TfpgRandom, initZero: boolean): void {
  const p = net.params;
  for (const L of net.layers) {
    for (let i = 0; i < L.outSize * L.inSize; i++) {
      const w = rand() - 0.5;
      p[L.wOffset + i] = initZero ? 0 : w;
    }
    p.fill(initZero ? 0 : 0.1, L.bOffset, L.bOffset + L.outSize);
  }
}

export function loadTfpg(spec: TfpgSpec): TfpgLoad {
  const regression = isTfpgRegression(spec.dataset);
  const features = tfpgFeatureOrder(spec.features);
  const rand = tfpgRandom(spec.seed);
  const all = generateTfpg(
    spec.dataset,
    regression ? TFPG_SAMPLES.regression : TFPG_SAMPLES.classification,
    spec.noise / 100,
    rand,
  );
  shuffleTfpg(all, rand);
  const { train, test } = splitTfpg(all, spec.trainPercent);
  const net = createNetwork(
    {
      sizes: [features.length, ...spec.hidden, 1],
      activations: [...spec.hidden.map(() => spec.activation), regression ? 'linear' : 'tanh'],
    },
    'zero',
    0,
  );
  drawTfpgWeights(net, rand, spec.initZero);
  return { train, test, features, net, regression };
}

/** Examples as engine Data: x (n, features) through the engine's features, y the labels (±1 or values). */
export function tfpgData(e: TfpgExamples, features: readonly FeatureName[]): Data {
  const n = e.x.length;
  const points = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    points[2 * i] = e.x[i]!;
    points[2 * i + 1] = e.y[i]!;
  }
  return { x: computeFeatures(points, features), y: Float64Array.from(e.label), n };
}
