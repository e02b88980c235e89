import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../../src/nn/features.ts';
import { createNetwork, setWeights } from '../../src/nn/network.ts';
import { transformedSpace } from '../../src/nn/transformed.ts';
import { PLANE_REGION } from '../../src/nn/types.ts';

const features = (p: Float64Array) => computeFeatures(p, ['x', 'y']);

describe('transformedSpace', () => {
  it('an identity linear layer maps the plane onto itself; the output is drawn behind the last hidden layer', () => {
    const net = createNetwork({ sizes: [2, 2, 1], activations: ['linear', 'sigmoid'] }, 'xavier', 1);
    setWeights(
      net,
      [
        [
          [1, 0],
          [0, 1],
        ],
        [[2, -1]],
      ],
      [[0, 0], [0.5]],
    );
    const train = { x: Float64Array.from([1, 2, -3, 4]), n: 2 };
    const v = transformedSpace(net, {
      layer: 0,
      unitA: 0,
      unitB: 1,
      region: PLANE_REGION,
      features,
      train,
      lines: 3,
      steps: 5,
      backgroundResolution: 4,
    });
    expect(Array.from(v.points)).toEqual([1, 2, -3, 4]);
    // First horizontal line: y = yMax, x from xMin to xMax.
    expect(Array.from(v.grid.subarray(0, 4))).toEqual([-6, 6, -3, 6]);
    // First vertical line: x = xMin, y from yMax down.
    const vStart = 3 * 5 * 2;
    expect(Array.from(v.grid.subarray(vStart, vStart + 4))).toEqual([-6, 6, -6, 3]);
    expect(v.box.xMin).toBeLessThan(-6);
    expect(v.box.yMax).toBeGreaterThan(6);
    expect(v.background).not.toBeNull();
    // Cell (row 0, col 0): a = xMin + w/8, b = yMax − h/8.
    const a = v.box.xMin + (v.box.xMax - v.box.xMin) / 8;
    const b = v.box.yMax - (v.box.yMax - v.box.yMin) / 8;
    expect(v.background![0]).toBeCloseTo(1 / (1 + Math.exp(-(2 * a - b + 0.5))), 6);
  });

  it('a tanh layer squeezes the plane into its range, with no background for an earlier layer', () => {
    const net = createNetwork({ sizes: [2, 3, 2, 1], activations: ['tanh', 'tanh', 'tanh'] }, 'xavier', 2);
    const train = { x: Float64Array.from([0.5, -0.5]), n: 1 };
    const v = transformedSpace(net, { layer: 0, unitA: 2, unitB: 0, region: PLANE_REGION, features, train });
    for (const x of v.grid) expect(Math.abs(x)).toBeLessThanOrEqual(1);
    expect(v.background).toBeNull();
    expect(v.grid.length).toBe(2 * 13 * 48 * 2);
  });

  it('refuses the output layer and units that do not exist', () => {
    const net = createNetwork({ sizes: [2, 3, 1], activations: ['tanh', 'tanh'] }, 'xavier', 2);
    const train = { x: new Float64Array(0), n: 0 };
    expect(() =>
      transformedSpace(net, { layer: 1, unitA: 0, unitB: 0, region: PLANE_REGION, features, train }),
    ).toThrow(RangeError);
    expect(() =>
      transformedSpace(net, { layer: 0, unitA: 0, unitB: 3, region: PLANE_REGION, features, train }),
    ).toThrow(RangeError);
  });
});
