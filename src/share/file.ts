/**
 * The experiment file: a versioned JSON envelope that restores a run exactly.
 *
 * {
 *   "format": "nn-playground-experiment", "version": 1,
 *   "config":  ExperimentConfig (custom points inside config.points),
 *   "data":    { "train": [{x, y, label}], "test": [...] }    for other tools; the playground
 *                                                              regenerates data from the config
 *   "weights": [layer][to][from]   W per layer as (out, in), row-major nested (../shared/golden)
 *   "biases":  [layer][to]
 *   "epoch":   epochs trained
 *   "history": [{epoch, batchLoss, trainLoss, testLoss, trainAccuracy, testAccuracy, n?, counts?}]
 *              a downsampled point is the mean of `n` epochs (absent: 1); `counts` says how many of
 *              them measured each value (absent: all n), so a restored history merges correctly
 *   "trainer": { "rng": shuffle/dropout RNG state (uint32), "order": the training-set order the
 *                next shuffle starts from, "optimizer": { "m": [...], "v": [...], "t": steps } }
 * }
 * Numbers are JSON's shortest round-trip form, so weights come back bit for bit.
 * `readExperimentFile` never throws: a file that is not an experiment is refused with a message;
 * a config is read through the schema (defaults and notices); weights or trainer state that do
 * not fit the config are dropped with a notice (the run then starts fresh).
 */
import { z } from 'zod';
import { parameterCount, weightsMismatch, type NestedWeights } from '../nn/network.ts';
import type { TrainerState } from '../nn/training.ts';
import { DEFAULT_CONFIG, networkSizes, type DataPoint, type ExperimentConfig } from './config.ts';
import { describeValue, validateConfig, type ConfigNotice } from './schema.ts';
import { COMPARE_VERSION, readCompareField, secondConfig, type Editing } from './compare.ts';

export const FILE_FORMAT = 'nn-playground-experiment';
export const FILE_VERSION = 1;
/** A larger file is refused before parsing. */
export const MAX_FILE_CHARS = 20_000_000;

/**
 * One point of the loss history: what the chart draws (src/state/history.ts builds them) and what
 * a file stores. Null where nothing was recorded (e.g. accuracy for regression).
 */
export interface HistoryPoint {
  epoch: number;
  /** Mean minibatch loss during the epoch(s). */
  batchLoss: number | null;
  /** Whole train/test set after the epoch(s) (evaluated on a stride, see protocol.ts HistoryChunk). */
  trainLoss: number | null;
  testLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** Epochs averaged into this point (downsampled history); absent means 1. */
  n?: number;
  /** How many of the `n` epochs measured each value; absent means all of them (0 for a null value). */
  counts?: HistoryCounts;
}

export interface HistoryCounts {
  batchLoss: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
}

export interface Experiment {
  config: ExperimentConfig;
  weights?: NestedWeights;
  epoch: number;
  history: HistoryPoint[];
  trainer?: TrainerState;
  data?: { train: DataPoint[]; test: DataPoint[] };
  /** A comparison's run B (this experiment is run A), and the run being edited: src/share/compare.ts. */
  compare?: { editing: Editing; b: Experiment };
}

export type ReadResult = { ok: true; experiment: Experiment; notices: ConfigNotice[] } | { ok: false; error: string };

export function writeExperimentFile(e: Experiment): string {
  return `${JSON.stringify(experimentJson(e), null, 1)}\n`;
}

/** The file's JSON as an object (what the browser's local store keeps; readExperiment reads it back). */
export function experimentJson(e: Experiment): Record<string, unknown> {
  const out: Record<string, unknown> = { format: FILE_FORMAT, version: FILE_VERSION, config: e.config };
  if (e.data) out.data = e.data;
  if (e.weights) {
    out.weights = e.weights.weights;
    out.biases = e.weights.biases;
  }
  out.epoch = e.epoch;
  out.history = e.history;
  if (e.trainer) out.trainer = e.trainer;
  if (e.compare) out.compare = { version: COMPARE_VERSION, editing: e.compare.editing, b: experimentJson(e.compare.b) };
  return out;
}

const num = z.number().refine(Number.isFinite);
const nullableNum = z.union([num, z.null()]);
const envelope = z.object({
  format: z.literal(FILE_FORMAT),
  version: z.number(),
  config: z.unknown(),
});
const count = z
  .number()
  .int()
  .min(0)
  .max(2 ** 40);
const weightsShape = z.array(z.array(z.array(num)));
const biasesShape = z.array(z.array(num));
const historyShape = z
  .array(
    z.object({
      epoch: num,
      batchLoss: nullableNum.optional(),
      trainLoss: nullableNum.optional(),
      testLoss: nullableNum.optional(),
      trainAccuracy: nullableNum.optional(),
      testAccuracy: nullableNum.optional(),
      n: z
        .number()
        .int()
        .min(1)
        .max(2 ** 40)
        .optional(),
      counts: z
        .object({
          batchLoss: count,
          trainLoss: count,
          testLoss: count,
          trainAccuracy: count,
          testAccuracy: count,
        })
        .optional(),
    }),
  )
  .max(100_000);
/** The engine's TrainerState (src/nn/training.ts); `satisfies` keeps this schema in step with it. */
const trainerShape = z.object({
  rng: z.number().int().min(0).max(0xffffffff),
  order: z.array(z.number().int().min(0)),
  optimizer: z.object({ m: z.array(num), v: z.array(num), t: z.number().int().min(0) }),
  batch: z.object({ pos: z.number().int().min(1), batches: z.number().int().min(1), lossSum: num }).optional(),
}) satisfies z.ZodType<TrainerState>;
const dataShape = z.object({
  train: z.array(z.object({ x: num, y: num, label: num })),
  test: z.array(z.object({ x: num, y: num, label: num })),
});

/** Read an experiment file's text. Never throws. */
export function readExperimentFile(text: string): ReadResult {
  try {
    if (typeof text !== 'string') return { ok: false, error: 'The file is not text.' };
    if (text.length > MAX_FILE_CHARS)
      return { ok: false, error: `The file is too large (${text.length} characters; at most ${MAX_FILE_CHARS}).` };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      return {
        ok: false,
        error: `The file is not JSON (${describeValue(err instanceof Error ? err.message : String(err))}).`,
      };
    }
    return readExperiment(json);
  } catch (err) {
    return { ok: false, error: `The file could not be read (${describeValue(String(err))}).` };
  }
}

/** The parsed JSON of an experiment file. Never throws. */
export function readExperiment(json: unknown): ReadResult {
  const env = envelope.safeParse(json);
  if (!env.success) {
    const format =
      typeof json === 'object' && json !== null && 'format' in json ? (json as { format: unknown }).format : undefined;
    return {
      ok: false,
      error:
        format === FILE_FORMAT
          ? 'The experiment file has no version or no config.'
          : `This is not an experiment file (expected "format": "${FILE_FORMAT}").`,
    };
  }
  if (env.data.version > FILE_VERSION || env.data.version < 1 || !Number.isInteger(env.data.version))
    return {
      ok: false,
      error: `The experiment file has version ${describeValue(env.data.version)}; this playground reads version ${FILE_VERSION}.`,
    };
  const body = json as Record<string, unknown>;
  const notices: ConfigNotice[] = [];
  if (typeof env.data.config !== 'object' || env.data.config === null || Array.isArray(env.data.config))
    return { ok: false, error: 'The experiment file\'s "config" is not an object.' };
  const v = validateConfig(env.data.config, DEFAULT_CONFIG);
  notices.push(...v.notices);
  const config = v.config;
  const experiment: Experiment = { config, epoch: 0, history: [] };

  const drop = (field: string, why: string) =>
    notices.push({ field, message: `${field}: ${why}; starting from fresh weights.` });
  if (body.weights !== undefined || body.biases !== undefined) {
    const w = weightsShape.safeParse(body.weights);
    const b = biasesShape.safeParse(body.biases);
    if (!w.success || !b.success) drop('weights', 'the weights and biases are not lists of finite numbers');
    else {
      const why = weightsMismatch(networkSizes(config), w.data, b.data);
      if (why) drop('weights', why);
      else experiment.weights = { weights: w.data, biases: b.data };
    }
  }
  if (experiment.weights) {
    const epoch = num.safeParse(body.epoch);
    if (epoch.success && Number.isInteger(epoch.data) && epoch.data >= 0) experiment.epoch = epoch.data;
    else if (body.epoch !== undefined)
      notices.push({
        field: 'epoch',
        message: `epoch: ${describeValue(body.epoch)} is not a whole number ≥ 0; using 0.`,
      });
    if (body.trainer !== undefined) {
      const t = trainerShape.safeParse(body.trainer);
      const n = parameterCount(networkSizes(config));
      if (!t.success)
        notices.push({
          field: 'trainer',
          message:
            'trainer: the saved trainer state is malformed; training continues with a fresh optimizer and shuffle.',
        });
      else if (t.data.optimizer.m.length !== n || t.data.optimizer.v.length !== n)
        notices.push({
          field: 'trainer',
          message: `trainer: the optimizer state has ${t.data.optimizer.m.length} values, the network ${n}; training continues with a fresh optimizer and shuffle.`,
        });
      else experiment.trainer = t.data;
    }
  }
  if (body.history !== undefined) {
    const h = historyShape.safeParse(body.history);
    if (h.success) {
      experiment.history = h.data.map((p) => {
        const point: HistoryPoint = {
          epoch: p.epoch,
          batchLoss: p.batchLoss ?? null,
          trainLoss: p.trainLoss ?? null,
          testLoss: p.testLoss ?? null,
          trainAccuracy: p.trainAccuracy ?? null,
          testAccuracy: p.testAccuracy ?? null,
        };
        if (p.n !== undefined) point.n = p.n;
        if (p.counts) point.counts = p.counts;
        return point;
      });
    } else notices.push({ field: 'history', message: 'history: the loss history is malformed; it is left out.' });
  }
  if (body.data !== undefined) {
    const d = dataShape.safeParse(body.data);
    if (d.success) experiment.data = d.data;
  }
  const cmp = readCompareField(body.compare, notices);
  if (cmp) {
    const rb = readExperiment(cmp.b);
    if (rb.ok) {
      const b = rb.experiment;
      delete b.compare;
      b.config = secondConfig(config, b.config as unknown as Record<string, unknown>).config;
      notices.push(...rb.notices.map((n) => ({ ...n, message: `B: ${n.message}` })));
      experiment.compare = { editing: cmp.editing, b };
    } else notices.push({ field: 'compare', message: `compare: B: ${rb.error} Opened run A alone.` });
  }
  return { ok: true, experiment, notices };
}
