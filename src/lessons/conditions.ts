/**
 * A lesson task's conditions: pure predicates over what the page shows (the experiment, the run's
 * numbers and, for the "Under the hood" lessons, the panel's state). A task is met when every one
 * of its conditions holds; the panel checks it on every store change (live).
 *
 * One table, CONDITIONS, gives each kind its value type, its words for people ("Test loss below
 * 0.05") and its test; the schema, the panel and the teacher's editor all read it.
 */
import {
  DATASETS,
  FEATURES,
  HIDDEN_ACTIVATIONS,
  LOSSES,
  OPTIMIZERS,
  REGULARIZATIONS,
  type FeatureName,
} from '../nn/types.ts';
import { LOSS_LABELS, type ExperimentConfig } from '../share/config.ts';
import {
  ACTIVATION_LABELS,
  DATASET_LABELS,
  FEATURE_LABELS,
  OPTIMIZER_LABELS,
  REGULARIZATION_LABELS,
} from '../ui/labels.ts';

/** What a task looks at; built by the panel from the stores (see src/lessons/apply.ts for `hood`). */
export interface LessonRunState {
  config: ExperimentConfig;
  run: {
    status: string;
    epoch: number;
    trainLoss: number | null;
    testLoss: number | null;
    trainAccuracy: number | null;
    testAccuracy: number | null;
  };
  /** The "Under the hood" panel: null when the branch that builds it is not in this build. */
  hood: { open: boolean; tab: string; phase: string | null; breakKind: string } | null;
}

type ValueKind =
  | { type: 'number'; min: number; max: number }
  | { type: 'integer'; min: number; max: number }
  | { type: 'choice'; options: readonly string[] }
  | { type: 'none' };

interface ConditionDef {
  value: ValueKind;
  /** "Test loss below 0.05": the task's words. */
  label: (value: number | string) => string;
  test: (s: LessonRunState, value: number | string) => boolean;
}

const num = (min: number, max: number): ValueKind => ({ type: 'number', min, max });
const int = (min: number, max: number): ValueKind => ({ type: 'integer', min, max });
const choice = (options: readonly string[]): ValueKind => ({ type: 'choice', options });
const lossOf = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
const n = (v: number | string) => Number(v);
/** The page's word for an id ("x²" for x2); the id itself when there is none (the editor's "…"). */
const word = (labels: Readonly<Record<string, string>>, v: number | string) => labels[String(v)] ?? String(v);

export const CONDITIONS = {
  testLossBelow: {
    value: num(0, 10),
    label: (v) => `Test loss below ${v}`,
    test: (s, v) => (lossOf(s.run.testLoss) ?? Infinity) < n(v),
  },
  testLossAbove: {
    value: num(0, 10),
    label: (v) => `Test loss above ${v}`,
    test: (s, v) => (lossOf(s.run.testLoss) ?? -Infinity) > n(v),
  },
  trainLossBelow: {
    value: num(0, 10),
    label: (v) => `Train loss below ${v}`,
    test: (s, v) => (lossOf(s.run.trainLoss) ?? Infinity) < n(v),
  },
  trainLossAbove: {
    value: num(0, 10),
    label: (v) => `Train loss above ${v}`,
    test: (s, v) => (lossOf(s.run.trainLoss) ?? -Infinity) > n(v),
  },
  /** Overfitting: the test loss is at least this much above the train loss. */
  lossGapAtLeast: {
    value: num(0, 10),
    label: (v) => `Test loss at least ${v} above train loss`,
    test: (s, v) => {
      const tr = lossOf(s.run.trainLoss);
      const te = lossOf(s.run.testLoss);
      return tr !== null && te !== null && te - tr >= n(v);
    },
  },
  testAccuracyAtLeast: {
    value: num(0, 1),
    label: (v) => `Test accuracy at least ${Math.round(n(v) * 100)}%`,
    test: (s, v) => (s.run.testAccuracy ?? -1) >= n(v),
  },
  epochAtLeast: {
    value: int(0, 1_000_000),
    label: (v) => `Epoch at least ${v}`,
    test: (s, v) => s.run.epoch >= n(v),
  },
  diverged: {
    value: { type: 'none' },
    label: () => 'The run diverged',
    test: (s) => s.run.status === 'diverged',
  },
  hiddenLayersEqual: {
    value: int(0, 8),
    label: (v) => `Hidden layers equal ${v}`,
    test: (s, v) => s.config.hidden.length === n(v),
  },
  hiddenLayersAtLeast: {
    value: int(0, 8),
    label: (v) => `Hidden layers at least ${v}`,
    test: (s, v) => s.config.hidden.length >= n(v),
  },
  learningRateAtLeast: {
    value: num(0, 10),
    label: (v) => `Learning rate at least ${v}`,
    test: (s, v) => s.config.learningRate >= n(v),
  },
  learningRateAtMost: {
    value: num(0, 10),
    label: (v) => `Learning rate at most ${v}`,
    test: (s, v) => s.config.learningRate <= n(v),
  },
  featureOn: {
    value: choice(FEATURES),
    label: (v) => `Feature ${word(FEATURE_LABELS, v)} on`,
    test: (s, v) => s.config.features.includes(v as FeatureName),
  },
  featureOff: {
    value: choice(FEATURES),
    label: (v) => `Feature ${word(FEATURE_LABELS, v)} off`,
    test: (s, v) => !s.config.features.includes(v as FeatureName),
  },
  datasetIs: {
    value: choice(DATASETS),
    label: (v) => `Dataset is ${word(DATASET_LABELS, v)}`,
    test: (s, v) => s.config.dataset === v,
  },
  optimizerIs: {
    value: choice(OPTIMIZERS),
    label: (v) => `Optimizer is ${word(OPTIMIZER_LABELS, v)}`,
    test: (s, v) => s.config.optimizer === v,
  },
  activationIs: {
    value: choice(HIDDEN_ACTIVATIONS),
    label: (v) => `Activation is ${word(ACTIVATION_LABELS, v)}`,
    test: (s, v) => s.config.activation === v,
  },
  lossIs: {
    value: choice(LOSSES),
    label: (v) => `Loss is ${word(LOSS_LABELS, v)}`,
    test: (s, v) => s.config.loss === v,
  },
  regularizationIs: {
    value: choice(REGULARIZATIONS),
    label: (v) => `Regularization is ${word(REGULARIZATION_LABELS, v)}`,
    test: (s, v) => s.config.regularization === v,
  },
  dropoutAtLeast: {
    value: num(0, 0.9),
    label: (v) => `Dropout at least ${v}`,
    test: (s, v) => s.config.dropout >= n(v),
  },
  classesAtLeast: {
    value: int(2, 6),
    label: (v) => `Classes at least ${v}`,
    test: (s, v) => s.config.problem === 'multiclass' && s.config.classes >= n(v),
  },
  hoodOpen: {
    value: choice(['step', 'check', 'space']),
    label: (v) => `“Under the hood” open on ${v === 'check' ? 'Gradient check' : v === 'space' ? 'Space' : 'Step'}`,
    test: (s, v) => s.hood !== null && s.hood.open && s.hood.tab === v,
  },
  hoodPhase: {
    value: choice(['forward', 'loss', 'backward', 'gradients', 'update']),
    label: (v) => `“Under the hood” shows the ${v} phase`,
    test: (s, v) => s.hood !== null && s.hood.open && s.hood.phase === v,
  },
  backpropFixed: {
    value: { type: 'none' },
    label: () => 'Backprop is fixed',
    test: (s) => s.hood !== null && s.hood.breakKind === 'none',
  },
} satisfies Record<string, ConditionDef>;

export type ConditionKind = keyof typeof CONDITIONS;
export const CONDITION_KINDS = Object.keys(CONDITIONS) as [ConditionKind, ...ConditionKind[]];

export interface Condition {
  kind: ConditionKind;
  /** Omitted for kinds that take none ('diverged', 'backpropFixed'). */
  value?: number | string;
}

/** A task: every condition must hold (at most MAX_CONDITIONS). */
export type Task = Condition[];
export const MAX_CONDITIONS = 4;

function def(kind: ConditionKind): ConditionDef {
  return CONDITIONS[kind] as ConditionDef;
}

export function conditionValueKind(kind: ConditionKind): ValueKind {
  return def(kind).value;
}

export function conditionLabel(c: Condition): string {
  return def(c.kind).label(c.value ?? '');
}

export function taskLabel(task: Task): string {
  return task.map(conditionLabel).join(' and ');
}

export function conditionMet(c: Condition, s: LessonRunState): boolean {
  return def(c.kind).test(s, c.value ?? '');
}

/** Met when every condition holds; an empty task is never "done" (it has nothing to do). */
export function taskMet(task: Task, s: LessonRunState): boolean {
  return task.length > 0 && task.every((c) => conditionMet(c, s));
}

/** A value the kind accepts, or null (the schema's per-kind check). */
export function checkConditionValue(kind: ConditionKind, value: unknown): number | string | undefined | null {
  const v = def(kind).value;
  switch (v.type) {
    case 'none':
      return undefined;
    case 'choice':
      return typeof value === 'string' && v.options.includes(value) ? value : null;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= v.min && value <= v.max ? value : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= v.min && value <= v.max ? value : null;
  }
}
