/**
 * 'batchStep' over a real MessageChannel: one minibatch, paused, with the trace first when
 * explained; the run then continues bit for bit as one where nobody stopped mid-epoch, also after
 * an export mid-epoch is loaded into a fresh worker.
 */
import { describe, expect, it } from 'vitest';
import { unpackParams, type StepTrace, type WorkerEvent } from '../../src/worker/protocol.ts';
import { harness, XOR } from './harness.ts';

// XOR, 200 samples, half for training: 100 samples in minibatches of 10 → 10 per epoch.
type TraceEvent = Extract<WorkerEvent, { type: 'trace' }>;

describe('a batch step', () => {
  it('explains the next minibatch: the trace, then a paused snapshot inside the epoch', async () => {
    const h = harness();
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'step', runId: 1, epochs: 2 });
    const before = h.lastSnapshot();
    await h.do({ type: 'batchStep', runId: 1, explain: true, requestId: 7 });
    const traces = h.events.filter((e): e is TraceEvent => e.type === 'trace');
    expect(traces.length).toBe(1);
    const t: StepTrace = traces[0]!.trace;
    expect(traces[0]!.requestId).toBe(7);
    expect([t.epoch, t.batch, t.batches, t.m]).toEqual([2, 1, 10, 10]);
    expect(Array.from(t.paramsBefore)).toEqual(Array.from(before.params));
    const s = h.lastSnapshot();
    const last = h.events.map((e) => e.type).lastIndexOf('snapshot');
    expect(h.events.indexOf(traces[0]!)).toBeLessThan(last);
    expect(s).toMatchObject({ status: 'paused', epoch: 2, batch: { done: 1, of: 10 } });
    expect(Array.from(s.params)).toEqual(Array.from(t.paramsAfter));
    expect(s.trainer.batch).toMatchObject({ pos: 10, batches: 1 });
    expect(s.history.epochs.length).toBe(0);
  });

  it('ten batch steps are one epoch: the same weights, history point and trainer state as Step', async () => {
    const a = harness();
    await a.do({ type: 'init', runId: 1, config: XOR });
    await a.do({ type: 'step', runId: 1, epochs: 3 });
    const plain = a.lastSnapshot();

    const b = harness();
    await b.do({ type: 'init', runId: 1, config: XOR });
    await b.do({ type: 'step', runId: 1, epochs: 2 });
    for (let i = 0; i < 10; i++) await b.do({ type: 'batchStep', runId: 1, explain: i % 3 === 0, requestId: i });
    const s = b.lastSnapshot();
    expect(s.epoch).toBe(3);
    expect(s.batch).toBeUndefined();
    expect(Array.from(s.params)).toEqual(Array.from(plain.params));
    expect(s.trainer).toEqual(plain.trainer);
    expect(Array.from(s.history.epochs)).toEqual([3]);
    expect(s.history.batchLoss[0]).toBe(plain.history.batchLoss[2]);
    expect(s.history.testLoss[0]).toBe(plain.history.testLoss[2]);
  });

  it('an export mid-epoch, loaded into a fresh worker, continues exactly', async () => {
    const a = harness();
    await a.do({ type: 'init', runId: 1, config: XOR });
    await a.do({ type: 'step', runId: 1, epochs: 4 });
    const plain = a.lastSnapshot();

    const b = harness();
    await b.do({ type: 'init', runId: 1, config: XOR });
    await b.do({ type: 'step', runId: 1, epochs: 1 });
    for (let i = 0; i < 3; i++) await b.do({ type: 'batchStep', runId: 1, explain: false, requestId: i });
    await b.do({ type: 'requestExport', runId: 1, requestId: 9 });
    const ex = b.events.find((e): e is Extract<WorkerEvent, { type: 'export' }> => e.type === 'export')!;
    expect(ex.epoch).toBe(1);
    expect(ex.trainer.batch).toMatchObject({ pos: 30, batches: 3 });
    const json = JSON.parse(JSON.stringify(ex.trainer)) as typeof ex.trainer;

    const c = harness();
    await c.do({ type: 'init', runId: 2, config: XOR });
    const nested = unpackParams(c.infos()[0]!.layers, ex.params);
    await c.do({ type: 'init', runId: 3, config: XOR, restore: { ...nested, epoch: ex.epoch, trainer: json } });
    await c.do({ type: 'step', runId: 3, epochs: 3 });
    const s = c.lastSnapshot();
    expect(s.epoch).toBe(4);
    expect(Array.from(s.params)).toEqual(Array.from(plain.params));
    expect(s.trainer).toEqual(plain.trainer);
  });
});
