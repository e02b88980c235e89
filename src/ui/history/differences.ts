/**
 * What differs between runs' settings, in the page's words: "Learning rate 0.3", "Optimizer Adam".
 * The history overlay's legend names each run by the settings in which the picked runs differ.
 */
import type { ExperimentConfig } from '../../share/config.ts';
import {
  ACTIVATION_LABELS,
  batchLabel,
  DATASET_LABELS,
  FIELD_LABELS,
  INIT_LABELS,
  LOSS_LABELS,
  OPTIMIZER_LABELS,
  OUTPUT_LABELS,
  PROBLEM_LABELS,
  REGULARIZATION_LABELS,
  SCHEDULE_LABELS,
} from '../labels.ts';

/** Settings that do not change a run's curve (how it looks, how fast it is shown). */
const IGNORED = new Set<keyof ExperimentConfig>(['speed', 'showTestData', 'discretize', 'theme']);

const NAMED: Partial<Record<keyof ExperimentConfig, Readonly<Record<string, string>>>> = {
  dataset: DATASET_LABELS,
  activation: ACTIVATION_LABELS,
  problem: PROBLEM_LABELS,
  loss: LOSS_LABELS,
  output: OUTPUT_LABELS,
  init: INIT_LABELS,
  optimizer: OPTIMIZER_LABELS,
  regularization: REGULARIZATION_LABELS,
  schedule: SCHEDULE_LABELS,
};

/** One setting's value as the page writes it. */
export function settingText(key: keyof ExperimentConfig, c: ExperimentConfig): string {
  const v = c[key];
  const named = NAMED[key];
  if (named && typeof v === 'string') return named[v] ?? v;
  if (key === 'hidden') return c.hidden.length === 0 ? 'none' : c.hidden.join('–');
  if (key === 'features') return c.features.join(', ');
  if (key === 'points') return `${c.points.length} drawn`;
  if (key === 'batchSize') return batchLabel(c.batchSize);
  if (key === 'noise' || key === 'trainPercent') return `${String(v)}%`;
  return String(v);
}

/** The settings (in config order) whose values are not all equal across `configs`. */
export function differingKeys(configs: readonly ExperimentConfig[]): (keyof ExperimentConfig)[] {
  if (configs.length < 2) return [];
  const keys = Object.keys(configs[0]!) as (keyof ExperimentConfig)[];
  return keys.filter(
    (k) => !IGNORED.has(k) && configs.some((c) => JSON.stringify(c[k]) !== JSON.stringify(configs[0]![k])),
  );
}

/** "Learning rate 0.3 · Optimizer Adam": a run named by the given settings (at most `max` of them). */
export function describeBy(c: ExperimentConfig, keys: readonly (keyof ExperimentConfig)[], max = 3): string {
  const parts = keys.slice(0, max).map((k) => `${FIELD_LABELS[k] ?? k} ${settingText(k, c)}`);
  if (keys.length > max) parts.push(`${keys.length - max} more`);
  return parts.join(' · ');
}

/** A run's default name in the list: its dataset, network and learning rate. */
export function defaultRunName(c: ExperimentConfig): string {
  return `${DATASET_LABELS[c.dataset] ?? c.dataset} · ${settingText('hidden', c)} · rate ${c.learningRate}`;
}
