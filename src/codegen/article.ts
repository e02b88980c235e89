/**
 * The article's network: its XOR truth table (four rows; the article's constant third input is the
 * bias every unit has here), no hidden layer, a sigmoid, squared error, learning rate 1, every
 * row in one batch, 10,000 epochs. With no hidden layer it cannot learn XOR: every output ends at
 * 0.5, as the article's listing does. One hidden layer of 4 units fixes it.
 */
import { BATCH_ALL, DEFAULT_CONFIG, type ExperimentConfig } from '../share/config.ts';

export const ARTICLE_EXPERIMENT: ExperimentConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'xorTable',
  trainPercent: 100,
  noise: 0,
  features: ['x', 'y'],
  hidden: [],
  activation: 'sigmoid',
  problem: 'classification',
  loss: 'mse',
  output: 'sigmoid',
  init: 'xavier',
  seed: 1,
  batchSize: BATCH_ALL,
  optimizer: 'sgd',
  learningRate: 1,
  regularization: 'none',
  regularizationRate: 0,
  dropout: 0,
  schedule: 'constant',
  clipNorm: 0,
};

/** Whether a config is the article's network, perhaps with hidden layers added (the diff then applies). */
export function isArticleFamily(c: ExperimentConfig): boolean {
  const keys: (keyof ExperimentConfig)[] = [
    'dataset',
    'loss',
    'output',
    'optimizer',
    'learningRate',
    'batchSize',
    'regularization',
    'dropout',
    'schedule',
    'clipNorm',
  ];
  return keys.every((k) => c[k] === ARTICLE_EXPERIMENT[k]);
}
