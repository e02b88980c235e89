/**
 * The dataset value and what is done with one: split it, build one from given points, turn its
 * labels into training targets for an output layer.
 *
 * Legend: n = number of points, K = classes (2 for binary classification, 2..6 for multiclass,
 * 1 for regression).
 */
import { createRng } from '../rng.ts';
import {
  CLASSIFICATION_DATASETS,
  DOMAIN,
  LIMITS,
  MULTICLASS_DATASETS,
  REGRESSION_DATASETS,
  type DatasetName,
  type OutputActivation,
  type ProblemType,
} from '../types.ts';

export interface Dataset {
  /** n*2: point i is (points[2i], points[2i+1]), inside [-DOMAIN, DOMAIN]² (xorTable: its 0/1 corners). */
  points: Float64Array;
  /** n: class index 0..K-1 (binary: 1 = positive, 0 = negative), or the value for regression. */
  labels: Float64Array;
  n: number;
  problem: ProblemType;
  /** 2 for binary classification, K for multiclass, 1 for regression. */
  classes: number;
}

const CLASSIFICATION: ReadonlySet<string> = new Set(CLASSIFICATION_DATASETS);
const REGRESSION: ReadonlySet<string> = new Set(REGRESSION_DATASETS);
const MULTICLASS: ReadonlySet<string> = new Set(MULTICLASS_DATASETS);

/**
 * The problem a dataset poses. 'custom' holds whatever a person drew or imported, so its problem
 * is the person's choice: pass it as `custom` (default 'classification').
 */
export function problemOf(name: DatasetName, custom: ProblemType = 'classification'): ProblemType {
  if (CLASSIFICATION.has(name)) return 'classification';
  if (REGRESSION.has(name)) return 'regression';
  if (MULTICLASS.has(name)) return 'multiclass';
  if (name === 'custom') return custom;
  throw new Error(`Unknown dataset: ${String(name)}`);
}

/** K for a problem: 2 for classification, 1 for regression, `classes` (checked) for multiclass. */
export function classCount(problem: ProblemType, classes: number): number {
  if (problem === 'classification') return 2;
  if (problem === 'regression') return 1;
  if (problem === 'multiclass') {
    if (!Number.isInteger(classes) || classes < LIMITS.classes.min || classes > LIMITS.classes.max) {
      throw new RangeError(
        `classes must be an integer in ${LIMITS.classes.min}..${LIMITS.classes.max} for multiclass, got ${classes}`,
      );
    }
    return classes;
  }
  throw new Error(`Unknown problem type: ${String(problem)}`);
}

/** A copy of the points with the given indices, in that order. */
function subset(ds: Dataset, idx: Uint32Array | number[], from: number, to: number): Dataset {
  const n = to - from;
  const points = new Float64Array(n * 2);
  const labels = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = idx[from + k]!;
    points[2 * k] = ds.points[2 * i]!;
    points[2 * k + 1] = ds.points[2 * i + 1]!;
    labels[k] = ds.labels[i]!;
  }
  return { points, labels, n, problem: ds.problem, classes: ds.classes };
}

/** Salt so that a split seeded with the data seed does not replay the generator's stream. */
const SPLIT_SALT = 0x85ebca6b;

/**
 * Shuffle (seeded Fisher–Yates), then the first round(n·trainPercent/100) points train and the
 * rest test. Below 100% and with n ≥ 2 each side gets at least one point; at 100% every point
 * trains and the test set is empty (a tiny table such as XOR is learnt whole). Same seed → same split.
 */
export function splitDataset(ds: Dataset, trainPercent: number, seed: number): { train: Dataset; test: Dataset } {
  if (!Number.isFinite(trainPercent)) throw new RangeError(`trainPercent must be a finite number, got ${trainPercent}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const n = ds.n;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const rng = createRng((seed ^ SPLIT_SALT) >>> 0);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  const p = Math.min(100, Math.max(0, trainPercent));
  let nTrain = Math.round((n * p) / 100);
  if (p >= 100) nTrain = n;
  else if (n >= 2) nTrain = Math.min(n - 1, Math.max(1, nTrain));
  return { train: subset(ds, idx, 0, nTrain), test: subset(ds, idx, nTrain, n) };
}

/**
 * A dataset from points a person added. The UI validates first; this is the last line of
 * defence: every coordinate must be a finite number in [-DOMAIN, DOMAIN], a class label an
 * integer 0..K-1 (classification: 0 or 1; `classes` is then ignored), a regression label any
 * finite number. Throws an Error naming the first bad point's index.
 */
export function datasetFromPoints(
  points: readonly { x: number; y: number; label: number }[],
  problem: ProblemType,
  classes: number,
): Dataset {
  const k = classCount(problem, classes);
  const n = points.length;
  const xy = new Float64Array(n * 2);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = points[i];
    if (p === null || typeof p !== 'object') throw new Error(`Point ${i} is not an object`);
    const { x, y, label } = p;
    if (typeof x !== 'number' || !Number.isFinite(x) || typeof y !== 'number' || !Number.isFinite(y)) {
      throw new Error(`Point ${i}: x and y must be finite numbers, got (${String(x)}, ${String(y)})`);
    }
    if (Math.abs(x) > DOMAIN || Math.abs(y) > DOMAIN) {
      throw new Error(`Point ${i}: (${x}, ${y}) lies outside the plane [-${DOMAIN}, ${DOMAIN}]²`);
    }
    if (typeof label !== 'number' || !Number.isFinite(label)) {
      throw new Error(`Point ${i}: label must be a finite number, got ${String(label)}`);
    }
    if (problem !== 'regression' && !(Number.isInteger(label) && label >= 0 && label < k)) {
      throw new Error(`Point ${i}: label must be a class index 0..${k - 1} for ${problem}, got ${label}`);
    }
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    labels[i] = label;
  }
  return { points: xy, labels, n, problem, classes: k };
}

/**
 * Training targets for an output layer, sample-major.
 * - tanh: n values, class 1 → +1, class 0 → −1 (TF Playground); regression values as they are.
 * - sigmoid: n values, class 1 → 1, class 0 → 0; regression v → (v + 1)/2.
 * - linear: n values, the label itself (class index or regression value).
 * - softmax: n*K one-hot rows (binary classification gives K = 2).
 * A single-unit output for a multiclass set, or softmax for regression, throws.
 */
export function targets(ds: Dataset, output: OutputActivation): Float64Array {
  const { n, labels, problem } = ds;
  if (output === 'softmax') {
    if (problem === 'regression') throw new Error('softmax targets need class labels, not a regression dataset');
    const k = ds.classes;
    const out = new Float64Array(n * k);
    for (let i = 0; i < n; i++) out[i * k + labels[i]!] = 1;
    return out;
  }
  if (problem === 'multiclass') {
    throw new Error(`A multiclass dataset needs a softmax output (K units), not ${output}`);
  }
  const out = new Float64Array(n);
  const regression = problem === 'regression';
  for (let i = 0; i < n; i++) {
    const v = labels[i]!;
    if (output === 'tanh') out[i] = regression ? v : v === 1 ? 1 : -1;
    else if (output === 'sigmoid') out[i] = regression ? (v + 1) / 2 : v === 1 ? 1 : 0;
    else out[i] = v;
  }
  return out;
}
