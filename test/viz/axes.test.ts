import { describe, expect, it } from 'vitest';
import { niceTicks, pxToData, xToPx, yToPx } from '../../src/viz/axes.ts';

const r = { xMin: -6, xMax: 6, yMin: -6, yMax: 6 };

describe('axes', () => {
  it('gives round ticks over the plane', () => {
    expect(niceTicks(-6, 6, 6)).toEqual([-6, -4, -2, 0, 2, 4, 6]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1, 1)).toEqual([1]);
  });

  it('maps data to pixels with y up and back', () => {
    expect(xToPx(-6, r, 300)).toBe(0);
    expect(xToPx(6, r, 300)).toBe(300);
    expect(yToPx(6, r, 300)).toBe(0);
    expect(yToPx(-6, r, 300)).toBe(300);
    expect(pxToData(150, 75, r, 300, 300)).toEqual({ x: 0, y: 3 });
  });
});
