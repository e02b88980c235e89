import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeFeatures, featureLabel } from '../../src/nn/features.ts';
import { FEATURES, type FeatureName } from '../../src/nn/types.ts';

const pts = Float64Array.from([1, 2, -3, 0.5, 0, 0]);

describe('computeFeatures', () => {
  it('computes every feature for a few points, sample-major in the order given', () => {
    const out = computeFeatures(pts, [...FEATURES]);
    expect(out.length).toBe(3 * 9);
    const expected = (x: number, y: number) => [
      x,
      y,
      x * x,
      y * y,
      x * y,
      Math.sin(x),
      Math.sin(y),
      Math.cos(x),
      Math.cos(y),
    ];
    expect(Array.from(out.subarray(0, 9))).toEqual(expected(1, 2));
    expect(Array.from(out.subarray(9, 18))).toEqual(expected(-3, 0.5));
    expect(Array.from(out.subarray(18, 27))).toEqual(expected(0, 0));
    // Concrete numbers, not just the formula again.
    expect(out[2]).toBe(1);
    expect(out[9 + 4]).toBe(-1.5);
    expect(out[9 + 5]).toBeCloseTo(-0.1411200080598672, 15);
    expect(out[18 + 7]).toBe(1);
  });

  it('any subset in any order, repeats allowed', () => {
    expect(Array.from(computeFeatures(pts, ['xy', 'x']))).toEqual([2, 1, -1.5, -3, 0, 0]);
    expect(Array.from(computeFeatures(pts, ['y2']))).toEqual([4, 0.25, 0]);
    expect(Array.from(computeFeatures(pts, ['y', 'y']))).toEqual([2, 2, 0.5, 0.5, 0, 0]);
    expect(computeFeatures(pts, []).length).toBe(0);
  });

  it('writes into the given buffer and returns it (no allocation), leaving the rest alone', () => {
    const out = new Float64Array(3 * 2 + 1).fill(7);
    const r = computeFeatures(pts, ['x', 'cosY'], out);
    expect(r).toBe(out);
    expect(Array.from(out.subarray(0, 6))).toEqual([1, Math.cos(2), -3, Math.cos(0.5), 0, 1]);
    expect(out[6]).toBe(7);
  });

  it('rejects a short buffer, an odd point array and an unknown feature', () => {
    expect(() => computeFeatures(pts, ['x', 'y'], new Float64Array(5))).toThrow(/too short/);
    expect(() => computeFeatures(Float64Array.from([1, 2, 3]), ['x'])).toThrow(/pairs/);
    expect(() => computeFeatures(pts, ['z' as FeatureName])).toThrow(/Unknown feature: z/);
  });

  it('property: each column equals its feature computed alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -6, max: 6, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.array(fc.constantFrom(...FEATURES), { minLength: 1, maxLength: 9 }),
        (coords, feats) => {
          const p = Float64Array.from(coords.slice(0, coords.length & ~1));
          const all = computeFeatures(p, feats);
          const d = feats.length;
          return feats.every((f, j) => {
            const alone = computeFeatures(p, [f]);
            return alone.every((v, i) => Object.is(v, all[i * d + j]));
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('featureLabel', () => {
  it('gives the display labels', () => {
    expect(FEATURES.map(featureLabel)).toEqual(['x', 'y', 'x²', 'y²', 'xy', 'sin x', 'sin y', 'cos x', 'cos y']);
    expect(() => featureLabel('nope' as FeatureName)).toThrow(/Unknown feature/);
  });
});
