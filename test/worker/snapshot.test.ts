/** What a snapshot holds: evaluation in one pass per set, confusion set, saturation, grids, restored history. */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { predictGrid } from '../../src/nn/grid.ts';
import { buildRun } from '../../src/worker/build.ts';
import { unpackParams } from '../../src/worker/protocol.ts';
import { GRID_BUDGET, SnapshotMaker, upsample, type SnapshotFields } from '../../src/worker/snapshot.ts';
import { harness, XOR } from './harness.ts';

const fields = (streamed: boolean): SnapshotFields => ({
  runId: 1,
  seq: 1,
  status: 'paused',
  history: {
    epochs: new Float64Array(0),
    batchLoss: new Float64Array(0),
    trainLoss: new Float64Array(0),
    testLoss: new Float64Array(0),
    trainAccuracy: new Float64Array(0),
    testAccuracy: new Float64Array(0),
  },
  epochsPerSecond: 0,
  streamed,
});

describe('evaluation', () => {
  it('passes over the test set once per snapshot: loss, accuracy and confusion counts together', () => {
    const b = buildRun(1, { ...XOR, dataset: 'spiral', problem: 'classification' });
    for (let i = 0; i < 20; i++) b.trainer.epoch();
    const evaluate = vi.spyOn(b.trainer, 'evaluate');
    const predict = vi.spyOn(b.trainer, 'predict');
    const view = new SnapshotMaker(b, { output: 10, hidden: 10 }, () => 0);
    const snap = view.assemble(fields(false));
    expect(evaluate.mock.calls.map(([data]) => data)).toEqual([b.train, b.test]);
    expect(predict).not.toHaveBeenCalled();
    expect(snap.confusionSet).toBe('test');
    // The counts are the test set's, as predictions decide them, and agree with the accuracy.
    const out = new Float64Array(b.test.n);
    evaluate.mockRestore();
    predict.mockRestore();
    b.trainer.predict(b.test.x, b.test.n, out);
    const expected = new Int32Array(4);
    b.testSet.labels.forEach((label, i) => (expected[label * 2 + (out[i]! > 0 ? 1 : 0)]! += 1));
    expect(Array.from(snap.confusion!)).toEqual(Array.from(expected));
    expect((snap.confusion![0]! + snap.confusion![3]!) / b.test.n).toBeCloseTo(snap.testAccuracy!, 12);
  });

  it('without a test set, counts the confusion matrix on the training set and says so', () => {
    // One drawn point: it goes to training, the test set is empty.
    const b = buildRun(1, { ...XOR, dataset: 'custom', points: [{ x: 1, y: 1, label: 1 }] } as ExperimentConfig);
    expect(b.test.n).toBe(0);
    const snap = new SnapshotMaker(b, { output: 10, hidden: 10 }, () => 0).assemble(fields(false));
    expect(snap.confusionSet).toBe('train');
    expect(Array.from(snap.confusion!).reduce((a, c) => a + c, 0)).toBe(1);
    expect(Number.isNaN(snap.testLoss)).toBe(true);
  });
});

describe('saturation', () => {
  const saturations = async (config: ExperimentConfig, epochs: number) => {
    const h = harness(0.05);
    await h.do({ type: 'init', runId: 1, config });
    await h.stepAll(1, epochs);
    return h.snapshots().map((s) => s.saturation);
  };

  it('is reported for learning rate 10 with tanh on Circle, where the loss freezes', async () => {
    const seen = await saturations({ ...DEFAULT_CONFIG, learningRate: 10 }, 300);
    expect(seen.at(-1)).toMatchObject({ kind: 'saturated' });
    expect(seen.at(-1)!.fraction).toBeGreaterThan(0.5);
  });

  it('is never reported for the default experiment over 2,000 epochs', async () => {
    const seen = await saturations(DEFAULT_CONFIG, 2000);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((s) => s === null)).toBe(true);
  });
});

describe('grids', () => {
  it('sends the output at R×R and the thumbnails at S×S, exact when not streamed', () => {
    const b = buildRun(1, XOR, { output: 40, hidden: 20 });
    expect(b.info).toMatchObject({ gridResolution: 40, hiddenGridResolution: 20 });
    expect(b.info.inputGrids.length).toBe(2 * 20 * 20);
    const view = new SnapshotMaker(b, { output: 40, hidden: 20 }, () => 0);
    const snap = view.assemble(fields(false));
    expect(snap.outputGrid.length).toBe(40 * 40);
    expect(snap.hiddenGrids.length).toBe(6 * 20 * 20);
    const exact = new Float32Array(40 * 40);
    predictGrid(b.net, b.info.features, b.info.region, 40, exact);
    expect(Array.from(snap.outputGrid)).toEqual(Array.from(exact));
  });

  it('while streaming spends at most GRID_BUDGET of the time on exact output grids, interpolating the rest', () => {
    const b = buildRun(1, XOR, { output: 100, hidden: 50 });
    let t = 0;
    // Each clock read inside the maker costs 10 ms: an exact grid "takes" 10 ms.
    const view = new SnapshotMaker(b, { output: 100, hidden: 50 }, () => (t += 10));
    const frames = 200;
    for (let i = 0; i < frames; i++) {
      t += 1000 / 60;
      view.assemble(fields(true));
    }
    expect(view.exactGrids + view.interpolatedGrids).toBe(frames);
    expect(view.exactGrids).toBeGreaterThan(0);
    expect(view.exactGrids * 10).toBeLessThanOrEqual(GRID_BUDGET * t + 110);
    // An interpolated grid is close to the exact one (a smooth field).
    const small = new Float32Array(50 * 50);
    predictGrid(b.net, b.info.features, b.info.region, 50, small);
    const up = new Float32Array(100 * 100);
    upsample(small, 50, up, 100, 1);
    const exact = new Float32Array(100 * 100);
    predictGrid(b.net, b.info.features, b.info.region, 100, exact);
    expect(up[0]).toBeCloseTo(exact[0]!, 6);
    expect(up[99 * 100 + 99]).toBeCloseTo(exact[99 * 100 + 99]!, 6);
    expect(Math.max(...exact.map((v, i) => Math.abs(v - up[i]!)))).toBeLessThan(0.05);
  });
});

describe('a run restored after a crash', () => {
  it('adds no second history point for its first epoch: the history matches a run without a crash', async () => {
    const config: ExperimentConfig = { ...XOR, optimizer: 'adam', learningRate: 0.01 };
    const whole = harness();
    await whole.do({ type: 'init', runId: 1, config });
    await whole.stepAll(1, 10);
    const first = harness();
    await first.do({ type: 'init', runId: 1, config });
    await first.stepAll(1, 6);
    const at6 = first.lastSnapshot();
    const { weights, biases } = unpackParams(first.infos()[0]!.layers, at6.params);
    const second = harness(); // the fresh worker
    await second.do({ type: 'init', runId: 2, config, restore: { weights, biases, epoch: 6, trainer: at6.trainer } });
    expect(Array.from(second.lastSnapshot().history.epochs)).toEqual([]);
    await second.stepAll(2, 4);
    const columns = (snaps: ReturnType<typeof whole.snapshots>) =>
      (['epochs', 'batchLoss', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const).map((k) =>
        snaps.flatMap((s) => Array.from(s.history[k])),
      );
    expect(columns([...first.snapshots(), ...second.snapshots()])).toEqual(columns(whole.snapshots()));
    // A fresh run still starts its history with epoch 0.
    expect(Array.from(whole.snapshots()[0]!.history.epochs)).toEqual([0]);
  });
});
