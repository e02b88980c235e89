import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
import { CONFIG_FIELDS, validateConfig, validateField } from '../../src/share/schema.ts';
import { LIMITS } from '../../src/nn/types.ts';

const fieldsOf = (notices: { field: string }[]) => notices.map((n) => n.field);

describe('validateConfig', () => {
  it('fills every missing field from the defaults without a notice', () => {
    const r = validateConfig({});
    expect(r.config).toEqual(DEFAULT_CONFIG);
    expect(r.notices).toEqual([]);
    expect(r.config.hidden).not.toBe(DEFAULT_CONFIG.hidden); // a copy, not the shared default
  });

  it('keeps a valid config as it is', () => {
    const c = {
      ...DEFAULT_CONFIG,
      dataset: 'spiral' as const,
      hidden: [8, 8, 4],
      learningRate: 0.1,
      features: ['x', 'y', 'sinX'] as const,
    };
    const r = validateConfig(c);
    expect(r.config).toEqual({ ...c, features: ['x', 'y', 'sinX'] });
    expect(r.notices).toEqual([]);
  });

  it('ignores unknown keys, including prototype keys', () => {
    const input = JSON.parse('{"__proto__": {"polluted": 1}, "bogus": 3, "dataset": "xor"}') as unknown;
    const r = validateConfig(input);
    expect(r.config.dataset).toBe('xor');
    expect(r.notices).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(r.config).sort()).toEqual([...CONFIG_FIELDS].sort());
  });

  it('replaces each bad value by its default with a notice naming the field', () => {
    const r = validateConfig({
      dataset: 'moon',
      activation: 7,
      learningRate: 'fast',
      showTestData: 'yes',
      seed: -1,
      speed: 'fast',
    });
    expect(r.config.dataset).toBe(DEFAULT_CONFIG.dataset);
    expect(r.config.activation).toBe(DEFAULT_CONFIG.activation);
    expect(r.config.learningRate).toBe(DEFAULT_CONFIG.learningRate);
    expect(r.config.showTestData).toBe(DEFAULT_CONFIG.showTestData);
    expect(r.config.seed).toBe(DEFAULT_CONFIG.seed);
    expect(r.config.speed).toBe(DEFAULT_CONFIG.speed);
    expect(fieldsOf(r.notices).sort()).toEqual([
      'activation',
      'dataset',
      'learningRate',
      'seed',
      'showTestData',
      'speed',
    ]);
    const lr = r.notices.find((n) => n.field === 'learningRate')!;
    expect(lr.message).toMatch(/^learningRate: "fast" is not a number from 0.000001 to 10; using 0.03\.$/);
  });

  it('rejects NaN and infinities, clamps huge and tiny rates with a notice', () => {
    expect(validateConfig({ learningRate: NaN }).config.learningRate).toBe(0.03);
    expect(validateConfig({ learningRate: Infinity }).config.learningRate).toBe(0.03);
    const big = validateConfig({ learningRate: 1e308, regularizationRate: -5, noise: 99 });
    expect(big.config.learningRate).toBe(LIMITS.learningRate.max);
    expect(big.config.regularizationRate).toBe(0);
    expect(big.config.noise).toBe(50);
    expect(fieldsOf(big.notices).sort()).toEqual(['learningRate', 'noise', 'regularizationRate']);
    expect(big.notices[0]!.message).toContain('clamped');
  });

  it('clamps and rounds sizes', () => {
    const r = validateConfig({
      hidden: [100, 0, 3.6, 4, 4, 4, 4, 4, 4, 4, 4],
      batchSize: 2.5,
      samples: 1e9,
      classes: 1,
    });
    expect(r.config.hidden).toEqual([16, 1, 4, 4, 4, 4, 4, 4]);
    expect(r.config.batchSize).toBe(3);
    expect(r.config.samples).toBe(LIMITS.samples.max);
    expect(r.config.classes).toBe(LIMITS.classes.min);
    const hidden = r.notices.find((n) => n.field === 'hidden')!;
    expect(hidden.message).toContain('kept the first 8 of 11 layers');
    expect(r.notices.find((n) => n.field === 'batchSize')!.message).toContain('rounded');
  });

  it('a huge layer list is refused, not iterated', () => {
    const r = validateConfig({ hidden: new Array(1_000_000).fill(16) });
    expect(r.config.hidden).toEqual(DEFAULT_CONFIG.hidden);
    expect(fieldsOf(r.notices)).toEqual(['hidden']);
  });

  it('drops unknown and repeated features; none left gives the default', () => {
    const r = validateConfig({ features: ['x', 'x', 'z', 'sinY'] });
    expect(r.config.features).toEqual(['x', 'sinY']);
    expect(r.notices[0]!.message).toContain('unknown feature');
    const none = validateConfig({ features: ['<script>'] });
    expect(none.config.features).toEqual(['x', 'y']);
    expect(none.notices[0]!.field).toBe('features');
  });

  it('makes dataset, problem and loss agree', () => {
    const r = validateConfig({ dataset: 'regPlane', problem: 'classification', loss: 'bce' });
    expect(r.config.problem).toBe('regression');
    expect(r.config.loss).toBe('mse');
    expect(fieldsOf(r.notices)).toEqual(['problem', 'loss']);
    const m = validateConfig({ dataset: 'blobs', problem: 'multiclass', loss: 'softmaxCe' });
    expect(m.notices).toEqual([]);
    const custom = validateConfig({ dataset: 'custom', problem: 'regression', loss: 'huber' });
    expect(custom.config.problem).toBe('regression');
    expect(custom.notices).toEqual([]);
  });

  it('keeps good points, drops malformed or out-of-range ones with a notice', () => {
    const r = validateConfig({
      dataset: 'custom',
      points: [
        { x: 1, y: 2, label: 1 },
        { x: 9, y: 0, label: 0 },
        { x: 'a', y: 0, label: 0 },
        { x: 0, y: 0, label: 3 },
        null,
      ],
    });
    expect(r.config.points).toEqual([{ x: 1, y: 2, label: 1 }]);
    expect(fieldsOf(r.notices)).toEqual(['points', 'points']);
    expect(r.notices[0]!.message).toContain('dropped 3 malformed points');
    expect(r.notices[1]!.message).toContain('dropped 1 point whose label is not class 0 to 1');
  });

  it('never throws on odd input', () => {
    for (const input of [
      null,
      undefined,
      3,
      'x',
      [],
      [1, 2],
      new Date(0),
      () => 1,
      Symbol('s'),
      { hidden: { length: 5 } },
    ]) {
      const r = validateConfig(input);
      expect(r.config).toBeTruthy();
    }
    expect(validateConfig(null).notices[0]!.field).toBe('config');
    const getter = Object.defineProperty({}, 'dataset', {
      get: () => {
        throw new Error('boom');
      },
      enumerable: true,
    });
    expect(validateConfig(getter).config).toEqual(DEFAULT_CONFIG);
  });

  it('describes rejected text briefly and without control characters', () => {
    const r = validateField('theme', `${'a'.repeat(100)}\u0000`);
    expect(r.notice!.message.length).toBeLessThan(200);
    expect(r.notice!.message).not.toContain('\u0000');
  });
});
