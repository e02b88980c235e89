/**
 * Reads one reference case strictly, so a malformed reference fails loudly instead of quietly
 * comparing less than it claims: every value must be a number where a number belongs (a null or a
 * string is named with its path, never read as 0), every array must have the network's shape,
 * every key must be known, and every expected value must be one the run reaches.
 *
 * A case (the format of ../shared/golden/reference.json, extended):
 *   name, note?, sizes [in, ...hidden, out], activations (one per layer), loss,
 *   regularization? (none), regularization_rate? (0), clip_norm? (0: off), dropout? (0),
 *   batch_size? (n: full batch), schedule? (constant),
 *   optimizer { name, lr, momentum?, beta1?, beta2?, eps? },
 *   weights[l][to][from], biases[l][to], x (n, in), y (n, out),
 *   expected { output?, loss?, grad_weights?, grad_biases?, train? }
 *   train { steps (full batch: one step per epoch) | epochs, full_batch?, start_epoch? (0),
 *           orders? [epoch][n], dropout_masks? [epoch][batch][hidden layer][m][out_l],
 *           loss_before_step? {step: loss}, epoch_loss? [epoch], epoch_lr? [epoch],
 *           final_loss?, final_output?, final_weights?, final_biases? }
 * Names may be snake_case (leaky_relu, softmax_ce) or the engine's camelCase.
 */
import { optimizerCode } from './optimizers.ts';
import { scheduledRate } from './schedules.ts';
import type { ActivationName, LossName, OptimizerName, RegularizationName, ScheduleName } from './types.ts';

/** What one case asks for, validated; expected arrays are flat in the golden [l][to][from] order. */
export interface GoldenCase {
  name: string;
  sizes: number[];
  activations: ActivationName[];
  loss: LossName;
  regularization: RegularizationName;
  regularizationRate: number;
  clipNorm: number;
  dropout: number;
  batchSize: number;
  schedule: ScheduleName;
  optimizer: { name: OptimizerName; lr: number; momentum?: number; beta1?: number; beta2?: number; eps?: number };
  weights: number[][][];
  biases: number[][];
  /** (n, in) and (n, out). */
  x: Float64Array;
  y: Float64Array;
  n: number;
  output: Float64Array | null;
  loss0: number | null;
  gradWeights: Float64Array | null;
  gradBiases: Float64Array | null;
  train: GoldenTraining | null;
}

export interface GoldenTraining {
  /** Trainer epochs to run (a full-batch epoch is one step). */
  epochs: number;
  /** The trainer's epochCount before the first epoch: the schedule reads it. */
  startEpoch: number;
  /** Per epoch, the training-set order after the shuffle; null: the trainer's own shuffle. */
  orders: Int32Array[] | null;
  /** Per epoch, every dropout flag (1 keep, 0 drop) in the order the trainer draws them; null: no dropout. */
  masks: Float64Array[] | null;
  /** Full batch only: step → mean loss + penalty before that step. */
  lossBeforeStep: Map<number, number>;
  epochLoss: Float64Array | null;
  epochLr: Float64Array | null;
  finalLoss: number | null;
  finalOutput: Float64Array | null;
  finalWeights: Float64Array | null;
  finalBiases: Float64Array | null;
}

type Json = Record<string, unknown>;

const CASE_KEYS = [
  'name',
  'note',
  'sizes',
  'activations',
  'loss',
  'regularization',
  'regularization_rate',
  'clip_norm',
  'dropout',
  'batch_size',
  'schedule',
  'optimizer',
  'weights',
  'biases',
  'x',
  'y',
  'expected',
];
const OPTIMIZER_KEYS = ['name', 'lr', 'momentum', 'beta1', 'beta2', 'eps'];
const EXPECTED_KEYS = ['output', 'loss', 'grad_weights', 'grad_biases', 'train'];
const TRAIN_KEYS = [
  'steps',
  'epochs',
  'full_batch',
  'start_epoch',
  'orders',
  'dropout_masks',
  'loss_before_step',
  'epoch_loss',
  'epoch_lr',
  'final_loss',
  'final_output',
  'final_weights',
  'final_biases',
];

function camel(name: unknown, what: string): string {
  if (typeof name !== 'string') throw new Error(`${what} must be a name, got ${show(name)}`);
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function show(v: unknown): string {
  return v === undefined ? 'nothing' : typeof v === 'string' ? `the string ${JSON.stringify(v)}` : JSON.stringify(v);
}

/** An object holding only the allowed keys. */
function object(v: unknown, what: string, allowed: readonly string[]): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${what} must be an object`);
  const unknown = Object.keys(v).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new Error(`${what} has unknown key ${unknown.map((k) => `"${k}"`).join(', ')}`);
  return v as Json;
}

function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${what} must be a number, got ${show(v)}`);
  return v;
}

function optNum(v: unknown, what: string, dflt: number): number {
  return v === undefined ? dflt : num(v, what);
}

function count(v: unknown, what: string, min: number): number {
  const k = num(v, what);
  if (!Number.isInteger(k) || k < min) throw new Error(`${what} must be a whole number ≥ ${min}, got ${k}`);
  return k;
}

/** Nested arrays of exactly `shape`, every leaf a finite number, flattened row-major. */
function tensor(v: unknown, what: string, shape: readonly number[]): Float64Array {
  const out = new Float64Array(shape.reduce((a, b) => a * b, 1));
  let at = 0;
  const walk = (u: unknown, path: string, d: number): void => {
    if (d === shape.length) {
      if (typeof u !== 'number' || !Number.isFinite(u)) throw new Error(`${path} is ${show(u)}, not a number`);
      out[at++] = u;
      return;
    }
    if (!Array.isArray(u) || u.length !== shape[d]) {
      const got = Array.isArray(u) ? `${u.length} entries` : show(u);
      throw new Error(`${path} must be a list of ${shape[d]}, got ${got}`);
    }
    u.forEach((e, i) => walk(e, `${path}[${i}]`, d + 1));
  };
  walk(v, what, 0);
  return out;
}

/** One tensor per layer, concatenated (the golden [l]... order). */
function layered(v: unknown, what: string, shapes: number[][]): Float64Array {
  if (!Array.isArray(v) || v.length !== shapes.length)
    throw new Error(`${what} must be a list of ${shapes.length} layers, got ${Array.isArray(v) ? v.length : show(v)}`);
  const parts = shapes.map((s, l) => tensor(v[l], `${what}[${l}]`, s));
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function maybe<T>(v: unknown, read: (v: unknown) => T): T | null {
  return v === undefined ? null : read(v);
}

/** Validate one case; throws with the first problem found. */
export function readCase(raw: unknown): GoldenCase {
  const c = object(raw, 'a case', CASE_KEYS);
  if (typeof c.name !== 'string') throw new Error('a case needs a name');
  if (!Array.isArray(c.sizes) || c.sizes.length < 2) throw new Error('sizes must list the inputs and the outputs');
  const sizes = c.sizes.map((s, i) => count(s, `sizes[${i}]`, 1));
  if (!Array.isArray(c.activations)) throw new Error('activations must be a list');
  const activations = c.activations.map((a, i) => camel(a, `activations[${i}]`) as ActivationName);
  const layers = sizes.slice(1).map((out, l) => [out, sizes[l]!]);
  const inputs = sizes[0]!;
  const outputs = sizes[sizes.length - 1]!;
  if (!Array.isArray(c.x) || c.x.length < 1) throw new Error('x must be a list of at least one sample');
  const n = c.x.length;
  const o = object(c.optimizer, 'optimizer', OPTIMIZER_KEYS);
  const optimizer: GoldenCase['optimizer'] = {
    name: camel(o.name, 'optimizer.name') as OptimizerName,
    lr: num(o.lr, 'optimizer.lr'),
  };
  optimizerCode(optimizer.name);
  for (const k of ['momentum', 'beta1', 'beta2', 'eps'] as const) {
    if (o[k] !== undefined) optimizer[k] = num(o[k], `optimizer.${k}`);
  }
  const schedule = camel(c.schedule ?? 'constant', 'schedule') as ScheduleName;
  scheduledRate(schedule, 1, 0);
  const dropout = optNum(c.dropout, 'dropout', 0);
  const batchSize = c.batch_size === undefined ? n : count(c.batch_size, 'batch_size', 1);
  if (batchSize > n) throw new Error(`batch_size ${batchSize} is more than the ${n} samples`);
  const e = object(c.expected, 'expected', EXPECTED_KEYS);
  if (Object.keys(e).length === 0) throw new Error('the case compares nothing: expected holds no values');
  const biasShapes = layers.map(([out]) => [out!]);
  layered(c.weights, 'weights', layers);
  layered(c.biases, 'biases', biasShapes);
  return {
    name: c.name,
    sizes,
    activations,
    loss: camel(c.loss, 'loss') as LossName,
    regularization: camel(c.regularization ?? 'none', 'regularization') as RegularizationName,
    regularizationRate: optNum(c.regularization_rate, 'regularization_rate', 0),
    clipNorm: optNum(c.clip_norm, 'clip_norm', 0),
    dropout,
    batchSize,
    schedule,
    optimizer,
    weights: c.weights as number[][][],
    biases: c.biases as number[][],
    x: tensor(c.x, 'x', [n, inputs]),
    y: tensor(c.y, 'y', [n, outputs]),
    n,
    output: maybe(e.output, (v) => tensor(v, 'expected.output', [n, outputs])),
    loss0: maybe(e.loss, (v) => num(v, 'expected.loss')),
    gradWeights: maybe(e.grad_weights, (v) => layered(v, 'expected.grad_weights', layers)),
    gradBiases: maybe(e.grad_biases, (v) => layered(v, 'expected.grad_biases', biasShapes)),
    train: maybe(e.train, (v) => readTraining(v, { n, batchSize, dropout, layers, outputs })),
  };
}

interface Shape {
  n: number;
  batchSize: number;
  dropout: number;
  /** [out, in] per layer. */
  layers: number[][];
  outputs: number;
}

function readTraining(raw: unknown, s: Shape): GoldenTraining {
  const t = object(raw, 'expected.train', TRAIN_KEYS);
  const fullBatch = s.batchSize === s.n;
  if (t.full_batch !== undefined && t.full_batch !== fullBatch)
    throw new Error(`train.full_batch is ${show(t.full_batch)} but batch_size is ${s.batchSize} of ${s.n} samples`);
  if ((t.steps === undefined) === (t.epochs === undefined)) throw new Error('train gives either steps or epochs');
  if (t.steps !== undefined && !fullBatch)
    throw new Error('train.steps counts full-batch steps; a minibatch case gives epochs');
  const epochs = count(t.steps ?? t.epochs, t.steps !== undefined ? 'train.steps' : 'train.epochs', 1);
  const ordered = (what: string) => `${what}: a minibatch or dropout case lists the sample order of every epoch`;
  if (t.orders === undefined && (!fullBatch || s.dropout > 0)) throw new Error(ordered('train.orders missing'));
  const orders = maybe(t.orders, (v) => readOrders(v, epochs, s.n));
  if ((t.dropout_masks !== undefined) !== s.dropout > 0)
    throw new Error(`train.dropout_masks must be given exactly when dropout > 0 (dropout is ${s.dropout})`);
  const masks = maybe(t.dropout_masks, (v) => readMasks(v, epochs, s));
  const lossBeforeStep = new Map<number, number>();
  if (t.loss_before_step !== undefined) {
    if (!fullBatch)
      throw new Error('train.loss_before_step is for full-batch cases; a minibatch case gives epoch_loss');
    const lbs = t.loss_before_step;
    if (typeof lbs !== 'object' || lbs === null || Array.isArray(lbs))
      throw new Error('train.loss_before_step must be an object {step: loss}');
    for (const [k, v] of Object.entries(lbs)) {
      const step = Number(k);
      if (!(String(step) === k && Number.isInteger(step) && step >= 0 && step < epochs))
        throw new Error(`train.loss_before_step has step "${k}", which the run never reaches (steps 0..${epochs - 1})`);
      lossBeforeStep.set(step, num(v, `train.loss_before_step["${k}"]`));
    }
  }
  const train: GoldenTraining = {
    epochs,
    startEpoch: t.start_epoch === undefined ? 0 : count(t.start_epoch, 'train.start_epoch', 0),
    orders,
    masks,
    lossBeforeStep,
    epochLoss: maybe(t.epoch_loss, (v) => tensor(v, 'train.epoch_loss', [epochs])),
    epochLr: maybe(t.epoch_lr, (v) => tensor(v, 'train.epoch_lr', [epochs])),
    finalLoss: maybe(t.final_loss, (v) => num(v, 'train.final_loss')),
    finalOutput: maybe(t.final_output, (v) => tensor(v, 'train.final_output', [s.n, s.outputs])),
    finalWeights: maybe(t.final_weights, (v) => layered(v, 'train.final_weights', s.layers)),
    finalBiases: maybe(t.final_biases, (v) =>
      layered(
        v,
        'train.final_biases',
        s.layers.map(([out]) => [out!]),
      ),
    ),
  };
  const compares = [train.epochLoss, train.epochLr, train.finalLoss, train.finalOutput, train.finalWeights];
  if (lossBeforeStep.size === 0 && train.finalBiases === null && compares.every((v) => v === null))
    throw new Error('train compares nothing: give loss_before_step, epoch_loss, epoch_lr or a final_ value');
  return train;
}

function readOrders(v: unknown, epochs: number, n: number): Int32Array[] {
  if (!Array.isArray(v) || v.length !== epochs) throw new Error(`train.orders must list ${epochs} epochs`);
  return v.map((row, e) => {
    const given = tensor(row, `train.orders[${e}]`, [n]);
    const order = Int32Array.from(given);
    const seen = new Uint8Array(n);
    order.forEach((i, at) => {
      if (i !== given[at] || i < 0 || i >= n || seen[i])
        throw new Error(`train.orders[${e}] must be a permutation of 0..${n - 1}`);
      seen[i] = 1;
    });
    return order;
  });
}

/** Per epoch: batches of the given order, each with one (m, out_l) flag array per hidden layer. */
function readMasks(v: unknown, epochs: number, s: Shape): Float64Array[] {
  if (!Array.isArray(v) || v.length !== epochs) throw new Error(`train.dropout_masks must list ${epochs} epochs`);
  const hidden = s.layers.slice(0, -1).map(([out]) => out!);
  const batches = Math.ceil(s.n / s.batchSize);
  return v.map((epoch, e) => {
    const what = `train.dropout_masks[${e}]`;
    if (!Array.isArray(epoch) || epoch.length !== batches) throw new Error(`${what} must list ${batches} batches`);
    const parts = epoch.map((batch, b) => {
      const m = Math.min(s.batchSize, s.n - b * s.batchSize);
      return layered(
        batch,
        `${what}[${b}]`,
        hidden.map((out) => [m, out]),
      );
    });
    const flags = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
    let at = 0;
    for (const p of parts) {
      for (let i = 0; i < p.length; i++) {
        if (p[i] !== 0 && p[i] !== 1) throw new Error(`${what} holds ${p[i]}: flags are 1 (keep) or 0 (drop)`);
      }
      flags.set(p, at);
      at += p.length;
    }
    return flags;
  });
}
