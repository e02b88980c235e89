/**
 * The experiment: everything a link holds. One plain, serialisable object; the worker builds
 * the network and data from it, the store keeps it, the codec writes it to the URL.
 */
import type {
  DatasetName,
  FeatureName,
  HiddenActivation,
  InitName,
  LossName,
  OptimizerName,
  OutputActivation,
  ProblemType,
  RegularizationName,
  ScheduleName,
} from '../nn/types.ts';

/** Epochs per second; 'max' trains as fast as the worker can while streaming one snapshot per frame. */
export type Speed = 'max' | 1 | 10 | 100;
export const SPEEDS: readonly Speed[] = ['max', 100, 10, 1];

export type Theme = 'light' | 'dark' | 'projector' | 'auto';

/** A point a person drew or imported. label: class index (classification, multiclass) or value (regression). */
export interface DataPoint {
  x: number;
  y: number;
  label: number;
}

export interface ExperimentConfig {
  // Data
  dataset: DatasetName;
  dataSeed: number;
  noise: number; // percent, 0..50
  samples: number; // total points generated
  trainPercent: number; // 10..90
  classes: number; // multiclass only, 2..6
  /** Points of the 'custom' dataset (drawn or imported). Ignored by the generated datasets. */
  points: DataPoint[];
  // Inputs and network
  features: FeatureName[];
  hidden: number[]; // units per hidden layer, 0..8 layers of 1..16
  activation: HiddenActivation;
  problem: ProblemType;
  loss: LossName;
  init: InitName;
  seed: number; // initial weights, shuffling, dropout
  // Training
  batchSize: number;
  optimizer: OptimizerName;
  learningRate: number;
  momentum: number; // momentum optimizer
  regularization: RegularizationName;
  regularizationRate: number;
  dropout: number; // hidden layers, 0 = off
  schedule: ScheduleName;
  clipNorm: number; // 0 = off
  speed: Speed;
  // View
  showTestData: boolean;
  discretize: boolean;
  theme: Theme;
}

/** TF Playground's defaults, so a first visit looks like the reference everyone knows. */
export const DEFAULT_CONFIG: ExperimentConfig = {
  dataset: 'circle',
  dataSeed: 1,
  noise: 0,
  samples: 500,
  trainPercent: 50,
  classes: 3,
  points: [],
  features: ['x', 'y'],
  hidden: [4, 2],
  activation: 'tanh',
  problem: 'classification',
  loss: 'mse',
  init: 'uniform',
  seed: 1,
  batchSize: 10,
  optimizer: 'sgd',
  learningRate: 0.03,
  momentum: 0.9,
  regularization: 'none',
  regularizationRate: 0,
  dropout: 0,
  schedule: 'constant',
  clipNorm: 0,
  speed: 'max',
  showTestData: false,
  discretize: false,
  theme: 'auto',
};

/**
 * The output layer and loss a problem implies. Classification with squared error uses a tanh
 * output and targets ±1 (TF Playground's semantics); with cross-entropy a sigmoid output and
 * targets 0/1. Multi-class is softmax + softmax cross-entropy; regression a linear output.
 */
export function outputFor(problem: ProblemType, loss: LossName): { activation: OutputActivation; loss: LossName } {
  if (problem === 'multiclass') return { activation: 'softmax', loss: 'softmaxCe' };
  if (problem === 'regression') return { activation: 'linear', loss: loss === 'huber' ? 'huber' : 'mse' };
  return loss === 'bce' ? { activation: 'sigmoid', loss: 'bce' } : { activation: 'tanh', loss: 'mse' };
}

/**
 * The layer sizes a config implies, [F, ...hidden, O]: F input features, O = K outputs for
 * multiclass (one per class), else 1. The worker passes the problem and K its data pose.
 */
export function networkSizes(c: Pick<ExperimentConfig, 'features' | 'hidden' | 'problem' | 'classes'>): number[] {
  return [c.features.length, ...c.hidden, c.problem === 'multiclass' ? c.classes : 1];
}

/** Which losses a person may pick for a problem (the first is the default). */
export function lossesFor(problem: ProblemType): LossName[] {
  if (problem === 'multiclass') return ['softmaxCe'];
  if (problem === 'regression') return ['mse', 'huber'];
  return ['mse', 'bce'];
}
