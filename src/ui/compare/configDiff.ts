/**
 * What differs between two runs' settings, in the page's words: "B: learning rate 0.3 instead of
 * 0.03; Adam instead of SGD". Pure; the labels are the page's (labels.ts). The view settings and
 * the speed are left out (both runs share them).
 */
import type { ExperimentConfig } from '../../share/config.ts';
import {
  ACTIVATION_LABELS,
  batchLabel,
  DATASET_LABELS,
  FEATURE_LABELS,
  FIELD_LABELS,
  INIT_LABELS,
  LOSS_LABELS,
  OPTIMIZER_LABELS,
  OUTPUT_LABELS,
  PROBLEM_LABELS,
  REGULARIZATION_LABELS,
  SCHEDULE_LABELS,
} from '../labels.ts';

/** The settings compared, in the order the page shows them. */
export const DIFF_KEYS = [
  'dataset',
  'dataSeed',
  'noise',
  'samples',
  'trainPercent',
  'classes',
  'points',
  'features',
  'hidden',
  'activation',
  'problem',
  'loss',
  'output',
  'init',
  'seed',
  'learningRate',
  'batchSize',
  'optimizer',
  'momentum',
  'regularization',
  'regularizationRate',
  'dropout',
  'schedule',
  'clipNorm',
] as const satisfies readonly (keyof ExperimentConfig)[];
export type DiffKey = (typeof DIFF_KEYS)[number];

/** Settings whose value names itself ("Adam instead of SGD"); the others say their name first. */
const SELF_NAMED: ReadonlySet<DiffKey> = new Set(['optimizer', 'dataset', 'problem']);

/** One setting's value as the page shows it. */
export function valueText(key: DiffKey, c: ExperimentConfig): string {
  switch (key) {
    case 'dataset':
      return DATASET_LABELS[c.dataset];
    case 'features':
      return c.features.length === 0 ? 'none' : c.features.map((f) => FEATURE_LABELS[f]).join(', ');
    case 'hidden':
      return c.hidden.length === 0 ? 'none' : c.hidden.join(', ');
    case 'activation':
      return ACTIVATION_LABELS[c.activation];
    case 'problem':
      return PROBLEM_LABELS[c.problem];
    case 'loss':
      return LOSS_LABELS[c.loss];
    case 'output':
      return OUTPUT_LABELS[c.output];
    case 'init':
      return INIT_LABELS[c.init];
    case 'batchSize':
      return batchLabel(c.batchSize);
    case 'optimizer':
      return OPTIMIZER_LABELS[c.optimizer];
    case 'regularization':
      return REGULARIZATION_LABELS[c.regularization];
    case 'schedule':
      return SCHEDULE_LABELS[c.schedule];
    case 'trainPercent':
    case 'noise':
      return `${c[key]}%`;
    case 'points':
      return `${c.points.length} points`;
    default:
      return String(c[key]);
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Each differing setting as "learning rate 0.3 instead of 0.03" (B's value first). */
export function configDifferences(a: ExperimentConfig, b: ExperimentConfig): string[] {
  const out: string[] = [];
  for (const key of DIFF_KEYS) {
    if (same(a[key], b[key])) continue;
    const change = `${valueText(key, b)} instead of ${valueText(key, a)}`;
    out.push(SELF_NAMED.has(key) ? change : `${(FIELD_LABELS[key] ?? key).toLowerCase()} ${change}`);
  }
  return out;
}

/** The line under the two runs. */
export function describeDifference(a: ExperimentConfig, b: ExperimentConfig): string {
  const d = configDifferences(a, b);
  return d.length === 0 ? 'B: the same settings as A. Change a setting of B to compare.' : `B: ${d.join('; ')}.`;
}
