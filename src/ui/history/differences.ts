/**
 * What differs between runs' settings, in the page's words: "Learning rate 0.3", "Optimizer Adam".
 * The history overlay's legend names each run by the settings in which the picked runs differ.
 * The settings compared and their values as text are Compare's (compare/configDiff.ts): one definition.
 */
import type { ExperimentConfig } from '../../share/config.ts';
import { DIFF_KEYS, valueText, type DiffKey } from '../compare/configDiff.ts';
import { DATASET_LABELS, FIELD_LABELS } from '../labels.ts';

/** The settings (in the page's order) whose values are not all equal across `configs`. */
export function differingKeys(configs: readonly ExperimentConfig[]): DiffKey[] {
  if (configs.length < 2) return [];
  const first = configs[0]!;
  return DIFF_KEYS.filter((k) => configs.some((c) => JSON.stringify(c[k]) !== JSON.stringify(first[k])));
}

/** "Learning rate 0.3 · Optimizer Adam": a run named by the given settings (at most `max` of them). */
export function describeBy(c: ExperimentConfig, keys: readonly DiffKey[], max = 3): string {
  const parts = keys.slice(0, max).map((k) => `${FIELD_LABELS[k] ?? k} ${valueText(k, c)}`);
  if (keys.length > max) parts.push(`${keys.length - max} more`);
  return parts.join(' · ');
}

/** A run's default name in the list: its dataset, network and learning rate. */
export function defaultRunName(c: ExperimentConfig): string {
  return `${DATASET_LABELS[c.dataset] ?? c.dataset} · ${valueText('hidden', c)} · rate ${c.learningRate}`;
}
