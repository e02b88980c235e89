/**
 * How a config change reaches the worker, and the coherence rules between dataset, problem,
 * loss, output activation and split. Pure functions over ExperimentConfig.
 */
import { problemOf } from '../nn/data.ts';
import {
  CLASSIFICATION_DATASETS,
  MULTICLASS_DATASETS,
  REGRESSION_DATASETS,
  type DatasetName,
  type ProblemType,
} from '../nn/types.ts';
import { DEFAULT_CONFIG, lossesFor, outputsFor, type ExperimentConfig } from '../share/config.ts';
import { toTfpgMode } from '../share/tfpgMode.ts';
import { HYPERPARAMETER_KEYS } from '../worker/protocol.ts';

/** Keys that change only what is drawn: the worker is not told. */
export const VIEW_KEYS = ['showTestData', 'discretize', 'theme'] as const satisfies readonly (keyof ExperimentConfig)[];
export const LIVE: ReadonlySet<string> = new Set(HYPERPARAMETER_KEYS);
const VIEW: ReadonlySet<string> = new Set(VIEW_KEYS);
/** The stop conditions: sent to the running worker as they are ('setStop'), no rebuild. */
export const STOP_KEYS = ['stopEpoch', 'stopTestLoss'] as const satisfies readonly (keyof ExperimentConfig)[];
const STOP: ReadonlySet<string> = new Set(STOP_KEYS);
/** Every other key rebuilds data and network (the seeds are kept, so Reset gives the same start). */
export function isRebuildKey(key: keyof ExperimentConfig): boolean {
  return !LIVE.has(key) && !VIEW.has(key) && !STOP.has(key) && key !== 'speed';
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

/** The XOR truth table has four rows: it trains on all of them unless a person says otherwise. */
export const XOR_TABLE_TRAIN_PERCENT = 100;

/**
 * Keep dataset, problem, loss and output coherent: picking a dataset sets its problem; picking a
 * problem the dataset does not pose picks that problem's first dataset; a loss the problem does
 * not offer becomes its default; a new problem or loss brings its default output (as before the
 * output was a setting), and an output the pair does not allow becomes the pair's default.
 * Picking the XOR table trains on all four rows (100%); leaving it from 100% goes back to the
 * default split. `prev`: the config before the patch (without it, leaving is not detected).
 */
export function coherentConfig(
  next: ExperimentConfig,
  patch: Partial<ExperimentConfig>,
  prev?: ExperimentConfig,
): ExperimentConfig {
  const c = { ...next };
  // 'custom' poses whichever problem is chosen, so it never moves the problem or the dataset.
  const dsProblem = problemOf(c.dataset, c.problem);
  if (patch.dataset !== undefined) c.problem = dsProblem;
  else if (patch.problem !== undefined && dsProblem !== c.problem) c.dataset = DATASETS_OF[c.problem][0]!;
  const losses = lossesFor(c.problem);
  if (!losses.includes(c.loss)) c.loss = losses[0]!;
  const outputs = outputsFor(c.problem, c.loss);
  const pairChanged = prev
    ? c.problem !== prev.problem || c.loss !== prev.loss
    : patch.problem !== undefined || patch.loss !== undefined || c.problem !== next.problem || c.loss !== next.loss;
  if ((pairChanged && patch.output === undefined) || !outputs.includes(c.output)) c.output = outputs[0]!;
  if (patch.trainPercent === undefined && patch.dataset !== undefined && patch.dataset !== prev?.dataset) {
    if (c.dataset === 'xorTable') c.trainPercent = XOR_TABLE_TRAIN_PERCENT;
    else if (prev?.dataset === 'xorTable' && c.trainPercent === XOR_TABLE_TRAIN_PERCENT)
      c.trainPercent = DEFAULT_CONFIG.trainPercent;
  }
  // In TF Playground's exact mode, what it lacks stays at its values (src/share/tfpgMode.ts).
  return c.engineMode === 'tfpg' ? toTfpgMode(c).config : c;
}
