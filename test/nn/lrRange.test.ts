import { describe, expect, it } from 'vitest';
import {
  exploded,
  MAX_RATE,
  MIN_RATE,
  nearestOffered,
  rangeRate,
  smoothLosses,
  suggestRate,
} from '../../src/nn/lrRange.ts';
import { LEARNING_RATES } from '../../src/ui/labels.ts';

describe('learning-rate range test', () => {
  it('grows the rate exponentially from 1e-5 to 10', () => {
    expect(rangeRate(0, 300)).toBeCloseTo(MIN_RATE, 15);
    expect(rangeRate(299, 300)).toBeCloseTo(MAX_RATE, 9);
    const r = [rangeRate(10, 300), rangeRate(11, 300), rangeRate(12, 300)];
    expect(r[1]! / r[0]!).toBeCloseTo(r[2]! / r[1]!, 12);
  });

  it('suggests the rate where the loss falls fastest: a known curve with its steepest point at 0.01', () => {
    // loss = 1 − tanh(2·(log10 rate + 2)) until it blows up past 1: steepest at log10 rate = −2.
    const rates = Array.from({ length: 300 }, (_, i) => rangeRate(i, 300));
    const losses = rates.map((r) => {
      const x = Math.log10(r);
      return x < 0 ? 1 - Math.tanh(2 * (x + 2)) : 1e3 * x + 0.04;
    });
    const s = suggestRate(rates, losses)!;
    expect(Math.abs(Math.log10(s) - -2)).toBeLessThan(0.03);
    expect(nearestOffered(s, LEARNING_RATES)).toBe(0.01);
  });

  it('smoothing lags the raw curve but finds the same place within a few steps', () => {
    const rates = Array.from({ length: 300 }, (_, i) => rangeRate(i, 300));
    const losses = rates.map((r) => 1 - Math.tanh(2 * (Math.log10(r) + 3)));
    const s = suggestRate(rates, smoothLosses(losses))!;
    // The EMA (β = 0.98) delays by about 1/(1 − β) = 50 steps = 1 decade at most; the answer lies between.
    expect(Math.log10(s)).toBeGreaterThan(-3.05);
    expect(Math.log10(s)).toBeLessThan(-1.9);
  });

  it('stops when the smoothed loss is more than 4× its lowest, or not a number', () => {
    expect(exploded(0.5, 0.2)).toBe(false);
    expect(exploded(0.81, 0.2)).toBe(true);
    expect(exploded(NaN, 0.2)).toBe(true);
    expect(suggestRate([1, 2], [1, 0.5])).toBeNull();
  });

  it('rounds to an offered rate on a log scale', () => {
    expect(nearestOffered(0.02, LEARNING_RATES)).toBe(0.03);
    expect(nearestOffered(0.0049, LEARNING_RATES)).toBe(0.003);
    expect(nearestOffered(40, LEARNING_RATES)).toBe(10);
  });
});
