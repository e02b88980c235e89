/**
 * The one gate every experiment passes on its way in (a link, a JSON file, a CSV, a preset):
 * zod checks each field's type, then sizes and rates are clamped to the engine's LIMITS and the
 * fields that must agree (dataset ↔ problem ↔ loss, points ↔ classes) are made to agree.
 *
 * Field by field: a missing field silently takes its default; a bad value takes its default and
 * a notice naming the field; a clamped or rounded value keeps the nearest allowed value and a
 * notice. Unknown keys are ignored. `validateConfig` never throws, whatever it is given.
 */
import { z } from 'zod';
import { problemOf } from '../nn/data.ts';
import {
  DATASETS,
  DOMAIN,
  FEATURES,
  HIDDEN_ACTIVATIONS,
  INITS,
  LIMITS,
  LOSSES,
  OPTIMIZERS,
  OUTPUT_ACTIVATIONS,
  PROBLEMS,
  REGULARIZATIONS,
  SCHEDULES,
  type LossName,
  type OutputActivation,
  type ProblemType,
} from '../nn/types.ts';
import { toTfpgMode } from './tfpgMode.ts';
import {
  BATCH_ALL,
  DEFAULT_CONFIG,
  ENGINE_MODES,
  LOSS_LABELS,
  lossesFor,
  OUTPUT_LABELS,
  outputsFor,
  SPEED_RANGE,
  STOP_LIMITS,
  type DataPoint,
  type ExperimentConfig,
  type Theme,
} from './config.ts';

/** What was changed on the way in, and why. `field` is an ExperimentConfig key (or 'link', 'file', ...). */
export interface ConfigNotice {
  field: string;
  message: string;
}

export interface Validated {
  config: ExperimentConfig;
  notices: ConfigNotice[];
}

/** Bounds of fields the engine's LIMITS do not cover. */
export const SHARE_LIMITS = {
  seed: { min: 0, max: 0xffffffff },
  momentum: { min: 0, max: 0.999 },
  /** Points of the 'custom' dataset. */
  points: { min: 0, max: LIMITS.samples.max },
  /** |label| of a regression point. */
  regressionLabel: { min: -1000, max: 1000 },
} as const;

export const THEMES = ['light', 'dark', 'projector', 'auto'] as const satisfies readonly Theme[];

type Field = keyof ExperimentConfig;

/** A bounded, short, printable rendering of a rejected value for a notice (never the whole input). */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    text = String(value);
  else if (Array.isArray(value)) text = `a list of ${value.length}`;
  else text = `a ${typeof value}`;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

// The built app runs under a CSP without 'unsafe-eval': zod must not try its `new Function` fast path.
z.config({ jitless: true });

const finite = z.number().refine(Number.isFinite);

type Range = { readonly min: number; readonly max: number };

interface Rule {
  /** Type check; a failure means "use the default". */
  schema: z.ZodType;
  /** "a number between 0 and 50": completes "expected …" in a notice. */
  expected: string;
  /** Clamp or round a value that passed the type check; returns the value and, if changed, why. */
  fix?: (value: never) => { value: unknown; note?: string };
}

function numberRange(range: Range, integer: boolean): Rule {
  return {
    schema: finite,
    expected: `${integer ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}`,
    fix: (v: number) => {
      let value = integer ? Math.round(v) : v;
      value = Math.min(range.max, Math.max(range.min, value));
      if (value === v) return { value };
      const how = value !== Math.min(range.max, Math.max(range.min, v)) ? 'rounded' : 'clamped';
      return { value, note: `${how} ${describeValue(v)} to ${value} (allowed: ${range.min} to ${range.max})` };
    },
  };
}

function oneOf<T extends string>(values: readonly [T, ...T[]]): Rule {
  return { schema: z.enum(values), expected: `one of ${values.join(', ')}` };
}

/** 'max', or epochs per second kept within SPEED_RANGE (old links say 1, 10, 100 or max). */
const speedRule: Rule = {
  schema: z.union([z.literal('max'), finite.refine((v) => v > 0)]),
  expected: `max or a number of epochs per second from ${SPEED_RANGE.min} to ${SPEED_RANGE.max}`,
  fix: (v: 'max' | number) => (v === 'max' ? { value: v } : numberRange(SPEED_RANGE, false).fix!(v as never)),
};

/** 1..500, or BATCH_ALL ("All": the whole training set in one batch). */
const batchRule: Rule = {
  schema: finite,
  expected: `a whole number from ${LIMITS.batchSize.min} to ${LIMITS.batchSize.max}, or all`,
  fix: (v: number) => (v === BATCH_ALL ? { value: v } : numberRange(LIMITS.batchSize, true).fix!(v as never)),
};

/** A stop condition: null (off), or a number kept within its range. */
function optionalRange(range: Range, integer: boolean): Rule {
  const inner = numberRange(range, integer);
  return {
    schema: z.union([z.null(), finite]),
    expected: `off (null) or ${inner.expected}`,
    fix: (v: number | null) => (v === null ? { value: v } : inner.fix!(v as never)),
  };
}

const seedRule: Rule = {
  schema: finite.refine((v) => Number.isInteger(v) && v >= SHARE_LIMITS.seed.min && v <= SHARE_LIMITS.seed.max),
  expected: `a whole number from 0 to ${SHARE_LIMITS.seed.max}`,
};

const hiddenRule: Rule = {
  schema: z.array(finite).max(10_000),
  expected: `a list of up to ${LIMITS.hiddenLayers.max} layer sizes from ${LIMITS.units.min} to ${LIMITS.units.max}`,
  fix: (v: number[]) => {
    const u = LIMITS.units;
    const layers = v.slice(0, LIMITS.hiddenLayers.max).map((n) => Math.min(u.max, Math.max(u.min, Math.round(n))));
    const same = layers.length === v.length && layers.every((n, i) => n === v[i]);
    if (same) return { value: layers };
    const notes: string[] = [];
    if (v.length > LIMITS.hiddenLayers.max)
      notes.push(`kept the first ${LIMITS.hiddenLayers.max} of ${v.length} layers`);
    if (layers.some((n, i) => n !== v[i])) notes.push(`layer sizes kept within ${u.min} to ${u.max}`);
    return { value: layers, note: notes.join('; ') };
  },
};

const featuresRule: Rule = {
  schema: z.array(z.unknown()).max(10_000),
  expected: `a list of 1 to ${LIMITS.inputs.max} of ${FEATURES.join(', ')}`,
  fix: (v: unknown[]) => {
    const known: ReadonlySet<unknown> = new Set(FEATURES);
    const kept = [...new Set(v.filter((f) => known.has(f)))] as ExperimentConfig['features'];
    if (kept.length < LIMITS.inputs.min)
      return {
        value: DEFAULT_CONFIG.features,
        note: `no known feature in it; using ${DEFAULT_CONFIG.features.join(', ')}`,
      };
    if (kept.length === v.length) return { value: kept };
    const dropped = v.filter((f) => !known.has(f));
    return {
      value: kept,
      note:
        dropped.length > 0
          ? `ignored ${dropped.length} unknown feature${dropped.length > 1 ? 's' : ''} (${dropped.slice(0, 3).map(describeValue).join(', ')})`
          : 'ignored repeated features',
    };
  },
};

const pointShape = z.object({ x: finite, y: finite, label: finite });

const pointsRule: Rule = {
  schema: z.array(z.unknown()).max(1_000_000),
  expected: `a list of at most ${SHARE_LIMITS.points.max} points {x, y, label} inside [-${DOMAIN}, ${DOMAIN}]`,
  fix: (v: unknown[]) => {
    const kept: DataPoint[] = [];
    let bad = 0;
    for (const p of v) {
      const r = pointShape.safeParse(p);
      if (!r.success || Math.abs(r.data.x) > DOMAIN || Math.abs(r.data.y) > DOMAIN) bad++;
      else if (kept.length < SHARE_LIMITS.points.max) kept.push({ x: r.data.x, y: r.data.y, label: r.data.label });
    }
    const over = v.length - bad - kept.length;
    const notes: string[] = [];
    if (bad > 0)
      notes.push(
        `dropped ${bad} malformed point${bad > 1 ? 's' : ''} (x and y must be numbers in [-${DOMAIN}, ${DOMAIN}])`,
      );
    if (over > 0) notes.push(`kept the first ${SHARE_LIMITS.points.max} points, dropped ${over}`);
    return notes.length > 0 ? { value: kept, note: notes.join('; ') } : { value: kept };
  },
};

const RULES: Record<Field, Rule> = {
  dataset: oneOf(DATASETS),
  dataSeed: seedRule,
  noise: numberRange(LIMITS.noise, false),
  samples: numberRange(LIMITS.samples, true),
  trainPercent: numberRange(LIMITS.trainPercent, false),
  classes: numberRange(LIMITS.classes, true),
  points: pointsRule,
  features: featuresRule,
  hidden: hiddenRule,
  activation: oneOf(HIDDEN_ACTIVATIONS),
  problem: oneOf(PROBLEMS),
  loss: oneOf(LOSSES),
  output: oneOf(OUTPUT_ACTIVATIONS),
  init: oneOf(INITS),
  seed: seedRule,
  batchSize: batchRule,
  optimizer: oneOf(OPTIMIZERS),
  learningRate: numberRange(LIMITS.learningRate, false),
  momentum: numberRange(SHARE_LIMITS.momentum, false),
  regularization: oneOf(REGULARIZATIONS),
  regularizationRate: numberRange(LIMITS.regularizationRate, false),
  dropout: numberRange(LIMITS.dropout, false),
  schedule: oneOf(SCHEDULES),
  clipNorm: numberRange(LIMITS.clipNorm, false),
  speed: speedRule,
  stopEpoch: optionalRange(STOP_LIMITS.epoch, true),
  stopTestLoss: optionalRange(STOP_LIMITS.testLoss, false),
  showTestData: { schema: z.boolean(), expected: 'true or false' },
  discretize: { schema: z.boolean(), expected: 'true or false' },
  theme: oneOf(THEMES),
  engineMode: oneOf(ENGINE_MODES),
  tfSeed: { schema: z.string().max(64), expected: 'a seed text of at most 64 characters' },
};

/** Every config field, in the order links and files write them. */
export const CONFIG_FIELDS = Object.keys(DEFAULT_CONFIG) as Field[];

function isRecord(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/** Check one field; the value to use and, if it was not taken as given, a notice. */
export function validateField<K extends Field>(
  field: K,
  value: unknown,
): { value: ExperimentConfig[K]; notice?: ConfigNotice } {
  const rule = RULES[field];
  const fallback = DEFAULT_CONFIG[field];
  const parsed = rule.schema.safeParse(value);
  if (!parsed.success) {
    const shown = Array.isArray(fallback) ? fallback.join(',') || 'none' : String(fallback);
    return {
      value: fallback,
      notice: { field, message: `${field}: ${describeValue(value)} is not ${rule.expected}; using ${shown}.` },
    };
  }
  if (!rule.fix) return { value: parsed.data as ExperimentConfig[K] };
  const fixed = rule.fix(parsed.data as never);
  const out = { value: fixed.value as ExperimentConfig[K] };
  return fixed.note ? { ...out, notice: { field, message: `${field}: ${fixed.note}.` } } : out;
}

/**
 * Any value in, a valid ExperimentConfig out. Non-objects give the defaults and one notice.
 * `base` supplies values for missing fields (default: DEFAULT_CONFIG).
 */
export function validateConfig(input: unknown, base: ExperimentConfig = DEFAULT_CONFIG): Validated {
  const notices: ConfigNotice[] = [];
  try {
    if (!isRecord(input)) {
      notices.push({
        field: 'config',
        message: `The experiment is not an object (${describeValue(input)}); using the defaults.`,
      });
      return { config: cloneConfig(base), notices };
    }
    const out: Record<string, unknown> = {};
    let output: unknown;
    for (const field of CONFIG_FIELDS) {
      const raw = Object.prototype.hasOwnProperty.call(input, field) ? input[field] : undefined;
      if (field === 'output') {
        output = raw; // judged against the loss, once the loss is known (makeCoherent)
        out[field] = base.output;
        continue;
      }
      if (raw === undefined) {
        out[field] = cloneValue(base[field]);
        continue;
      }
      const r = validateField(field, raw);
      out[field] = r.value;
      if (r.notice) notices.push(r.notice);
    }
    return { config: makeCoherent(out as unknown as ExperimentConfig, output, notices), notices };
  } catch (err) {
    // Unreachable by design (every step above is total); kept so the gate's promise holds.
    notices.push({
      field: 'config',
      message: `The experiment could not be read (${describeValue(String(err))}); using the defaults.`,
    });
    return { config: cloneConfig(DEFAULT_CONFIG), notices };
  }
}

/**
 * The output activation, given (`raw`) or not, for a loss already checked: a missing one takes
 * the pair's default silently (links and files from before the field existed mean exactly that);
 * a given one the pair does not allow takes the default and a notice.
 */
function checkOutput(problem: ProblemType, loss: LossName, raw: unknown, notices: ConfigNotice[]): OutputActivation {
  const allowed = outputsFor(problem, loss);
  const fallback = allowed[0]!;
  if (raw === undefined) return fallback;
  if (allowed.includes(raw as OutputActivation)) return raw as OutputActivation;
  const known = (OUTPUT_ACTIVATIONS as readonly unknown[]).includes(raw);
  const names = allowed.map((a) => OUTPUT_LABELS[a]).join(', ');
  const message = known
    ? `Output: ${OUTPUT_LABELS[raw as OutputActivation]} does not work with ${LOSS_LABELS[loss]} on a ${problem} problem (it can be ${names}); using ${OUTPUT_LABELS[fallback]}.`
    : `Output: ${describeValue(raw)} is not an output activation (${OUTPUT_ACTIVATIONS.map((a) => OUTPUT_LABELS[a]).join(', ')}); using ${OUTPUT_LABELS[fallback]}.`;
  notices.push({ field: 'output', message });
  return fallback;
}

/** Dataset ↔ problem ↔ loss ↔ output, and custom points ↔ problem and classes. */
function makeCoherent(c: ExperimentConfig, output: unknown, notices: ConfigNotice[]): ExperimentConfig {
  const problem = problemOf(c.dataset, c.problem);
  if (problem !== c.problem) {
    notices.push({
      field: 'problem',
      message: `problem: dataset ${c.dataset} is a ${problem} problem, not ${c.problem}; using ${problem}.`,
    });
    c.problem = problem;
  }
  const losses = lossesFor(c.problem);
  if (!losses.includes(c.loss)) {
    notices.push({ field: 'loss', message: `loss: ${c.loss} does not apply to ${c.problem}; using ${losses[0]}.` });
    c.loss = losses[0]!;
  }
  c.output = checkOutput(c.problem, c.loss, output, notices);
  if (c.points.length > 0) {
    const k = c.problem === 'multiclass' ? c.classes : 2;
    const r = SHARE_LIMITS.regressionLabel;
    const fits = (p: DataPoint) =>
      c.problem === 'regression'
        ? p.label >= r.min && p.label <= r.max
        : Number.isInteger(p.label) && p.label >= 0 && p.label < k;
    const kept = c.points.filter(fits);
    if (kept.length < c.points.length) {
      const n = c.points.length - kept.length;
      const want = c.problem === 'regression' ? `values from ${r.min} to ${r.max}` : `class 0 to ${k - 1}`;
      notices.push({
        field: 'points',
        message: `points: dropped ${n} point${n > 1 ? 's' : ''} whose label is not ${want} (${c.problem}).`,
      });
      c.points = kept;
    }
  }
  if (c.engineMode === 'tfpg') {
    const t = toTfpgMode(c);
    for (const change of t.changes) notices.push({ field: change.field, message: change.message });
    return t.config;
  }
  return c;
}

function cloneValue<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x: unknown) => (typeof x === 'object' && x !== null ? { ...x } : x)) as T;
  return v;
}

export function cloneConfig(c: ExperimentConfig): ExperimentConfig {
  const out = { ...c };
  out.points = c.points.map((p) => ({ ...p }));
  out.features = [...c.features];
  out.hidden = [...c.hidden];
  return out;
}
