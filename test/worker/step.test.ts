/** A long step trains in slices like play; flow control stays bounded in a hidden tab. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { FEATURES } from '../../src/nn/types.ts';
import { TrainerHost } from '../../src/worker/host.ts';
import { ACK_TIMEOUT_MS, type Command, type WorkerEvent } from '../../src/worker/protocol.ts';
import { FRAME_MS, MAX_IN_FLIGHT, MAX_STEP_EPOCHS } from '../../src/worker/runLoop.ts';
import { harness, XOR } from './harness.ts';

describe('a long step', () => {
  it('trains in slices: running meanwhile, pings answered between slices, then a snapshot and paused', async () => {
    const h = harness(1); // each clock read: 1 ms, so a slice holds about FRAME_MS epochs
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'step', runId: 1, epochs: 1000 });
    // The first slice ran, the rest waits for its turn.
    expect(h.statuses()).toEqual(['running']);
    expect(h.lastSnapshot().epoch).toBeLessThan(1000);
    expect(h.time.pending).toBe(1);
    await h.do({ type: 'ping', nonce: 3 });
    expect(h.events.at(-1)).toEqual({ type: 'pong', nonce: 3 });
    while (h.time.pending > 0) await h.ticks(1);
    expect(h.statuses()).toEqual(['running', 'paused']);
    const last = h.lastSnapshot();
    expect(last).toMatchObject({ status: 'paused', epoch: 1000 });
    // Every epoch once in the history, however the slices fell.
    const epochs = h.snapshots().flatMap((s) => Array.from(s.history.epochs));
    expect(epochs).toEqual(Array.from({ length: 1001 }, (_, i) => i));
  });

  it('stops at the next slice when paused, and a short step stays one slice with no running status', async () => {
    const h = harness(1);
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'step', runId: 1, epochs: MAX_STEP_EPOCHS });
    await h.ticks(2);
    await h.do({ type: 'pause', runId: 1 });
    expect(h.statuses()).toEqual(['running', 'paused']);
    const paused = h.lastSnapshot();
    expect(paused.status).toBe('paused');
    expect(paused.epoch).toBeLessThan(200);
    expect(h.time.pending).toBe(0);
    await h.do({ type: 'step', runId: 1, epochs: 3 });
    expect(h.lastSnapshot()).toMatchObject({ status: 'paused', epoch: paused.epoch + 3 });
    expect(h.statuses()).toEqual(['running', 'paused']);
  });

  it('a step pressed during a long step starts over from there, and says running again', async () => {
    const h = harness(1);
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'step', runId: 1, epochs: 1000 });
    await h.ticks(1);
    const at = h.lastSnapshot().epoch;
    await h.do({ type: 'step', runId: 1, epochs: 500 });
    expect(h.statuses()).toEqual(['running', 'running']);
    while (h.time.pending > 0) await h.ticks(1);
    expect(h.statuses()).toEqual(['running', 'running', 'paused']);
    expect(h.lastSnapshot().epoch).toBeGreaterThanOrEqual(at + 500);
    expect(h.lastSnapshot().epoch).toBeLessThan(at + 500 + 40);
  });

  it('an old command (reset, requestSnapshot) is ignored', async () => {
    const h = harness(1);
    await h.do({ type: 'init', runId: 1, config: XOR });
    const before = h.events.length;
    await h.do({ type: 'reset', runId: 1, newRunId: 2 } as unknown as Command);
    await h.do({ type: 'requestSnapshot', runId: 1 } as unknown as Command);
    expect(h.events.length).toBe(before);
  });

  it('on the largest network (8 × 16, all 9 features) a 10,000-epoch step returns within a slice', () => {
    const config: ExperimentConfig = {
      ...DEFAULT_CONFIG,
      dataset: 'spiral',
      features: [...FEATURES],
      hidden: Array.from({ length: 8 }, () => 16),
    };
    const tasks: (() => void)[] = [];
    const events: WorkerEvent[] = [];
    const host = new TrainerHost({
      now: () => performance.now(),
      schedule: (fn) => {
        tasks.push(fn);
        return () => undefined;
      },
      post: (e) => events.push(e),
    });
    host.handle({ type: 'init', runId: 1, config, gridResolution: 20, hiddenGridResolution: 10 });
    const t0 = performance.now();
    host.handle({ type: 'step', runId: 1, epochs: MAX_STEP_EPOCHS });
    const took = performance.now() - t0;
    // One slice: about a frame of epochs and a snapshot (unsliced, 10,000 epochs take minutes here).
    expect(took).toBeLessThan(1500);
    expect(tasks).toHaveLength(1);
    expect(host.current!.epoch).toBeLessThan(MAX_STEP_EPOCHS);
    expect(events.filter((e) => e.type === 'status').map((e) => e.type === 'status' && e.status)).toEqual(['running']);
    expect(FRAME_MS).toBeLessThan(20);
  });
});

describe('flow control in a hidden tab', () => {
  it('remembers at most MAX_IN_FLIGHT unacknowledged snapshots, one let through per ack timeout', async () => {
    const h = harness(1);
    await h.do({ type: 'init', runId: 1, config: XOR, flowControl: true });
    await h.do({ type: 'play', runId: 1 });
    const t0 = h.time.t;
    const counts: number[] = [];
    while (h.time.t < t0 + 10 * ACK_TIMEOUT_MS) {
      await h.ticks(1);
      counts.push(h.host.current!.unackedCount);
    }
    expect(Math.max(...counts)).toBe(MAX_IN_FLIGHT);
    const streamed = h.snapshots(1).filter((s) => s.status === 'running').length;
    expect(streamed).toBeGreaterThanOrEqual(MAX_IN_FLIGHT + 8);
    expect(streamed).toBeLessThanOrEqual(MAX_IN_FLIGHT + 11);
    // The page comes back: one ack of what it drew, and snapshots flow every frame again.
    await h.do({ type: 'ack', runId: 1, seq: h.lastSnapshot().seq });
    expect(h.host.current!.unackedCount).toBe(0);
    const before = h.snapshots(1).length;
    const t1 = h.time.t;
    while (h.time.t < t1 + 3 * FRAME_MS) await h.ticks(1);
    expect(h.snapshots(1).length).toBeGreaterThan(before);
  });
});
