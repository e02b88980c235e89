/**
 * Property tests of the gate: any link and any JSON decode to a valid config (or a clear
 * rejection), never throw, and each decode stays under a 50 ms safety bound (measured inside the
 * property: a hang or a quadratic blow-up fails, ordinary speed differences do not).
 * 12,000 cases here (and 1,000 more in lz.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DATASETS,
  DOMAIN,
  FEATURES,
  HIDDEN_ACTIVATIONS,
  INITS,
  LIMITS,
  OPTIMIZERS,
  REGULARIZATIONS,
  SCHEDULES,
  type ProblemType,
} from '../../src/nn/types.ts';
import {
  BATCH_ALL,
  DEFAULT_CONFIG,
  ENGINE_MODES,
  lossesFor,
  outputsFor,
  SPEED_RANGE,
  STOP_LIMITS,
  type ExperimentConfig,
} from '../../src/share/config.ts';
import { HIDEABLE_IDS, PANEL_IDS, type ViewState } from '../../src/share/embed.ts';
import { readExperiment, readExperimentFile } from '../../src/share/file.ts';
import { decodeHash, encodeHash, LINK_FIELDS } from '../../src/share/hash.ts';
import { toTfpgMode } from '../../src/share/tfpgMode.ts';
import { problemOf as datasetProblem } from '../../src/nn/data.ts';
import { SHARE_LIMITS, THEMES, validateConfig } from '../../src/share/schema.ts';
import { TF_KEYS } from '../../src/share/tfPlayground.ts';

const BOUND_MS = 50;

const inRange = (v: number, r: { min: number; max: number }) => Number.isFinite(v) && v >= r.min && v <= r.max;
const isInt = (v: number, r: { min: number; max: number }) => Number.isInteger(v) && inRange(v, r);

/** An independent statement of "valid": what the worker may build from without a check. */
function assertValid(c: ExperimentConfig): void {
  expect(Object.keys(c).sort()).toEqual(Object.keys(DEFAULT_CONFIG).sort());
  expect(DATASETS).toContain(c.dataset);
  expect(isInt(c.dataSeed, SHARE_LIMITS.seed) && isInt(c.seed, SHARE_LIMITS.seed)).toBe(true);
  expect(inRange(c.noise, LIMITS.noise) && inRange(c.trainPercent, LIMITS.trainPercent)).toBe(true);
  expect(
    isInt(c.samples, LIMITS.samples) &&
      isInt(c.classes, LIMITS.classes) &&
      (isInt(c.batchSize, LIMITS.batchSize) || c.batchSize === BATCH_ALL),
  ).toBe(true);
  expect(c.features.length >= LIMITS.inputs.min && c.features.length <= LIMITS.inputs.max).toBe(true);
  expect(new Set(c.features).size).toBe(c.features.length);
  for (const f of c.features) expect(FEATURES).toContain(f);
  expect(c.hidden.length).toBeLessThanOrEqual(LIMITS.hiddenLayers.max);
  for (const u of c.hidden) expect(isInt(u, LIMITS.units)).toBe(true);
  expect(HIDDEN_ACTIVATIONS).toContain(c.activation);
  expect(datasetProblem(c.dataset, c.problem)).toBe(c.problem);
  expect(lossesFor(c.problem)).toContain(c.loss);
  expect(outputsFor(c.problem, c.loss)).toContain(c.output);
  expect(INITS).toContain(c.init);
  expect(OPTIMIZERS).toContain(c.optimizer);
  expect(REGULARIZATIONS).toContain(c.regularization);
  expect(SCHEDULES).toContain(c.schedule);
  expect(THEMES).toContain(c.theme);
  expect(ENGINE_MODES).toContain(c.engineMode);
  expect(typeof c.tfSeed === 'string' && c.tfSeed.length <= 64).toBe(true);
  expect(c.speed === 'max' || inRange(c.speed, SPEED_RANGE)).toBe(true);
  expect(c.stopEpoch === null || (Number.isInteger(c.stopEpoch) && inRange(c.stopEpoch, STOP_LIMITS.epoch))).toBe(true);
  expect(c.stopTestLoss === null || inRange(c.stopTestLoss, STOP_LIMITS.testLoss)).toBe(true);
  expect(inRange(c.learningRate, LIMITS.learningRate) && inRange(c.regularizationRate, LIMITS.regularizationRate)).toBe(
    true,
  );
  expect(
    inRange(c.momentum, SHARE_LIMITS.momentum) &&
      inRange(c.dropout, LIMITS.dropout) &&
      inRange(c.clipNorm, LIMITS.clipNorm),
  ).toBe(true);
  expect(typeof c.showTestData === 'boolean' && typeof c.discretize === 'boolean').toBe(true);
  expect(c.points.length).toBeLessThanOrEqual(SHARE_LIMITS.points.max);
  for (const p of c.points) {
    expect(Math.abs(p.x) <= DOMAIN && Math.abs(p.y) <= DOMAIN && Number.isFinite(p.label)).toBe(true);
  }
}

/**
 * Run `fn` (a throw fails the property), return its result and record its time in `max`. A time
 * over the bound is measured twice more and the fastest kept: a real blow-up repeats, a pause of
 * this shared machine (GC, another process on the core) does not.
 */
function timed<T>(fn: () => T, max: { ms: number }): T {
  let t0 = performance.now();
  const out = fn();
  let ms = performance.now() - t0;
  for (let retry = 0; retry < 2 && ms >= BOUND_MS; retry++) {
    t0 = performance.now();
    fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  max.ms = Math.max(max.ms, ms);
  return out;
}

const num = (r: { min: number; max: number }) => fc.double({ min: r.min, max: r.max, noNaN: true }).map((v) => v + 0);
const int = (r: { min: number; max: number }) => fc.integer({ min: r.min, max: r.max });

const validConfig: fc.Arbitrary<ExperimentConfig> = fc
  .record({
    dataset: fc.constantFrom(...DATASETS),
    customProblem: fc.constantFrom<ProblemType>('classification', 'regression', 'multiclass'),
    lossPick: fc.nat(),
    outputPick: fc.nat(),
    dataSeed: int(SHARE_LIMITS.seed),
    noise: num(LIMITS.noise),
    samples: int(LIMITS.samples),
    trainPercent: num(LIMITS.trainPercent),
    classes: int(LIMITS.classes),
    rawPoints: fc.array(
      fc.record({ x: num({ min: -DOMAIN, max: DOMAIN }), y: num({ min: -DOMAIN, max: DOMAIN }), label: fc.nat(5) }),
      { maxLength: 60 },
    ),
    features: fc.uniqueArray(fc.constantFrom(...FEATURES), { minLength: 1, maxLength: 9 }),
    hidden: fc.array(int(LIMITS.units), { maxLength: LIMITS.hiddenLayers.max }),
    activation: fc.constantFrom(...HIDDEN_ACTIVATIONS),
    init: fc.constantFrom(...INITS),
    seed: int(SHARE_LIMITS.seed),
    batchSize: fc.oneof(int(LIMITS.batchSize), fc.constant(BATCH_ALL)),
    optimizer: fc.constantFrom(...OPTIMIZERS),
    learningRate: num(LIMITS.learningRate),
    momentum: num(SHARE_LIMITS.momentum),
    regularization: fc.constantFrom(...REGULARIZATIONS),
    regularizationRate: num(LIMITS.regularizationRate),
    dropout: num(LIMITS.dropout),
    schedule: fc.constantFrom(...SCHEDULES),
    clipNorm: num(LIMITS.clipNorm),
    speed: fc.oneof(fc.constant('max' as const), num(SPEED_RANGE)),
    stopEpoch: fc.option(int(STOP_LIMITS.epoch), { nil: null }),
    stopTestLoss: fc.option(num(STOP_LIMITS.testLoss), { nil: null }),
    showTestData: fc.boolean(),
    discretize: fc.boolean(),
    theme: fc.constantFrom(...THEMES),
    engineMode: fc.constantFrom(...ENGINE_MODES),
    tfSeed: fc.string({ maxLength: 64 }),
  })
  .map(({ customProblem, lossPick, outputPick, rawPoints, ...r }) => {
    const problem = datasetProblem(r.dataset, customProblem);
    const losses = lossesFor(problem);
    const k = problem === 'multiclass' ? r.classes : 2;
    const points = rawPoints.map((p) => ({ ...p, label: problem === 'regression' ? p.label / 4 : p.label % k }));
    const loss = losses[lossPick % losses.length]!;
    const outputs = outputsFor(problem, loss);
    const c = { ...r, problem, loss, output: outputs[outputPick % outputs.length]!, points };
    // In TF Playground's exact mode a valid config is one the mode holds (tfpgMode.ts).
    return c.engineMode === 'tfpg' ? { ...toTfpgMode(c).config, points: [] } : c;
  });

const view: fc.Arbitrary<ViewState> = fc.record({
  hide: fc.uniqueArray(fc.constantFrom(...HIDEABLE_IDS), { maxLength: 6 }),
  views: fc.option(fc.uniqueArray(fc.constantFrom(...PANEL_IDS), { minLength: 1 }), { nil: null }),
  embed: fc.boolean(),
});

/** Text that looks like a link: known keys with hostile values, junk keys, escapes. */
const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e308',
    '-1e308',
    '1e-400',
    '',
    '%',
    '%zz',
    '%00',
    '__proto__',
    'constructor',
  ),
  fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)'),
  fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 40 }).map((a) => a.join(',')),
  fc.double().map(String),
  fc.string({ maxLength: 12000 }).map((s) => s.replace(/[&=]/g, '')),
);
const keys = [
  ...LINK_FIELDS.map(([, k]) => k),
  'v',
  'points',
  'hide',
  'views',
  'embed',
  ...TF_KEYS,
  'lr_hide',
  'x_hide',
  '__proto__',
];
const hostileHash = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string()), hostileValue, fc.boolean()), { maxLength: 30 })
  .map((pairs) => `#${pairs.map(([k, v, escape]) => `${k}=${escape ? encodeURIComponent(v) : v}`).join('&')}`);

describe('link properties', () => {
  it('encode then decode is the identity on valid configs and views (2,000 cases)', () => {
    const max = { ms: 0 };
    fc.assert(
      fc.property(validConfig, view, (config, v) => {
        const enc = encodeHash(config, v);
        const dec = timed(() => decodeHash(enc.hash), max);
        expect(dec.notices).toEqual([]);
        expect(dec.config).toEqual(enc.pointsOmitted ? { ...config, points: [] } : config);
        expect(dec.view.hide).toEqual(HIDEABLE_IDS.filter((id) => v.hide.includes(id)));
        expect(dec.view.views).toEqual(v.views ? PANEL_IDS.filter((p) => v.views!.includes(p)) : null);
        expect(dec.view.embed).toBe(v.embed);
      }),
      { numRuns: 2000 },
    );
    expect(max.ms).toBeLessThan(BOUND_MS);
  });

  it('any string decodes to a valid config, never throws, in bounded time (3,000 cases)', () => {
    const max = { ms: 0 };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 2000 }),
          fc.string({ unit: 'binary', maxLength: 2000 }),
          fc.string({ unit: 'grapheme', maxLength: 500 }),
        ),
        (s) => {
          for (const h of [s, `#${s}`]) {
            const r = timed(() => decodeHash(h), max);
            assertValid(r.config);
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(max.ms).toBeLessThan(BOUND_MS);
  });

  it('hostile key=value links decode to a valid config with notices, never throw (3,000 cases)', () => {
    const max = { ms: 0 };
    fc.assert(
      fc.property(hostileHash, (h) => {
        const r = timed(() => decodeHash(h), max);
        assertValid(r.config);
        for (const n of r.notices) {
          expect(typeof n.field).toBe('string');
          expect(n.message.length).toBeLessThan(400);
        }
        // Whatever came in, the valid result passes the gate again untouched.
        expect(validateConfig(r.config)).toEqual({ config: r.config, notices: [] });
      }),
      { numRuns: 3000 },
    );
    expect(max.ms).toBeLessThan(BOUND_MS);
  });

  it('a megabyte of hash and a points bomb are refused within the bound', () => {
    const max = { ms: 0 };
    const mega = `#v=1&dataset=${'<script>'.repeat(131072)}`;
    expect(timed(() => decodeHash(mega), max).source).toBe('rejected');
    const bomb = `#v=1&dataset=custom&points=${'A'.repeat(15000)}`;
    assertValid(timed(() => decodeHash(bomb), max).config);
    expect(max.ms).toBeLessThan(BOUND_MS);
  });
});

describe('JSON properties', () => {
  it('any JSON value passes the gate to a valid config, never throws, in bounded time (2,000 cases)', () => {
    const max = { ms: 0 };
    const partial = fc.dictionary(
      fc.constantFrom(...Object.keys(DEFAULT_CONFIG), 'bogus', '__proto__'),
      fc.jsonValue({ maxDepth: 3 }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), partial), (json) => {
        const r = timed(() => validateConfig(json), max);
        assertValid(r.config);
        expect(validateConfig(r.config).notices).toEqual([]);
      }),
      { numRuns: 2000 },
    );
    expect(max.ms).toBeLessThan(BOUND_MS);
  });

  it('any JSON as an experiment file gives an experiment or a message, never throws (2,000 cases)', () => {
    const max = { ms: 0 };
    const envelope = fc.record({
      format: fc.constantFrom('nn-playground-experiment', 'other'),
      version: fc.oneof(fc.constant(1), fc.jsonValue()),
      config: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.dictionary(fc.constantFrom(...Object.keys(DEFAULT_CONFIG)), fc.jsonValue({ maxDepth: 2 })),
      ),
      weights: fc.jsonValue({ maxDepth: 4 }),
      biases: fc.jsonValue({ maxDepth: 3 }),
      epoch: fc.jsonValue({ maxDepth: 1 }),
      history: fc.jsonValue({ maxDepth: 3 }),
      trainer: fc.jsonValue({ maxDepth: 3 }),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), envelope), fc.boolean(), (json, asText) => {
        const r = timed(
          () => (asText ? readExperimentFile(JSON.stringify(json) ?? 'undefined') : readExperiment(json)),
          max,
        );
        if (r.ok) assertValid(r.experiment.config);
        else expect(r.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
    expect(max.ms).toBeLessThan(BOUND_MS);
  });
});
