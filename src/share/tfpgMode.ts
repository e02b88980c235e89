/**
 * The "Train exactly as TF Playground" mode, as settings: what a config becomes in it.
 *
 * TF Playground has fewer settings than we do. In the mode each of ours it lacks is held at the
 * value TF Playground itself uses, so the run is its run:
 *   data: its four classification sets and two regression sets, 500 / 1,200 points, its seed
 *         string (tfSeed; one derived from our seed when a run has none);
 *   inputs: its seven (no cos x, cos y), in its order;  hidden activation: relu, tanh, sigmoid, linear;
 *   output and loss: tanh (classification) or linear (regression) with squared error;
 *   init: its uniform U(−0.5, 0.5) with biases 0.1, or its zeros;
 *   optimizer: its SGD, constant rate; no dropout, no clipping.
 * Learning rate, batch size, regularization (L1, L2) and its rate, noise, the split, the hidden
 * layers stay free, as they are in TF Playground. The page disables the held controls and says why
 * (TFPG_HELD).
 */
import { problemOf } from '../nn/data.ts';
import {
  TFPG_ACTIVATIONS,
  TFPG_CLASSIFICATION,
  TFPG_FEATURES,
  TFPG_REGRESSION,
  TFPG_SAMPLES,
  tfpgSeedFor,
} from '../nn/tfpg/names.ts';
import type { DatasetName, FeatureName } from '../nn/types.ts';
import type { ExperimentConfig } from './config.ts';

export const TFPG_DATASETS: readonly DatasetName[] = [...TFPG_CLASSIFICATION, ...TFPG_REGRESSION];

/** Fields the mode holds, and the reason shown beside their disabled controls. */
export const TFPG_HELD: Readonly<Partial<Record<keyof ExperimentConfig, string>>> = {
  optimizer: 'TF Playground trains with plain SGD.',
  momentum: 'TF Playground trains with plain SGD.',
  schedule: 'TF Playground keeps the learning rate constant.',
  dropout: 'TF Playground has no dropout.',
  clipNorm: 'TF Playground does not clip gradients.',
  loss: 'TF Playground uses squared error.',
  output: 'TF Playground uses tanh for classification and linear for regression.',
  samples: 'TF Playground makes 500 points (1,200 for regression).',
};

/** Our inputs TF Playground does not have, and why their boxes are disabled in the mode. */
export const TFPG_MISSING_FEATURES: Readonly<Partial<Record<FeatureName, string>>> = {
  cosX: 'TF Playground has no cos x input.',
  cosY: 'TF Playground has no cos y input.',
};

export interface TfpgChange {
  field: keyof ExperimentConfig;
  message: string;
}

/** The config in the mode (engineMode 'tfpg'), and what had to change for it, in the page's words. */
export function toTfpgMode(input: ExperimentConfig): { config: ExperimentConfig; changes: TfpgChange[] } {
  const c: ExperimentConfig = {
    ...input,
    features: [...input.features],
    hidden: [...input.hidden],
    engineMode: 'tfpg',
  };
  const changes: TfpgChange[] = [];
  const set = <K extends keyof ExperimentConfig>(field: K, value: ExperimentConfig[K], why: string) => {
    if (JSON.stringify(c[field]) === JSON.stringify(value)) return;
    c[field] = value;
    changes.push({ field, message: `${field}: ${why}` });
  };
  if (!TFPG_DATASETS.includes(c.dataset)) {
    set('dataset', c.problem === 'regression' ? 'regPlane' : 'circle', 'TF Playground does not have this dataset.');
  }
  c.problem = problemOf(c.dataset, c.problem);
  const regression = c.problem === 'regression';
  const features = TFPG_FEATURES.filter((f) => c.features.includes(f));
  set('features', features.length > 0 ? features : ['x', 'y'], 'TF Playground has no cos x, cos y inputs.');
  if (!TFPG_ACTIVATIONS.includes(c.activation))
    set('activation', 'tanh', 'TF Playground does not have this activation.');
  set('loss', 'mse', TFPG_HELD.loss!);
  set('output', regression ? 'linear' : 'tanh', TFPG_HELD.output!);
  if (c.init !== 'zero') set('init', 'uniform', 'TF Playground starts from U(−0.5, 0.5) weights or zeros.');
  set('optimizer', 'sgd', TFPG_HELD.optimizer!);
  set('schedule', 'constant', TFPG_HELD.schedule!);
  set('dropout', 0, TFPG_HELD.dropout!);
  set('clipNorm', 0, TFPG_HELD.clipNorm!);
  set('samples', regression ? TFPG_SAMPLES.regression : TFPG_SAMPLES.classification, TFPG_HELD.samples!);
  if (c.tfSeed === '') c.tfSeed = tfpgSeedFor(c.seed);
  return { config: c, changes };
}
