/** Visible names for the engine's identifiers (one place, so tests and UI agree). */
import type {
  DatasetName,
  FeatureName,
  HiddenActivation,
  OptimizerName,
  ProblemType,
  RegularizationName,
} from '../nn/types.ts';
import type { Speed } from '../share/config.ts';

export const DATASET_LABELS: Record<DatasetName, string> = {
  circle: 'Circle',
  xor: 'XOR',
  gauss: 'Gaussian',
  spiral: 'Spiral',
  moons: 'Moons',
  checkerboard: 'Checkerboard',
  rings: 'Rings',
  heart: 'Heart',
  xorTable: 'XOR table',
  regPlane: 'Plane',
  regGauss: 'Multi-Gaussian',
  blobs: 'Blobs',
  multiSpiral: 'Spiral arms',
  custom: 'Your points',
};

/** Plain-text labels of the feature toggles (the diagram uses featureLabel's subscript forms). */
export const FEATURE_LABELS: Record<FeatureName, string> = {
  x: 'x',
  y: 'y',
  x2: 'x²',
  y2: 'y²',
  xy: 'xy',
  sinX: 'sin x',
  sinY: 'sin y',
  cosX: 'cos x',
  cosY: 'cos y',
};

export const ACTIVATION_LABELS: Record<HiddenActivation, string> = {
  relu: 'ReLU',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  linear: 'Linear',
  leakyRelu: 'Leaky ReLU',
  elu: 'ELU',
  swish: 'Swish',
  softplus: 'Softplus',
};

export const OPTIMIZER_LABELS: Record<OptimizerName, string> = { sgd: 'SGD', momentum: 'Momentum', adam: 'Adam' };

export const REGULARIZATION_LABELS: Record<RegularizationName, string> = { none: 'None', l1: 'L1', l2: 'L2' };

export const PROBLEM_LABELS: Record<ProblemType, string> = {
  classification: 'Classification',
  regression: 'Regression',
  multiclass: 'Multi-class',
};

export { LOSS_LABELS, OUTPUT_LABELS } from '../share/config.ts';

/** Short, for the top bar's select: Max, 100/s, 10/s, 1/s (its title says "epochs per second"). */
export function speedLabel(s: Speed): string {
  return s === 'max' ? 'Max' : `${s}/s`;
}

/** TF Playground's learning-rate list. */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
export const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;

/** A loss or rate as people read it: 4 significant digits, exponent for very small values. */
export function formatNumber(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2).replace('-', '−');
  return v.toFixed(digits).replace('-', '−');
}

export function formatEpoch(n: number): string {
  return String(Math.max(0, Math.floor(n)))
    .padStart(6, '0')
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
