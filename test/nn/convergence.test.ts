// Training reaches a stated test accuracy on the generated datasets (seeded, so these are exact
// replays, not flaky statistics). Data: 500 points, half for training, as the playground does.
import { describe, expect, it } from 'vitest';
import { generateDataset, splitDataset, targets } from '../../src/nn/data.ts';
import { computeFeatures } from '../../src/nn/features.ts';
import { createNetwork } from '../../src/nn/network.ts';
import { DEFAULT_TRAIN_OPTIONS, Trainer, type TrainOptions } from '../../src/nn/training.ts';
import type { FeatureName, HiddenActivation, InitName, OutputActivation } from '../../src/nn/types.ts';

interface Setup {
  dataset: 'circle' | 'xor' | 'spiral' | 'blobs' | 'multiSpiral';
  noise: number;
  features: FeatureName[];
  hidden: number[];
  activation: HiddenActivation;
  output: OutputActivation;
  init: InitName;
  options: Partial<TrainOptions>;
  epochs: number;
}

function testAccuracy(s: Setup): { train: number; test: number } {
  const ds = generateDataset(s.dataset, { samples: 500, noise: s.noise, seed: 1, classes: 3 });
  const { train, test } = splitDataset(ds, 50, 1);
  const k = s.output === 'softmax' ? ds.classes : 1;
  const net = createNetwork(
    { sizes: [s.features.length, ...s.hidden, k], activations: [...s.hidden.map(() => s.activation), s.output] },
    s.init,
    1,
  );
  const data = (d: typeof train) => ({ x: computeFeatures(d.points, s.features), y: targets(d, s.output), n: d.n });
  const trainer = new Trainer(net, data(train), { ...DEFAULT_TRAIN_OPTIONS, ...s.options }, 2);
  for (let e = 0; e < s.epochs; e++) expect(trainer.epoch().finite).toBe(true);
  return { train: trainer.evaluate(data(train)).accuracy!, test: trainer.evaluate(data(test)).accuracy! };
}

const XY: FeatureName[] = ['x', 'y'];

describe('convergence', () => {
  it("circle with TF Playground's defaults (2-4-2-1 tanh, mse, SGD 0.03, batch 10): ≥ 95% test accuracy in 300 epochs", () => {
    const acc = testAccuracy({
      dataset: 'circle',
      noise: 0,
      features: XY,
      hidden: [4, 2],
      activation: 'tanh',
      output: 'tanh',
      init: 'uniform',
      options: { loss: 'mse', learningRate: 0.03, batchSize: 10 },
      epochs: 300,
    });
    expect(acc.test).toBeGreaterThanOrEqual(0.95);
  });

  it('xor (2-4-2-1 tanh, SGD 0.03): ≥ 95% test accuracy in 300 epochs', () => {
    const acc = testAccuracy({
      dataset: 'xor',
      noise: 0,
      features: XY,
      hidden: [4, 2],
      activation: 'tanh',
      output: 'tanh',
      init: 'xavier',
      options: { loss: 'mse', learningRate: 0.03 },
      epochs: 300,
    });
    expect(acc.test).toBeGreaterThanOrEqual(0.95);
  });

  it('spiral (3×16 tanh, sigmoid + bce, Adam 0.01): ≥ 90% test accuracy in 300 epochs', () => {
    const acc = testAccuracy({
      dataset: 'spiral',
      noise: 0,
      features: XY,
      hidden: [16, 16, 16],
      activation: 'tanh',
      output: 'sigmoid',
      init: 'xavier',
      options: { loss: 'bce', optimizer: 'adam', learningRate: 0.01 },
      epochs: 300,
    });
    expect(acc.test).toBeGreaterThanOrEqual(0.9);
  });

  it('multi-class blobs, 3 classes, noise 10% (8 relu, softmax, Adam): ≥ 95% test accuracy in 100 epochs', () => {
    const acc = testAccuracy({
      dataset: 'blobs',
      noise: 10,
      features: XY,
      hidden: [8],
      activation: 'relu',
      output: 'softmax',
      init: 'he',
      options: { loss: 'softmaxCe', optimizer: 'adam', learningRate: 0.01 },
      epochs: 100,
    });
    expect(acc.test).toBeGreaterThanOrEqual(0.95);
  });

  it('multi-class spiral, 3 classes (3×16 relu, softmax, Adam 0.003): ≥ 90% test accuracy in 300 epochs', () => {
    const acc = testAccuracy({
      dataset: 'multiSpiral',
      noise: 0,
      features: XY,
      hidden: [16, 16, 16],
      activation: 'relu',
      output: 'softmax',
      init: 'xavier',
      options: { loss: 'softmaxCe', optimizer: 'adam', learningRate: 0.003 },
      epochs: 300,
    });
    expect(acc.test).toBeGreaterThanOrEqual(0.9);
  });
});
