import { describe, expect, it } from 'vitest';
import { nearestSample, pointOf } from '../../src/explain/nearest.ts';

// Five training points; the minibatch holds rows 4, 1, 3 (in that order).
const points = Float64Array.of(0, 0, 1, 1, -2, 3, 4, -4, 2.5, 2.5);
const rows = Int32Array.of(4, 1, 3, 0, 0);

describe('nearestSample', () => {
  it('picks the minibatch sample whose point is nearest, by its place in the minibatch', () => {
    expect(nearestSample(points, rows, 3, 1.1, 0.9, 0.3)).toEqual({
      sample: 1,
      distance: Math.hypot(0.1, 0.1),
      near: true,
    });
    expect(nearestSample(points, rows, 3, 2.4, 2.6, 0.3)?.sample).toBe(0);
  });

  it('ignores training points outside the minibatch and rows past m', () => {
    // (0, 0) is row 0: in `rows` only past m = 3, so the nearest sample is row 1's (1, 1), not near.
    const p = nearestSample(points, rows, 3, 0, 0, 0.3)!;
    expect(p.sample).toBe(1);
    expect(p.near).toBe(false);
    expect(p.distance).toBeCloseTo(Math.SQRT2, 12);
  });

  it('counts a point exactly at the radius as near, and breaks ties toward the first sample', () => {
    expect(nearestSample(points, rows, 3, 1, 1.5, 0.5)?.near).toBe(true);
    // (1.75, 1.75) is as far from (1, 1) as from (2.5, 2.5): sample 0 (row 4) comes first.
    expect(nearestSample(points, rows, 3, 1.75, 1.75, 0.1)?.sample).toBe(0);
  });

  it('returns null for an empty minibatch', () => {
    expect(nearestSample(points, rows, 0, 0, 0, 1)).toBeNull();
  });

  it('reads a training row as a point', () => {
    expect(pointOf(points, 3)).toEqual({ x: 4, y: -4 });
  });
});
