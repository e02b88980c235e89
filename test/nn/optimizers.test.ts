import { describe, expect, it } from 'vitest';
import { clipGradNorm, createOptimizerState, optimizerCode, optimizerStep } from '../../src/nn/optimizers.ts';
import { scheduledRate, SCHEDULE_PARAMS } from '../../src/nn/schedules.ts';

const H = { momentum: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

describe('optimizers (PyTorch conventions)', () => {
  it('sgd: p −= lr·g', () => {
    const p = Float64Array.of(1, -2);
    optimizerStep(optimizerCode('sgd'), p, Float64Array.of(0.5, -1), createOptimizerState(2), 0.1, H);
    expect(Array.from(p)).toEqual([1 - 0.05, -2 + 0.1]);
  });

  it('momentum: v = mu·v + g; p −= lr·v', () => {
    const p = Float64Array.of(1);
    const s = createOptimizerState(1);
    const g = Float64Array.of(2);
    optimizerStep(optimizerCode('momentum'), p, g, s, 0.1, H); // v = 2, p = 0.8
    optimizerStep(optimizerCode('momentum'), p, g, s, 0.1, H); // v = 3.8, p = 0.42
    expect(s.m[0]).toBeCloseTo(3.8, 15);
    expect(p[0]).toBeCloseTo(0.42, 15);
  });

  it('adam: bias-corrected moments; the first step moves each parameter by about lr', () => {
    const p = Float64Array.of(1, 1);
    const s = createOptimizerState(2);
    optimizerStep(optimizerCode('adam'), p, Float64Array.of(3, -0.001), s, 0.01, H);
    expect(s.t).toBe(1);
    expect(p[0]).toBeCloseTo(1 - 0.01 * (3 / (3 + 1e-8)), 15);
    expect(p[1]).toBeCloseTo(1 + 0.01 * (0.001 / (0.001 + 1e-8)), 15);
    // Second step by hand.
    const g = 1;
    const m = 0.9 * s.m[0]! + 0.1 * g;
    const v = 0.999 * s.v[0]! + 0.001 * g * g;
    const expected = p[0]! - (0.01 * (m / (1 - 0.9 ** 2))) / (Math.sqrt(v / (1 - 0.999 ** 2)) + 1e-8);
    optimizerStep(optimizerCode('adam'), p, Float64Array.of(g, 0), s, 0.01, H);
    expect(p[0]).toBeCloseTo(expected, 15);
  });

  it('clipping by global norm scales every gradient by maxNorm/‖g‖, and leaves small ones alone', () => {
    const g = Float64Array.of(3, 4);
    expect(clipGradNorm(g, 1)).toBe(5);
    expect(Math.hypot(g[0]!, g[1]!)).toBeCloseTo(1, 6);
    expect(g[0]! / g[1]!).toBeCloseTo(0.75, 12);
    const small = Float64Array.of(0.3, 0.4);
    clipGradNorm(small, 1);
    expect(Array.from(small)).toEqual([0.3, 0.4]);
    clipGradNorm(g.fill(10), 0); // 0 = off
    expect(Array.from(g)).toEqual([10, 10]);
  });
});

describe('learning-rate schedules', () => {
  it('constant keeps the rate', () => {
    expect(scheduledRate('constant', 0.3, 12345)).toBe(0.3);
  });
  it('step halves every SCHEDULE_PARAMS.step.every epochs', () => {
    const k = SCHEDULE_PARAMS.step.every;
    expect(scheduledRate('step', 0.4, 0)).toBe(0.4);
    expect(scheduledRate('step', 0.4, k - 1)).toBe(0.4);
    expect(scheduledRate('step', 0.4, k)).toBe(0.2);
    expect(scheduledRate('step', 0.4, 3 * k)).toBe(0.05);
  });
  it('exponential multiplies by the factor each epoch', () => {
    expect(scheduledRate('exponential', 1, 0)).toBe(1);
    expect(scheduledRate('exponential', 1, 10)).toBeCloseTo(SCHEDULE_PARAMS.exponential.factor ** 10, 14);
  });
  it('cosine anneals from lr to floor·lr over a period, then restarts', () => {
    const { period, floor } = SCHEDULE_PARAMS.cosine;
    expect(scheduledRate('cosine', 2, 0)).toBe(2);
    expect(scheduledRate('cosine', 2, period / 2)).toBeCloseTo(2 * (floor + (1 - floor) / 2), 12);
    expect(scheduledRate('cosine', 2, period - 1)).toBeLessThan(2 * floor * 1.01 + 1e-3);
    expect(scheduledRate('cosine', 2, period)).toBe(2);
  });
});
