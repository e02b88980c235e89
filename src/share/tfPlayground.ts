/**
 * TensorFlow Playground links (playground.tensorflow.org/#activation=tanh&...) opened here as the
 * same experiment, with its network semantics: squared loss with a tanh output for its
 * classification, a linear output for its regression, SGD, its uniform initialization
 * (weights U(−0.5, 0.5), biases 0.1) or zeros with initZero, 500 points for classification and
 * 1,200 for regression. Its seed is a string (e.g. "0.27534"): hashed to our 32-bit seeds, so a
 * TF link always opens the same run here, though not TF's own numbers.
 *
 * Reference: tensorflow/playground src/state.ts (the hash schema) and src/playground.ts.
 * Output: a raw, typed-but-unchecked config for the schema, plus what to hide.
 */
import type { FeatureName } from '../nn/types.ts';
import type { ConfigNotice } from './schema.ts';
import type { HideableId } from './embed.ts';

/** Our link key asking for TF Playground's exact training (hash.ts writes it as engineMode). */
export const TFPG_EXACT_KEY = 'tfpgExact';

/** Every key TF Playground writes (state.ts), so a link is recognised by its keys. */
export const TF_KEYS = [
  'activation',
  'regularization',
  'batchSize',
  'dataset',
  'regDataset',
  'learningRate',
  'regularizationRate',
  'noise',
  'networkShape',
  'seed',
  'showTestData',
  'discretize',
  'percTrainData',
  'x',
  'y',
  'xTimesY',
  'xSquared',
  'ySquared',
  'cosX',
  'sinX',
  'cosY',
  'sinY',
  'collectStats',
  'problem',
  'initZero',
  'hideText',
  'numHiddenLayers',
  'tutorial',
] as const;
export type TfKey = (typeof TF_KEYS)[number];

/** TF's input nodes → ours. */
export const TF_FEATURES: readonly (readonly [TfKey, FeatureName])[] = [
  ['x', 'x'],
  ['y', 'y'],
  ['xSquared', 'x2'],
  ['ySquared', 'y2'],
  ['xTimesY', 'xy'],
  ['sinX', 'sinX'],
  ['sinY', 'sinY'],
  ['cosX', 'cosX'],
  ['cosY', 'cosY'],
];

const TF_DATASETS: Readonly<Record<string, string>> = {
  circle: 'circle',
  xor: 'xor',
  gauss: 'gauss',
  spiral: 'spiral',
};
const TF_REG_DATASETS: Readonly<Record<string, string>> = { 'reg-plane': 'regPlane', 'reg-gauss': 'regGauss' };
const TF_REGULARIZATION: Readonly<Record<string, string>> = { none: 'none', L1: 'l1', L2: 'l2' };

/** What `<key>_hide=true` hides here. */
export const TF_HIDE: Readonly<Record<string, HideableId>> = {
  activation: 'activation',
  regularization: 'regularization',
  batchSize: 'batchSize',
  dataset: 'dataset',
  regDataset: 'dataset',
  learningRate: 'learningRate',
  regularizationRate: 'regularizationRate',
  noise: 'noise',
  networkShape: 'hidden',
  numHiddenLayers: 'hidden',
  seed: 'regenerate',
  showTestData: 'showTestData',
  discretize: 'discretize',
  percTrainData: 'trainPercent',
  problem: 'problem',
  initZero: 'init',
  hideText: 'text',
  ...Object.fromEntries(TF_FEATURES.map(([k, f]) => [k, f])),
};

export const TF_SAMPLES = { classification: 500, regression: 1200 } as const;

/** FNV-1a over the UTF-16 code units: TF's string seed → a 32-bit seed. */
export function seedFromString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Whether a hash's keys are TF Playground's: no `v` and at least one key that only TF writes. */
export function looksLikeTfPlayground(params: ReadonlyMap<string, string>, nativeKeys: ReadonlySet<string>): boolean {
  if (params.has('v')) return false;
  const tf: ReadonlySet<string> = new Set(TF_KEYS);
  // `<field>_hide` keys alone decide nothing: native links may use them too.
  for (const key of params.keys()) if (tf.has(key) && !nativeKeys.has(key)) return true;
  return false;
}

function strictNumber(s: string): number | string {
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s.trim()) ? Number(s) : s;
}

function bool(s: string): boolean | string {
  if (s === 'true') return true;
  if (s === 'false') return false;
  return s;
}

export interface TfResult {
  /** Config fields, typed where TF's text could be read, raw text where not (the schema reports it). */
  raw: Record<string, unknown>;
  hide: HideableId[];
  notices: ConfigNotice[];
}

/** A TF Playground hash (already split into decoded key → value) as a raw config for the schema. */
export function fromTfPlayground(params: ReadonlyMap<string, string>): TfResult {
  const raw: Record<string, unknown> = {};
  const notices: ConfigNotice[] = [];
  const hide: HideableId[] = [];
  const get = (k: TfKey) => params.get(k);

  const problem = get('problem') ?? 'classification';
  const regression = problem === 'regression';
  if (problem !== 'classification' && problem !== 'regression') {
    notices.push({
      field: 'problem',
      message: `problem: ${JSON.stringify(problem.slice(0, 40))} is not a TF Playground problem; using classification.`,
    });
  }
  raw.problem = regression ? 'regression' : 'classification';
  raw.loss = 'mse';
  raw.optimizer = 'sgd';
  raw.schedule = 'constant';
  raw.samples = regression ? TF_SAMPLES.regression : TF_SAMPLES.classification;

  const dsKey: TfKey = regression ? 'regDataset' : 'dataset';
  const table = regression ? TF_REG_DATASETS : TF_DATASETS;
  const fallback = regression ? 'regPlane' : 'circle';
  const ds = get(dsKey);
  if (ds === undefined) raw.dataset = fallback;
  else if (Object.prototype.hasOwnProperty.call(table, ds)) raw.dataset = table[ds];
  else {
    raw.dataset = fallback;
    notices.push({
      field: 'dataset',
      message: `dataset: ${JSON.stringify(ds.slice(0, 40))} is not a TF Playground ${regression ? 'regression' : 'classification'} dataset; using ${fallback}.`,
    });
  }

  const act = get('activation');
  if (act !== undefined) raw.activation = act; // relu, tanh, sigmoid, linear: the same names here
  const reg = get('regularization');
  if (reg !== undefined) {
    raw.regularization = Object.prototype.hasOwnProperty.call(TF_REGULARIZATION, reg) ? TF_REGULARIZATION[reg] : reg;
  }
  const numbers: [TfKey, string][] = [
    ['batchSize', 'batchSize'],
    ['learningRate', 'learningRate'],
    ['regularizationRate', 'regularizationRate'],
    ['noise', 'noise'],
    ['percTrainData', 'trainPercent'],
  ];
  for (const [k, field] of numbers) {
    const v = get(k);
    if (v !== undefined) raw[field] = strictNumber(v);
  }
  for (const k of ['showTestData', 'discretize'] as const) {
    const v = get(k);
    if (v !== undefined) raw[k] = bool(v);
  }
  const shape = get('networkShape');
  if (shape !== undefined) {
    // TF writes "" for no hidden layer.
    const parts = shape === '' ? [] : shape.split(',').map(strictNumber);
    raw.hidden = parts.every((p) => typeof p === 'number') ? parts : shape;
  }
  if (TF_FEATURES.some(([k]) => params.has(k))) {
    // A feature absent from the link keeps TF's default (x and y on, the rest off).
    raw.features = TF_FEATURES.filter(([k]) => {
      const v = get(k);
      return v === undefined ? k === 'x' || k === 'y' : v === 'true';
    }).map(([, f]) => f);
  }
  raw.init = get('initZero') === 'true' ? 'zero' : 'uniform';
  const seed = get('seed');
  if (seed !== undefined && seed !== '') {
    const s = seedFromString(seed);
    raw.seed = s;
    raw.dataSeed = s;
    raw.tfSeed = seed; // verbatim: the exact mode seeds TF's own stream with it
  }
  // Our key, which TF Playground ignores: the link asks to be trained exactly as TF Playground does.
  const exact = params.get(TFPG_EXACT_KEY);
  if (exact === '1' || exact === 'true') raw.engineMode = 'tfpg';
  if (get('hideText') === 'true') hide.push('text');
  for (const [key, value] of params) {
    if (!key.endsWith('_hide') || value !== 'true') continue;
    const id = TF_HIDE[key.slice(0, -5)];
    if (id !== undefined) hide.push(id);
  }
  return { raw, hide, notices };
}
