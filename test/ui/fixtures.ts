/** A small run (2 inputs → 3 hidden → 1 output) as the worker would describe it. */
import type { RunInfo, Snapshot } from '../../src/worker/protocol.ts';

export const R = 4;

export function fakeInfo(overrides: Partial<RunInfo> = {}): RunInfo {
  return {
    runId: 1,
    sizes: [2, 3, 1],
    layers: [
      { inSize: 2, outSize: 3, wOffset: 0, bOffset: 6, activation: 'tanh' },
      { inSize: 3, outSize: 1, wOffset: 9, bOffset: 12, activation: 'tanh' },
    ],
    paramCount: 13,
    features: ['x', 'y'],
    problem: 'classification',
    classes: 2,
    outputActivation: 'tanh',
    loss: 'mse',
    region: { xMin: -6, xMax: 6, yMin: -6, yMax: 6 },
    gridResolution: R,
    hiddenGridResolution: R,
    inputGrids: new Float32Array(2 * R * R),
    trainPoints: new Float64Array([1, 1, -1, -1]),
    trainLabels: new Float64Array([1, 0]),
    testPoints: new Float64Array([2, 2]),
    testLabels: new Float64Array([1]),
    ...overrides,
  };
}

export function fakeSnapshot(params: number[], overrides: Partial<Snapshot> = {}): Snapshot {
  const empty = new Float64Array(0);
  return {
    runId: 1,
    seq: 1,
    status: 'paused',
    epoch: 3,
    trainLoss: 0.2,
    testLoss: 0.25,
    trainAccuracy: 0.9,
    testAccuracy: 0.8,
    history: {
      epochs: empty,
      batchLoss: empty,
      trainLoss: empty,
      testLoss: empty,
      trainAccuracy: empty,
      testAccuracy: empty,
    },
    params: new Float64Array(params),
    outputGrid: new Float32Array(R * R),
    hiddenGrids: new Float32Array(3 * R * R),
    confusion: new Int32Array([5, 1, 2, 7]),
    confusionSet: 'test',
    saturation: null,
    epochsPerSecond: 100,
    trainer: { rng: 1, order: [], optimizer: { m: [], v: [], t: 0 } },
    ...overrides,
  };
}
