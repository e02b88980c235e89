/**
 * How a config change reaches the worker, and the coherence rules between dataset, problem and
 * loss. Pure functions over ExperimentConfig.
 */
import { problemOf } from '../nn/data.ts';
import {
  CLASSIFICATION_DATASETS,
  MULTICLASS_DATASETS,
  REGRESSION_DATASETS,
  type DatasetName,
  type ProblemType,
} from '../nn/types.ts';
import { lossesFor, type ExperimentConfig } from '../share/config.ts';
import { HYPERPARAMETER_KEYS } from '../worker/protocol.ts';

/** Keys that change only what is drawn: the worker is not told. */
export const VIEW_KEYS = ['showTestData', 'discretize', 'theme'] as const satisfies readonly (keyof ExperimentConfig)[];
export const LIVE: ReadonlySet<string> = new Set(HYPERPARAMETER_KEYS);
const VIEW: ReadonlySet<string> = new Set(VIEW_KEYS);
/** Every other key rebuilds data and network (the seeds are kept, so Reset gives the same start). */
export function isRebuildKey(key: keyof ExperimentConfig): boolean {
  return !LIVE.has(key) && !VIEW.has(key) && key !== 'speed';
}

/** Applied live in the worker (no rebuild). */
export function isLiveKey(key: keyof ExperimentConfig): boolean {
  return LIVE.has(key);
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    return ka.length === kb.length && ka.every((k) => sameValue(ra[k], rb[k]));
  }
  return false;
}

const DATASETS_OF: Record<ProblemType, readonly DatasetName[]> = {
  classification: CLASSIFICATION_DATASETS,
  regression: REGRESSION_DATASETS,
  multiclass: MULTICLASS_DATASETS,
};

/**
 * Keep dataset, problem and loss coherent: picking a dataset sets its problem; picking a problem
 * the dataset does not pose picks that problem's first dataset; a loss the problem does not
 * offer becomes its default.
 */
export function coherentConfig(next: ExperimentConfig, patch: Partial<ExperimentConfig>): ExperimentConfig {
  const c = { ...next };
  // 'custom' poses whichever problem is chosen, so it never moves the problem or the dataset.
  const dsProblem = problemOf(c.dataset, c.problem);
  if (patch.dataset !== undefined) c.problem = dsProblem;
  else if (patch.problem !== undefined && dsProblem !== c.problem) c.dataset = DATASETS_OF[c.problem][0]!;
  const losses = lossesFor(c.problem);
  if (!losses.includes(c.loss)) c.loss = losses[0]!;
  return c;
}
