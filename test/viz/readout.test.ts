import { describe, expect, it } from 'vitest';
import { formatReadout, gridSide, nearestCell, readoutAt } from '../../src/viz/readout.ts';
import { fakeInfo, fakeSnapshot, R } from '../ui/fixtures.ts';

const region = { xMin: -6, xMax: 6, yMin: -6, yMax: 6 };

describe('nearestCell', () => {
  it('maps corners and centres as nn/grid.ts places cells (row 0 at the top, corners included)', () => {
    expect(nearestCell(region, 4, -6, 6)).toBe(0);
    expect(nearestCell(region, 4, 6, 6)).toBe(3);
    expect(nearestCell(region, 4, -6, -6)).toBe(12);
    expect(nearestCell(region, 4, 6, -6)).toBe(15);
    // Cells at x = −6, −2, 2, 6: x = 1.9 is nearest column 2; y = −2.1 nearest row 2.
    expect(nearestCell(region, 4, 1.9, -2.1)).toBe(2 * 4 + 2);
    expect(nearestCell(region, 4, 99, -99)).toBe(15);
  });
});

describe('readoutAt', () => {
  const info = fakeInfo();
  const outputGrid = new Float32Array(R * R).map((_, i) => i / 100);
  const hiddenGrids = new Float32Array(3 * R * R).map((_, i) => -i / 100);
  const snap = fakeSnapshot([], { outputGrid, hiddenGrids });

  it('reads the output grid’s nearest cell', () => {
    expect(readoutAt(info, snap, 6, -6)).toEqual({ kind: 'value', x: 6, y: -6, value: outputGrid[15] });
    expect(formatReadout(readoutAt(info, snap, 1.2, -0.4)!)).toBe(
      `x 1.20, y −0.40 → ${outputGrid[nearestCell(region, R, 1.2, -0.4)]!.toFixed(2)}`,
    );
  });

  it('reads a hidden unit’s grid at its own side, and an input feature', () => {
    const side = gridSide(info, 'hidden');
    expect(readoutAt(info, snap, -6, 6, { kind: 'hidden', index: 2 })).toMatchObject({
      value: hiddenGrids[2 * side * side],
    });
    const inputGrids = new Float32Array(2 * R * R).fill(0.5);
    expect(readoutAt(fakeInfo({ inputGrids }), null, 0, 0, { kind: 'input', index: 1 })).toMatchObject({ value: 0.5 });
  });

  it('multi-class: the predicted class and its probability', () => {
    const k = 3;
    const grid = new Float32Array(R * R * k);
    const cell = nearestCell(region, R, 1.2, -0.4);
    grid.set([0.1, 0.2, 0.7], cell * k);
    const mc = fakeInfo({ problem: 'multiclass', classes: k, sizes: [2, 3, k] });
    const r = readoutAt(mc, fakeSnapshot([], { outputGrid: grid }), 1.2, -0.4)!;
    expect(r).toMatchObject({ kind: 'class', classIndex: 2 });
    expect(formatReadout(r)).toBe('x 1.20, y −0.40 → class 3 (70%)');
  });

  it('nothing before the run’s first snapshot', () => {
    expect(readoutAt(info, null, 0, 0)).toBeNull();
    expect(readoutAt(info, fakeSnapshot([], { runId: 2 }), 0, 0)).toBeNull();
  });
});
