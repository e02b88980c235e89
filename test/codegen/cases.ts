/**
 * The experiments the generated programs are checked on: together they use every activation,
 * loss, optimizer, regularizer, schedule, dropout, clipping, multi-class, regression, every
 * feature, batch sizes that do and do not divide the data, and the article's network.
 */
import { ARTICLE_EXPERIMENT } from '../../src/codegen/article.ts';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';

export interface CodeCase {
  name: string;
  config: ExperimentConfig;
  epochs: number;
}

const small = { samples: 120, trainPercent: 50 };
const ALL_FEATURES: ExperimentConfig['features'] = ['x', 'y', 'x2', 'y2', 'xy', 'sinX', 'sinY', 'cosX', 'cosY'];

const CASES: [string, Partial<ExperimentConfig>, number?][] = [
  ['default: tanh, squared error, SGD', {}],
  ['sigmoid hidden layers on xor', { dataset: 'xor', activation: 'sigmoid', learningRate: 0.3 }],
  ['relu with Adam on spiral', { dataset: 'spiral', activation: 'relu', optimizer: 'adam', learningRate: 0.01 }],
  [
    'leaky relu with momentum',
    { dataset: 'gauss', activation: 'leakyRelu', optimizer: 'momentum', learningRate: 0.01 },
  ],
  ['elu on moons', { dataset: 'moons', activation: 'elu', learningRate: 0.1 }],
  ['swish on checkerboard', { dataset: 'checkerboard', activation: 'swish', learningRate: 0.1, ...small }],
  ['softplus on rings', { dataset: 'rings', activation: 'softplus', learningRate: 0.1, ...small }],
  ['linear hidden units on heart', { dataset: 'heart', activation: 'linear', ...small }],
  ['cross-entropy with a sigmoid output', { loss: 'bce', output: 'sigmoid', learningRate: 0.1 }],
  ['squared error with a sigmoid output', { output: 'sigmoid', learningRate: 0.3, ...small }],
  ['squared error with a linear output', { output: 'linear', learningRate: 0.01, ...small }],
  ['regression, linear output', { dataset: 'regPlane', problem: 'regression', output: 'linear', learningRate: 0.01 }],
  [
    'regression, Huber loss, tanh output',
    { dataset: 'regGauss', problem: 'regression', loss: 'huber', output: 'tanh', learningRate: 0.1, ...small },
  ],
  [
    'multi-class: 3 blobs, softmax',
    { dataset: 'blobs', problem: 'multiclass', loss: 'softmaxCe', output: 'softmax', classes: 3, learningRate: 0.1 },
  ],
  [
    'multi-class: 4-arm spiral with Adam',
    {
      dataset: 'multiSpiral',
      problem: 'multiclass',
      loss: 'softmaxCe',
      output: 'softmax',
      classes: 4,
      optimizer: 'adam',
      learningRate: 0.003,
      ...small,
    },
  ],
  ['L1 regularization', { regularization: 'l1', regularizationRate: 0.003, ...small }],
  ['L2 regularization', { regularization: 'l2', regularizationRate: 0.01, ...small }],
  ['step schedule past its first halving', { schedule: 'step', samples: 40, batchSize: 8, learningRate: 0.1 }, 520],
  ['exponential schedule', { schedule: 'exponential', learningRate: 0.1, ...small }],
  ['cosine schedule', { schedule: 'cosine', learningRate: 0.1, ...small }],
  ['dropout', { dropout: 0.3 }],
  [
    'dropout on three layers with momentum',
    { hidden: [6, 5, 4], dropout: 0.2, optimizer: 'momentum', learningRate: 0.01, ...small },
  ],
  ['gradient clipping', { clipNorm: 0.05, learningRate: 0.3, ...small }],
  ['every feature', { features: ALL_FEATURES, hidden: [3], ...small }],
  ['squares and sines only', { features: ['x2', 'sinY'], hidden: [5], activation: 'relu', learningRate: 0.05 }],
  ['no hidden layer', { hidden: [], learningRate: 0.1, ...small }],
  ['He init, batch of 1', { init: 'he', batchSize: 1, samples: 60 }],
  ['batch of 7 (does not divide the data)', { batchSize: 7, activation: 'sigmoid', init: 'xavier', ...small }],
  ['full batch', { batchSize: 2000, learningRate: 0.3, ...small }],
  [
    'drawn points',
    {
      dataset: 'custom',
      trainPercent: 70,
      points: [
        { x: -2, y: 1.5, label: 1 },
        { x: 2.5, y: -1, label: 0 },
        { x: 0.5, y: 3, label: 1 },
        { x: -3, y: -2, label: 0 },
        { x: 1, y: 1, label: 1 },
        { x: -1, y: -4, label: 0 },
      ],
      learningRate: 0.1,
    },
  ],
  ["the article's network", ARTICLE_EXPERIMENT],
  ["the article's network with a hidden layer of 4", { ...ARTICLE_EXPERIMENT, hidden: [4] }],
];

export const CODE_CASES: CodeCase[] = CASES.map(([name, patch, epochs]) => ({
  name,
  config: { ...DEFAULT_CONFIG, ...patch },
  epochs: epochs ?? 100,
}));

/**
 * Chaotic runs: a last-bit difference doubles every epoch or so (Adam's steps on a noisy
 * objective with dropout). NumPy's exp/tanh and its matrix products round differently from the
 * browser's, so no NumPy program can follow these past a few dozen epochs; the TypeScript program
 * follows the engine's arithmetic and must still match bit for bit.
 */
export const CHAOTIC_CASES: CodeCase[] = [
  {
    name: 'swish, Adam, dropout and cross-entropy',
    config: { ...DEFAULT_CONFIG, activation: 'swish', optimizer: 'adam', dropout: 0.3, loss: 'bce', output: 'sigmoid' },
    epochs: 100,
  },
];
