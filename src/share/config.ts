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

/**
 * Epochs per second (any number in SPEED_RANGE), or 'max': as fast as the worker can while
 * streaming one snapshot per frame.
 */
export type Speed = 'max' | number;
export const SPEED_RANGE = { min: 1, max: 1000 } as const;
/** The speed slider's stops: about three per decade (a log scale), then Max. */
export const SPEEDS: readonly Speed[] = [1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 'max'];
/** Bounds of the stop conditions: the epoch to pause at, the test loss to pause under. */
export const STOP_LIMITS = { epoch: { min: 1, max: 10_000_000 }, testLoss: { min: 0, max: 1000 } } as const;

/**
 * batchSize that means "every training point in one batch" (full-batch gradient descent). No
 * dataset has more points, and the engine takes min(batchSize, n), so it needs no special case.
 */
export const BATCH_ALL = 2000;

/** The words the page uses for losses and output activations (notices about links use them too). */
export const LOSS_LABELS: Record<LossName, string> = {
  mse: 'Squared error',
  bce: 'Cross-entropy',
  softmaxCe: 'Softmax cross-entropy',
  huber: 'Huber',
};
export const OUTPUT_LABELS: Record<OutputActivation, string> = {
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  linear: 'Linear',
  softmax: 'Softmax',
};

export type Theme = 'light' | 'dark' | 'projector' | 'auto';

/**
 * Which engine trains: ours, or TF Playground's semantics reproduced exactly (src/nn/tfpg: its
 * seeded data, weights and per-sample updates; src/share/tfpgMode.ts lists what the mode fixes).
 */
export type EngineMode = 'ours' | 'tfpg';
export const ENGINE_MODES = ['ours', 'tfpg'] as const satisfies readonly EngineMode[];

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
  trainPercent: number; // 10..100; 100 = no test set
  classes: number; // multiclass only, 2..6
  /** Points of the 'custom' dataset (drawn or imported). Ignored by the generated datasets. */
  points: DataPoint[];
  // Inputs and network
  features: FeatureName[];
  hidden: number[]; // units per hidden layer, 0..8 layers of 1..16
  activation: HiddenActivation;
  problem: ProblemType;
  loss: LossName;
  /** The output layer's activation; one of outputsFor(problem, loss). */
  output: OutputActivation;
  init: InitName;
  seed: number; // initial weights, shuffling, dropout
  // Training
  batchSize: number; // LIMITS.batchSize (1..500), or BATCH_ALL
  optimizer: OptimizerName;
  learningRate: number;
  momentum: number; // momentum optimizer
  regularization: RegularizationName;
  regularizationRate: number;
  dropout: number; // hidden layers, 0 = off
  schedule: ScheduleName;
  clipNorm: number; // 0 = off
  speed: Speed;
  /** Stop conditions (src/worker/stopRule.ts): pause when epoch N is reached; null = off. */
  stopEpoch: number | null;
  /** Pause at the first evaluated epoch whose test loss falls below this; null = off. */
  stopTestLoss: number | null;
  // View
  showTestData: boolean;
  discretize: boolean;
  theme: Theme;
  // Engine
  engineMode: EngineMode;
  /** TF Playground's seed string (its link's `seed`, verbatim), read by the tfpg mode; '' when none. */
  tfSeed: string;
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
  output: 'tanh',
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
  // About 30 epochs a second: the default experiment learns in about 50, so a person sees it happen.
  speed: 30,
  stopEpoch: null,
  stopTestLoss: null,
  showTestData: false,
  discretize: false,
  theme: 'auto',
  engineMode: 'ours',
  tfSeed: '',
};

/**
 * The output activations a problem and loss allow (the first is the default). Classification
 * with squared error takes tanh (targets ±1, TF Playground's semantics), sigmoid (targets 0/1,
 * the article's network) or linear; cross-entropy needs a sigmoid. Multi-class is softmax;
 * regression a linear or tanh output.
 */
export function outputsFor(problem: ProblemType, loss: LossName): OutputActivation[] {
  if (problem === 'multiclass') return ['softmax'];
  if (problem === 'regression') return ['linear', 'tanh'];
  return loss === 'bce' ? ['sigmoid'] : ['tanh', 'sigmoid', 'linear'];
}

/**
 * The output layer and loss the engine builds: the loss the problem allows (its default if not),
 * and `output` if that pair allows it, else the pair's default output.
 */
export function outputFor(
  problem: ProblemType,
  loss: LossName,
  output?: OutputActivation,
): { activation: OutputActivation; loss: LossName } {
  const losses = lossesFor(problem);
  const l = losses.includes(loss) ? loss : losses[0]!;
  const outputs = outputsFor(problem, l);
  return { activation: output !== undefined && outputs.includes(output) ? output : outputs[0]!, loss: l };
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
