import { describe, expect, it } from 'vitest';
import { checkpointBytes, CheckpointStore, MAX_CHECKPOINTS } from '../../src/worker/checkpoints.ts';
import { unpackParams, type Snapshot, type WorkerEvent } from '../../src/worker/protocol.ts';
import { parameterCount } from '../../src/nn/network.ts';
import { harness, XOR } from './harness.ts';

const state = (p: number) => ({
  rng: 1,
  order: [0, 1],
  optimizer: { m: new Array<number>(p).fill(0), v: new Array<number>(p).fill(0), t: 0 },
});

function checkpointEvents(events: WorkerEvent[]) {
  return events.filter((e): e is Extract<WorkerEvent, { type: 'checkpoints' }> => e.type === 'checkpoints');
}

describe('CheckpointStore', () => {
  it('keeps at most 256, the first and the last, spaced about evenly on a log axis', () => {
    const s = new CheckpointStore();
    const params = new Float64Array(3);
    for (let e = 0; e <= 200_000; e++) if (s.due(e)) s.take(e, params, state(3));
    const epochs = s.epochs;
    expect(epochs.length).toBe(MAX_CHECKPOINTS);
    expect(epochs[0]).toBe(0);
    expect(epochs.at(-1)).toBeGreaterThan(190_000);
    // Gaps in log(1 + epoch): none more than 4× the mean one past the first few.
    const gaps = epochs.slice(1).map((e, i) => Math.log1p(e) - Math.log1p(epochs[i]!));
    const mean = (Math.log1p(epochs.at(-1)!) - Math.log1p(epochs[0]!)) / gaps.length;
    expect(Math.max(...gaps.slice(8))).toBeLessThan(4 * mean);
    // Early epochs are all there (a short run can be scrubbed epoch by epoch).
    expect(epochs.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('states the memory of 256 checkpoints of the largest network (8×16, nine features, 2000 points)', () => {
    const p = parameterCount([9, 16, 16, 16, 16, 16, 16, 16, 16, 1]);
    expect(p).toBe(2081);
    expect(checkpointBytes(p, 2000)).toBe(57_944);
    expect((MAX_CHECKPOINTS * checkpointBytes(p, 2000)) / 1e6).toBeCloseTo(14.83, 2);
  });
});

describe('replay and branch in the worker', () => {
  it('announces checkpoints, views one without touching the run, and a branch continues exactly', async () => {
    const config = { ...XOR, optimizer: 'adam' as const };
    const original = harness();
    await original.do({ type: 'init', runId: 1, config });
    await original.stepAll(1, 60);
    const listed = checkpointEvents(original.events).at(-1)!.epochs;
    expect(listed[0]).toBe(0);
    expect(listed).toContain(30);
    const live = original.lastSnapshot();

    await original.do({ type: 'viewCheckpoint', runId: 1, epoch: 30, requestId: 7 });
    const view = original.events.find((e) => e.type === 'checkpoint') as Extract<WorkerEvent, { type: 'checkpoint' }>;
    expect(view.requestId).toBe(7);
    const at30 = view.snapshot!;
    expect(at30.epoch).toBe(30);
    expect(at30.outputGrid.length).toBe(live.outputGrid.length);
    expect(Array.from(at30.params)).not.toEqual(Array.from(live.params));
    // The run is untouched: more epochs match a run that was never viewed.
    const plain = harness();
    await plain.do({ type: 'init', runId: 1, config });
    await plain.stepAll(1, 80);
    await original.stepAll(1, 20);
    expect(Array.from(original.lastSnapshot().params)).toEqual(Array.from(plain.lastSnapshot().params));

    // Branch from epoch 30 (the page sends back what it was shown): epochs 31..80 as the original's.
    const info = original.infos()[0]!;
    const { weights, biases } = unpackParams(info.layers, at30.params);
    await original.do({
      type: 'init',
      runId: 2,
      config,
      restore: { weights, biases, epoch: 30, trainer: at30.trainer },
      keepCheckpoints: true,
    });
    expect(checkpointEvents(original.events).at(-1)!.epochs).toEqual(listed.filter((e) => e <= 30));
    await original.stepAll(2, 50);
    const branched: Snapshot = original.lastSnapshot();
    expect(branched.epoch).toBe(80);
    expect(Array.from(branched.params)).toEqual(Array.from(plain.lastSnapshot().params));
    const a = original.batchLosses(2);
    const b = plain.batchLosses(1);
    for (let e = 31; e <= 80; e++) expect(a.get(e)).toBe(b.get(e));
  });

  it('the learning-rate finder suggests a rate and leaves the run as it was', async () => {
    const config = { ...XOR, dataset: 'gauss' as const };
    const h = harness();
    await h.do({ type: 'init', runId: 1, config });
    await h.stepAll(1, 10);
    await h.do({ type: 'findLearningRate', runId: 1, requestId: 3 });
    const found = h.events.find((e) => e.type === 'lrRange') as Extract<WorkerEvent, { type: 'lrRange' }>;
    expect(found.requestId).toBe(3);
    expect(found.result.rates.length).toBeGreaterThan(50);
    expect(found.result.rates[0]).toBeCloseTo(1e-5, 12);
    expect(found.result.suggestion).not.toBeNull();
    await h.stepAll(1, 10);
    const plain = harness();
    await plain.do({ type: 'init', runId: 1, config });
    await plain.stepAll(1, 20);
    expect(Array.from(h.lastSnapshot().params)).toEqual(Array.from(plain.lastSnapshot().params));
  });
});
