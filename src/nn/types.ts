/**
 * Names and limits shared by the engine and everything that configures it.
 * The UI, the link codec and the worker clamp to LIMITS; the engine rejects what lies outside.
 */

export const HIDDEN_ACTIVATIONS = [
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'swish',
  'softplus',
  'linear',
] as const;
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];

export const OUTPUT_ACTIVATIONS = ['sigmoid', 'tanh', 'linear', 'softmax'] as const;
export type OutputActivation = (typeof OUTPUT_ACTIVATIONS)[number];

/** Any layer's activation: hidden layers use HiddenActivation, the output layer OutputActivation. */
export type ActivationName = HiddenActivation | OutputActivation;

export const LOSSES = ['mse', 'bce', 'softmaxCe', 'huber'] as const;
/** mse: 0.5·Σ(o−y)²; bce: binary cross-entropy on a sigmoid output; softmaxCe: on a softmax output; huber: δ = 1. */
export type LossName = (typeof LOSSES)[number];

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const REGULARIZATIONS = ['none', 'l1', 'l2'] as const;
export type RegularizationName = (typeof REGULARIZATIONS)[number];

export const INITS = ['xavier', 'he', 'uniform', 'zero'] as const;
/** uniform: weights U(−0.5, 0.5), biases 0.1, as TF Playground. */
export type InitName = (typeof INITS)[number];

export const SCHEDULES = ['constant', 'step', 'exponential', 'cosine'] as const;
export type ScheduleName = (typeof SCHEDULES)[number];

export const PROBLEMS = ['classification', 'regression', 'multiclass'] as const;
export type ProblemType = (typeof PROBLEMS)[number];

export const FEATURES = ['x', 'y', 'x2', 'y2', 'xy', 'sinX', 'sinY', 'cosX', 'cosY'] as const;
export type FeatureName = (typeof FEATURES)[number];

export const CLASSIFICATION_DATASETS = [
  'circle',
  'xor',
  'gauss',
  'spiral',
  'moons',
  'checkerboard',
  'rings',
  'heart',
  'xorTable',
] as const;
export const REGRESSION_DATASETS = ['regPlane', 'regGauss'] as const;
export const MULTICLASS_DATASETS = ['blobs', 'multiSpiral'] as const;
/** 'custom' is a dataset built from points a person drew or imported. */
export const DATASETS = [...CLASSIFICATION_DATASETS, ...REGRESSION_DATASETS, ...MULTICLASS_DATASETS, 'custom'] as const;
export type DatasetName = (typeof DATASETS)[number];

/** The input plane every dataset lives in: x and y in [−DOMAIN, DOMAIN]. */
export const DOMAIN = 6;

/** A rectangle of the input plane: x in [xMin, xMax], y in [yMin, yMax]. */
export interface Region {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The whole input plane every dataset lives in, [−DOMAIN, DOMAIN]². */
export const PLANE_REGION: Readonly<Region> = { xMin: -DOMAIN, xMax: DOMAIN, yMin: -DOMAIN, yMax: DOMAIN };
/** The article's XOR truth table lives on {0, 1}²: show that square, not the whole ±6 plane. */
export const XOR_TABLE_REGION: Readonly<Region> = { xMin: -0.5, xMax: 1.5, yMin: -0.5, yMax: 1.5 };

/** The region a dataset is shown in (a fresh copy). */
export function regionOf(dataset: DatasetName): Region {
  return { ...(dataset === 'xorTable' ? XOR_TABLE_REGION : PLANE_REGION) };
}

export const LIMITS = {
  inputs: { min: 1, max: 9 },
  hiddenLayers: { min: 0, max: 8 },
  units: { min: 1, max: 16 },
  classes: { min: 2, max: 6 },
  gridResolution: { min: 2, max: 200 },
  batchSize: { min: 1, max: 500 },
  learningRate: { min: 1e-6, max: 10 },
  regularizationRate: { min: 0, max: 10 },
  noise: { min: 0, max: 50 },
  samples: { min: 4, max: 2000 },
  /** 100: every point trains, no test set. */
  trainPercent: { min: 10, max: 100 },
  dropout: { min: 0, max: 0.9 },
  clipNorm: { min: 0, max: 1000 },
} as const;
