/**
 * The trainer's settings and the shapes it trades in: TrainOptions (with their defaults and the
 * check that rejects a bad one), the training data (Data, with its size check), and what an epoch,
 * a minibatch and an evaluation report. The Trainer itself is training.ts.
 */
import { lossCode } from './losses.ts';
import { inputSize, outputSize, type Network } from './network.ts';
import { optimizerCode } from './optimizers.ts';
import { regularizationCode } from './regularization.ts';
import { scheduledRate } from './schedules.ts';
import type { LossName, OptimizerName, RegularizationName, ScheduleName } from './types.ts';

export interface TrainOptions {
  loss: LossName;
  optimizer: OptimizerName;
  /** Base rate; the schedule scales it per epoch. */
  learningRate: number;
  /** Momentum optimizer's mu. */
  momentum: number;
  /** Adam's beta1, beta2, eps. */
  beta1: number;
  beta2: number;
  eps: number;
  regularization: RegularizationName;
  regularizationRate: number;
  batchSize: number;
  /** Probability of dropping each hidden unit while training (0 = off); inverted dropout. */
  dropout: number;
  schedule: ScheduleName;
  /** Max global gradient norm; 0 = no clipping. */
  clipNorm: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  loss: 'mse',
  optimizer: 'sgd',
  learningRate: 0.03,
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  regularization: 'none',
  regularizationRate: 0,
  batchSize: 10,
  dropout: 0,
  schedule: 'constant',
  clipNorm: 0,
};

/** x: (n, inputs), features already applied; y: (n, outputs) targets (see data.ts targets()). */
export interface Data {
  x: Float64Array;
  y: Float64Array;
  n: number;
}

export interface EpochResult {
  /** Epochs trained so far, this one included. */
  epoch: number;
  /** Mean per-sample data loss over the epoch, each minibatch's taken before its update (with dropout if on). */
  loss: number;
  /** False when a minibatch loss or any parameter is NaN/±Infinity (the epoch stops at that minibatch). */
  finite: boolean;
  /** The learning rate the schedule gave this epoch. */
  learningRate: number;
}

export interface Evaluation {
  /** Mean per-sample data loss (no regularization term). */
  loss: number;
  /** Fraction correct for classification (1 output: tanh o>0, sigmoid o>0.5 vs the target; softmax: argmax); null for a linear output. */
  accuracy: number | null;
}

export function checkOptions(o: TrainOptions): void {
  lossCode(o.loss);
  optimizerCode(o.optimizer);
  regularizationCode(o.regularization);
  scheduledRate(o.schedule, 1, 0);
  const nonNeg: (keyof TrainOptions)[] = ['learningRate', 'momentum', 'regularizationRate', 'clipNorm', 'eps'];
  for (const key of nonNeg) {
    const v = o[key] as number;
    if (!(Number.isFinite(v) && v >= 0)) throw new Error(`${key} must be a finite number ≥ 0, got ${v}`);
  }
  for (const key of ['beta1', 'beta2'] as const) {
    if (!(o[key] >= 0 && o[key] < 1)) throw new Error(`${key} must be in [0, 1), got ${o[key]}`);
  }
  if (!(Number.isInteger(o.batchSize) && o.batchSize >= 1))
    throw new Error(`batchSize must be an integer ≥ 1, got ${o.batchSize}`);
  if (!(o.dropout >= 0 && o.dropout < 1)) throw new Error(`dropout must be in [0, 1), got ${o.dropout}`);
}

export function checkData(net: Network, d: Data): void {
  if (!(Number.isInteger(d.n) && d.n >= 0)) throw new Error(`Data n must be an integer ≥ 0, got ${d.n}`);
  if (d.x.length < d.n * inputSize(net))
    throw new Error(`Data x holds ${d.x.length} values, need ${d.n} × ${inputSize(net)}`);
  if (d.y.length < d.n * outputSize(net))
    throw new Error(`Data y holds ${d.y.length} values, need ${d.n} × ${outputSize(net)}`);
}

/** What one batchStep() did: its minibatch's mean data loss, and the epoch's result when it ended one. */
export interface BatchResult {
  loss: number;
  samples: number;
  epochDone: EpochResult | null;
}
