/**
 * A run in TF Playground's exact mode: its page load (src/nn/tfpg/setup.ts) from the link's seed
 * string, as the parts build.ts assembles. The config has been held to the mode's settings by the
 * gate (src/share/tfpgMode.ts); anything else the engine cannot do exactly is refused here.
 */
import type { Dataset } from '../nn/data.ts';
import type { TfpgExamples } from '../nn/tfpg/data.ts';
import { TFPG_CLASSIFICATION, TFPG_REGRESSION, tfpgSeedFor, type TfpgDataset } from '../nn/tfpg/names.ts';
import { loadTfpg, tfpgData } from '../nn/tfpg/setup.ts';
import { TfpgTrainer } from '../nn/tfpg/trainer.ts';
import type { ExperimentConfig } from '../share/config.ts';
import { toTfpgMode } from '../share/tfpgMode.ts';
import type { RunParts } from './build.ts';

const TFPG_DATASETS: readonly string[] = [...TFPG_CLASSIFICATION, ...TFPG_REGRESSION];

/** TF's examples as our Dataset: classification labels ±1 → class 1 / 0, regression values as they are. */
function asDataset(e: TfpgExamples, regression: boolean): Dataset {
  const n = e.x.length;
  const points = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    points[2 * i] = e.x[i]!;
    points[2 * i + 1] = e.y[i]!;
  }
  const labels = Float64Array.from(e.label, (v) => (regression ? v : v === 1 ? 1 : 0));
  return { points, labels, n, problem: regression ? 'regression' : 'classification', classes: regression ? 1 : 2 };
}

export function tfpgRun(input: ExperimentConfig): RunParts {
  const config = toTfpgMode(input).config;
  if (!TFPG_DATASETS.includes(config.dataset)) throw new Error(`TF Playground has no dataset ${config.dataset}`);
  const load = loadTfpg({
    dataset: config.dataset as TfpgDataset,
    noise: config.noise,
    trainPercent: config.trainPercent,
    features: config.features,
    hidden: config.hidden,
    activation: config.activation,
    initZero: config.init === 'zero',
    seed: config.tfSeed !== '' ? config.tfSeed : tfpgSeedFor(config.seed),
  });
  const train = tfpgData(load.train, load.features);
  const test = tfpgData(load.test, load.features);
  const trainer = new TfpgTrainer(load.net, train, {
    learningRate: config.learningRate,
    batchSize: config.batchSize,
    regularization: config.regularization,
    regularizationRate: config.regularizationRate,
  });
  const activation = load.regression ? 'linear' : 'tanh';
  return {
    trainSet: asDataset(load.train, load.regression),
    testSet: asDataset(load.test, load.regression),
    classes: load.regression ? 1 : 2,
    features: load.features,
    sizes: load.net.spec.sizes,
    activations: load.net.spec.activations,
    out: { activation, loss: 'mse' },
    net: load.net,
    train,
    test,
    trainer,
  };
}
