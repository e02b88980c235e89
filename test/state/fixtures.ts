/**
 * A 2 → 1 run (W is 1×2, then b: three parameters) as the worker would describe it, and its
 * snapshots, for the store and bridge tests.
 */
import type { Snapshot, WorkerEvent } from '../../src/worker/protocol.ts';
import { fakeInfo } from '../ui/fixtures.ts';

/** The worker's description of the 2 → 1 run `runId`, with no data points. */
export function runInfoEvent(runId: number, gridResolution: number): WorkerEvent {
  return {
    type: 'runInfo',
    info: fakeInfo({
      runId,
      sizes: [2, 1],
      layers: [{ inSize: 2, outSize: 1, wOffset: 0, bOffset: 2, activation: 'tanh' }],
      paramCount: 3,
      gridResolution,
      hiddenGridResolution: gridResolution,
      inputGrids: new Float32Array(2 * gridResolution * gridResolution),
      trainPoints: new Float64Array(0),
      trainLabels: new Float64Array(0),
      testPoints: new Float64Array(0),
      testLabels: new Float64Array(0),
    }),
  };
}

/**
 * A paused snapshot at `epoch` carrying one history point (batch loss 0.45, train/test loss
 * 0.4/0.5, train/test accuracy 0.8/0.7) and the parameters W = [1, 2], b = 3.
 */
export function snapshot(runId: number, epoch: number, over: Partial<Snapshot> = {}): Snapshot {
  const f = (...v: number[]) => Float64Array.from(v);
  return {
    runId,
    seq: 1,
    status: 'paused',
    epoch,
    trainLoss: 0.4,
    testLoss: 0.5,
    trainAccuracy: 0.8,
    testAccuracy: 0.7,
    history: {
      epochs: f(epoch),
      batchLoss: f(0.45),
      trainLoss: f(0.4),
      testLoss: f(0.5),
      trainAccuracy: f(0.8),
      testAccuracy: f(0.7),
    },
    params: f(1, 2, 3),
    outputGrid: new Float32Array(4),
    hiddenGrids: new Float32Array(0),
    confusion: Int32Array.from([1, 0, 0, 1]),
    confusionSet: 'test',
    saturation: null,
    epochsPerSecond: 100,
    trainer: { rng: 1, order: [], optimizer: { m: [], v: [], t: 0 } },
    ...over,
  };
}
