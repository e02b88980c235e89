import { describe, expect, it } from 'vitest';
import { featurePreview } from '../../src/viz/featurePreview.ts';

describe('feature previews', () => {
  it('x grows to the right, y grows upwards, both scaled into [-1, 1]', () => {
    // cell centres at x = -4.5, -1.5, 1.5, 4.5; the largest |x| (4.5) maps to 1
    const x = featurePreview('x', 4);
    Array.from(x.slice(0, 4)).forEach((v, i) => expect(v).toBeCloseTo([-1, -1 / 3, 1 / 3, 1][i]!, 6));
    const y = featurePreview('y', 4);
    [y[0], y[4], y[8], y[12]].forEach((v, i) => expect(v).toBeCloseTo([1, 1 / 3, -1 / 3, -1][i]!, 6));
  });

  it('x² is non-negative, largest at the edges; xy has the sign of the quadrant', () => {
    const x2 = featurePreview('x2', 4);
    expect(Math.min(...x2)).toBeGreaterThanOrEqual(0);
    expect(x2[0]).toBe(1);
    const xy = featurePreview('xy', 2);
    // top-left (x<0, y>0) negative, top-right positive
    expect(xy[0]).toBeLessThan(0);
    expect(xy[1]).toBeGreaterThan(0);
  });
});
