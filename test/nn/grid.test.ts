import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../../src/nn/features.ts';
import { gridPoints, predictGrid } from '../../src/nn/grid.ts';
import { createNetwork, hiddenUnitCount } from '../../src/nn/network.ts';
import { createWorkspace, forward } from '../../src/nn/pass.ts';
import type { FeatureName } from '../../src/nn/types.ts';

const REGION = { xMin: -6, xMax: 6, yMin: -5, yMax: 4 };

describe('gridPoints', () => {
  it('row 0 is the top (yMax), col 0 the left (xMin), corners included', () => {
    const p = gridPoints({ xMin: -6, xMax: 6, yMin: -6, yMax: 6 }, 3);
    expect(Array.from(p)).toEqual([-6, 6, 0, 6, 6, 6, -6, 0, 0, 0, 6, 0, -6, -6, 0, -6, 6, -6]);
  });
});

describe('predictGrid', () => {
  const features: FeatureName[] = ['x', 'y', 'x2', 'sinY', 'xy'];
  const net = createNetwork({ sizes: [5, 6, 3, 4, 1], activations: ['tanh', 'relu', 'sigmoid', 'tanh'] }, 'xavier', 2);
  // 37² = 1369 cells: several chunks and a ragged last one.
  const r = 37;
  const cells = r * r;

  it('gives the output and every hidden unit of the batched forward pass at each cell', () => {
    const out = new Float32Array(cells);
    const hidden = new Float32Array(hiddenUnitCount(net) * cells);
    predictGrid(net, features, REGION, r, out, hidden);

    const x = computeFeatures(gridPoints(REGION, r), features);
    const ws = createWorkspace(net, cells);
    forward(net, ws, x, cells, false, 0, null);
    for (let p = 0; p < cells; p++) expect(out[p]).toBe(Math.fround(ws.a[3]![p]!));
    let unit = 0;
    for (let l = 0; l < 3; l++) {
      const u = net.layers[l]!.outSize;
      for (let j = 0; j < u; j++, unit++) {
        for (let p = 0; p < cells; p += 17) expect(hidden[unit * cells + p]).toBe(Math.fround(ws.a[l]![p * u + j]!));
      }
    }
    expect(unit).toBe(13);
  });

  it('without a hidden buffer fills only the output', () => {
    const a = new Float32Array(cells);
    const b = new Float32Array(cells);
    predictGrid(net, features, REGION, r, a);
    predictGrid(net, features, REGION, r, b, new Float32Array(13 * cells));
    expect(a).toEqual(b);
  });

  it('writes K values per cell for a softmax output, each row a distribution', () => {
    const soft = createNetwork({ sizes: [2, 5, 4], activations: ['elu', 'softmax'] }, 'he', 1);
    const out = new Float32Array(10 * 10 * 4);
    predictGrid(soft, ['x', 'y'], REGION, 10, out);
    for (let p = 0; p < 100; p++) {
      expect(out[4 * p]! + out[4 * p + 1]! + out[4 * p + 2]! + out[4 * p + 3]!).toBeCloseTo(1, 6);
    }
  });

  it('rejects a bad resolution, wrong features and short buffers', () => {
    const big = new Float32Array(201 * 201 * 13);
    expect(() => predictGrid(net, features, REGION, 1, big)).toThrow(/resolution/);
    expect(() => predictGrid(net, features, REGION, 201, big)).toThrow(/resolution/);
    expect(() => predictGrid(net, features, REGION, 2.5, big)).toThrow(/resolution/);
    expect(() => predictGrid(net, ['x', 'y'], REGION, 10, big)).toThrow(/5 inputs/);
    expect(() => predictGrid(net, features, REGION, 10, new Float32Array(99))).toThrow(/out needs 100/);
    expect(() => predictGrid(net, features, REGION, 10, big, new Float32Array(10))).toThrow(/hidden needs 1300/);
  });

  it('handles the largest grid, 200 × 200', () => {
    const out = new Float32Array(200 * 200);
    predictGrid(net, features, REGION, 200, out);
    expect(out.every((v) => v >= -1 && v <= 1)).toBe(true);
  });
});

describe('forward', () => {
  it('refuses a batch larger than its workspace or short of inputs', () => {
    const net = createNetwork({ sizes: [2, 3, 1], activations: ['tanh', 'tanh'] }, 'xavier', 1);
    const ws = createWorkspace(net, 4);
    expect(() => forward(net, ws, new Float64Array(10), 5, false, 0, null)).toThrow(/capacity/);
    expect(() => forward(net, ws, new Float64Array(7), 4, false, 0, null)).toThrow(/8 inputs/);
  });
});
