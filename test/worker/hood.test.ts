/** The hood's worker commands: Break backprop, the gradient check, the space a layer sees, gradient flow. */
import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../../src/worker/protocol.ts';
import { harness, XOR } from './harness.ts';

type Ev<T extends WorkerEvent['type']> = Extract<WorkerEvent, { type: T }>;

function last<T extends WorkerEvent['type']>(events: WorkerEvent[], type: T): Ev<T> {
  const e = events.filter((x): x is Ev<T> => x.type === type).at(-1);
  if (!e) throw new Error(`no ${type} event`);
  return e;
}

/** A gradient check to its end: the command, then its slices. */
async function check(h: ReturnType<typeof harness>, runId: number, requestId: number): Promise<void> {
  await h.do({ type: 'gradCheck', runId, requestId });
  while (h.time.pending > 0) await h.ticks(1);
}

describe('the hood in the worker', () => {
  it('checks gradients on the current minibatch, and shows a break until it is mended', async () => {
    const h = harness(1);
    await h.do({ type: 'init', runId: 1, config: { ...XOR, batchSize: 10 } });
    await h.stepAll(1, 3);
    await check(h, 1, 7);
    const ok = last(h.events, 'gradCheck');
    expect(ok.requestId).toBe(7);
    expect(ok.result.breakKind).toBe('none');
    expect(ok.result.max).toBeLessThan(1e-6);
    await h.do({ type: 'setBreak', runId: 1, kind: 'flip-sign' });
    await check(h, 1, 8);
    const bad = last(h.events, 'gradCheck').result;
    expect(bad.breakKind).toBe('flip-sign');
    expect(bad.max).toBeGreaterThan(1e-2);
    await h.do({ type: 'setBreak', runId: 1, kind: 'none' });
    await check(h, 1, 9);
    expect(last(h.events, 'gradCheck').result.max).toBeLessThan(1e-6);
  });

  it('a new run starts unbroken, and an unknown break is refused with an error', async () => {
    const h = harness(1);
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'setBreak', runId: 1, kind: 'no-bias' });
    await h.do({ type: 'init', runId: 2, config: XOR });
    await check(h, 2, 1);
    expect(last(h.events, 'gradCheck').result.breakKind).toBe('none');
    await h.do({ type: 'setBreak', runId: 2, kind: 'oops' as never });
    expect(last(h.events, 'error').message).toMatch(/Unknown break/);
  });

  it('checks a large network in slices, answering pings in between', async () => {
    const h = harness(1); // each clock read 1 ms: a 30 ms slice checks about 30 parameters
    await h.do({ type: 'init', runId: 1, config: { ...XOR, hidden: [16, 16, 16] } });
    await h.do({ type: 'gradCheck', runId: 1, requestId: 5 });
    expect(h.events.some((e) => e.type === 'gradCheck')).toBe(false);
    expect(h.time.pending).toBe(1);
    await h.do({ type: 'ping', nonce: 4 });
    expect(h.events.at(-1)).toEqual({ type: 'pong', nonce: 4 });
    while (h.time.pending > 0) await h.ticks(1);
    const r = last(h.events, 'gradCheck').result;
    expect(r.sampled).toBe(true);
    expect(r.checked).toBe(400);
    expect(r.max).toBeLessThan(1e-6);
  });

  it('sends the space a hidden layer sees, and per-layer gradient norms with the snapshots', async () => {
    const h = harness(1);
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.stepAll(1, 5);
    const flows = h.snapshots(1).flatMap((s) => (s.gradFlow ? [s.gradFlow] : []));
    const epochs = flows.flatMap((f) => Array.from(f.epochs));
    expect(epochs).toEqual([1, 2, 3, 4, 5]);
    const layers = XOR.hidden.length + 1;
    expect(flows[0]!.layers).toBe(layers);
    expect(flows.every((f) => f.norms.length === f.epochs.length * layers)).toBe(true);
    expect(flows.flatMap((f) => Array.from(f.norms)).every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    await h.do({ type: 'requestSpace', runId: 1, requestId: 3, layer: XOR.hidden.length - 1, unitA: 0, unitB: 1 });
    const space = last(h.events, 'space');
    expect(space.requestId).toBe(3);
    expect(space.view.points.length).toBe(h.infos()[0]!.trainPoints.length);
    expect(space.view.background).not.toBeNull();
  });
});
