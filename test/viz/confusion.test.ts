import { describe, expect, it } from 'vitest';
import { classesFromGrid, confusionMatrix } from '../../src/viz/confusion.ts';

describe('confusion matrix', () => {
  it('counts true × predicted and ignores labels outside 0..K-1', () => {
    const c = confusionMatrix([0, 0, 1, 1, 2, 7], [0, 1, 1, 1, 0, 0], 3);
    expect(Array.from(c.counts)).toEqual([1, 1, 0, 0, 2, 0, 1, 0, 0]);
    expect(c.total).toBe(5);
    expect(c.correct).toBe(3);
  });

  it('reads the predicted class of a point off the grid cell under it', () => {
    const region = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
    // 2×2 tanh grid: top-left -1, top-right +1, bottom-left +1, bottom-right -1
    const grid = [-1, 1, 1, -1];
    const pts = [-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.9, -0.9];
    expect(Array.from(classesFromGrid(pts, 4, grid, 2, 1, region, 0))).toEqual([0, 1, 1, 0]);
    // 2 classes softmax on a 1×1 grid
    expect(Array.from(classesFromGrid([0, 0], 1, [0.3, 0.7], 1, 2, region, 0))).toEqual([1]);
  });
});
