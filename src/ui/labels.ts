/** Visible names for the engine's identifiers (one place, so tests and UI agree). */
import { featureLabel } from '../nn/features.ts';
import { FEATURES } from '../nn/types.ts';
import type {
  DatasetName,
  FeatureName,
  HiddenActivation,
  InitName,
  OutputActivation,
  OptimizerName,
  ProblemType,
  RegularizationName,
  ScheduleName,
} from '../nn/types.ts';
import { BATCH_ALL, type Speed } from '../share/config.ts';

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

/** Labels of the features, the engine's one definition (the Features panel and the diagram agree). */
export const FEATURE_LABELS = Object.fromEntries(FEATURES.map((f) => [f, featureLabel(f)])) as Record<
  FeatureName,
  string
>;

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

export const INIT_LABELS: Record<InitName, string> = {
  uniform: 'Uniform ±0.5',
  xavier: 'Xavier',
  he: 'He',
  zero: 'Zero',
};

/**
 * The on-screen name of each setting a link or file holds (and of the file's other parts), for
 * messages about them: "Ratio of training data", not "trainPercent".
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  dataset: 'Dataset',
  dataSeed: 'Data seed',
  noise: 'Noise',
  samples: 'Number of points',
  trainPercent: 'Ratio of training data',
  classes: 'Classes',
  points: 'Points',
  features: 'Features',
  hidden: 'Hidden layers',
  activation: 'Activation',
  problem: 'Problem type',
  loss: 'Loss',
  init: 'Initial weights',
  seed: 'Seed',
  batchSize: 'Batch size',
  optimizer: 'Optimizer',
  learningRate: 'Learning rate',
  momentum: 'Momentum',
  regularization: 'Regularization',
  regularizationRate: 'Regularization rate',
  dropout: 'Dropout',
  schedule: 'Learning-rate schedule',
  clipNorm: 'Gradient clipping',
  output: 'Output',
  speed: 'Speed',
  stopEpoch: 'Stop at epoch',
  stopTestLoss: 'Stop when test loss <',
  showTestData: 'Show test data',
  discretize: 'Discretize output',
  theme: 'Theme',
  engineMode: 'Engine',
  tfSeed: 'TF Playground seed',
  epoch: 'Epoch',
  weights: 'Weights',
  history: 'Loss history',
  trainer: 'Training state',
  v: 'Link version',
  views: 'Panels shown',
  mode: 'Simple or Full',
  'hide/views': 'Hidden controls',
};

export const SCHEDULE_LABELS: Record<ScheduleName, string> = {
  constant: 'Constant',
  step: 'Halve every 500 epochs',
  exponential: 'Exponential decay',
  cosine: 'Cosine, restart every 1000',
};

/** Short, for the top bar's slider: Max, 100/s, 30/s, 1/s (its title says "epochs per second"). */
export function speedLabel(s: Speed): string {
  return s === 'max' ? 'Max' : `${s}/s`;
}

export function batchLabel(b: number): string {
  return b === BATCH_ALL ? 'All' : String(b);
}

/** Batch sizes on the slider (a link's other size is put in its place), then All. */
export const BATCH_STOPS = [
  1,
  2,
  3,
  4,
  5,
  8,
  10,
  15,
  20,
  25,
  30,
  40,
  50,
  64,
  80,
  100,
  128,
  150,
  200,
  256,
  300,
  400,
  500,
  BATCH_ALL,
] as const;
export const SAMPLE_STOPS = [4, 10, 20, 50, 100, 200, 300, 400, 500, 750, 1000, 1500, 2000] as const;
export const MOMENTUM_STOPS = [0, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999] as const;
export const CLIP_STOPS = [0, 0.1, 0.25, 0.5, 1, 2, 5, 10, 100, 1000] as const;

/**
 * One sentence of help per setting, for a first-year student; bounds said where a number is typed
 * or slid. The words match the labels on the page.
 */
export const HELP = {
  output:
    'The activation of the last unit: Tanh gives −1 to +1, Sigmoid 0 to 1 (the targets become 0 and 1), Linear any number.',
  batchSize: 'How many training points each weight update averages over; All uses every training point at once.',
  trainPercent: 'The share of points the network trains on; the rest test it. At 100% there is no test set.',
  momentum:
    'With the Momentum optimizer, how much of the previous step carries into the next one (0 = none, up to 0.999).',
  dropout:
    'The share of hidden units switched off at random in each training step, so the network cannot lean on one unit (0 = off, up to 0.9).',
  schedule: 'How the learning rate changes as training goes on: kept constant, or lowered step by step or smoothly.',
  clipNorm:
    'Before each step, a gradient longer than this is shortened to this length, so one bad batch cannot throw the weights far (0 = off, up to 1000).',
  init: 'How the weights are set before training: small random numbers (Uniform, Xavier, He) or all zero.',
  seed: 'The number that fixes the random starting weights and the order of the points: the same seed gives the same run.',
  samples: 'How many points the dataset has before it is split into training and test points (4 to 2000).',
  dataSeed:
    'The number that fixes where the random points fall and which ones are test points; Regenerate moves to the next one.',
} as const;

/**
 * The "?" help of every control, by its data-control name (src/share/embed.ts), for a first-year
 * student: one or two short sentences in the words on the page. FieldHelp shows it.
 */
export const CONTROL_HELP: Readonly<Record<string, string>> = {
  ...HELP,
  outputActivation: HELP.output,
  dataset:
    'The points the network learns to sort, in two colours (or values). Each picture is one dataset; pick one to train on it.',
  noise: 'Moves every point a little at random, so the classes overlap more and the task gets harder.',
  classes: 'How many groups of points there are in a multi-class dataset.',
  regenerate: 'New random points from the next data seed: the same kind of dataset, in new places.',
  features:
    'The numbers the network gets for each point: its position x and y, or things made from them, like x² or sin x.',
  hidden:
    'The layers between the inputs and the output. Add or remove layers with + and −, and units in each layer with the buttons above it.',
  activation:
    'The function each hidden unit applies to its sum. Without one (Linear), any number of layers can only draw straight lines.',
  problem: 'Classification sorts points into two groups, multi-class into several, regression predicts a number.',
  loss: 'How the error between the network’s output and the right answer is measured; training makes it smaller.',
  optimizer:
    'How the weights move after each batch: SGD steps downhill, Momentum keeps some speed, Adam adapts the step for each weight.',
  learningRate:
    'How big a step the weights take after each batch. Too small learns slowly; too large jumps about or blows up.',
  regularization:
    'A penalty for large weights, so the network keeps to simpler shapes: L2 shrinks all weights, L1 pushes some to zero.',
  regularizationRate: 'How strong the regularization penalty is; 0 turns it off.',
  speed: 'How many epochs are trained each second. Max trains as fast as this computer can.',
  theme: 'The colours of the page. Projector has large type and strong contrast for a classroom.',
  showTestData: 'Also draw the test points (with a dark ring), which the network never trains on.',
  discretize: 'Colour each place by the class the network picks, instead of shading by how sure it is.',
  play: 'Play trains epoch after epoch until you pause, Step trains one epoch, and Reset starts again from new random weights.',
  stopEpoch: 'Training pauses by itself when it reaches this epoch. Leave it empty for no limit.',
  stopTestLoss:
    'Training pauses by itself as soon as the test loss falls below this number. Leave it empty for no limit.',
  mode: 'Simple shows only what a first lesson needs. Full shows every setting.',
};

/** Why a data control does nothing for the XOR table (its title when disabled). */
export const XOR_TABLE_FIXED = 'The XOR table is always the same four points.';

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

/** The ends of the output colour legend: the range of the output activation (Sigmoid 0 … 1). */
export function outputRange(activation: OutputActivation | undefined): { low: string; high: string } {
  return activation === 'sigmoid' || activation === 'softmax' ? { low: '0', high: '1' } : { low: '−1', high: '+1' };
}
