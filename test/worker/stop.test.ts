/** Stop conditions: the worker pauses exactly at epoch N, or at the first evaluated epoch whose test loss is below x. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { StopRule } from '../../src/worker/stopRule.ts';
import { harness, statusEvents, XOR, type Harness } from './harness.ts';

const OFF = { stopEpoch: null, stopTestLoss: null };

describe('StopRule', () => {
  it('stops when an epoch brings the count to exactly N, and not after it', () => {
    const r = new StopRule({ ...OFF, stopEpoch: 3 });
    expect([1, 2].map((e) => r.check(e))).toEqual([null, null]);
    expect(r.check(3)).toEqual({ kind: 'epoch', epoch: 3 });
    expect(r.check(4)).toBeNull();
  });

  it('stops when the test loss first falls below x, not again while it stays below, again after it rose', () => {
    const r = new StopRule({ ...OFF, stopTestLoss: 0.1 });
    r.observe(0.5);
    expect(r.check(1, 0.2)).toBeNull();
    expect(r.check(2)).toBeNull(); // not evaluated
    expect(r.check(3, 0.09)).toEqual({ kind: 'testLoss', epoch: 3, testLoss: 0.09, below: 0.1 });
    expect(r.check(4, 0.05)).toBeNull();
    expect(r.check(5, 0.2)).toBeNull();
    expect(r.check(6, 0.08)).toMatchObject({ kind: 'testLoss', epoch: 6 });
    expect(r.check(7, NaN)).toBeNull(); // no test set
  });

  it('a run that starts below x (a loaded one) stops at its first evaluation; off stops nothing', () => {
    expect(new StopRule({ ...OFF, stopTestLoss: 0.1 }).check(1, 0.01)).toMatchObject({ kind: 'testLoss' });
    const off = new StopRule(OFF);
    expect([1, 2, 3].map((e) => off.check(e, 0.0001))).toEqual([null, null, null]);
  });
});

/** Play, and let the loop run until it stops by itself (or `limit` ticks). */
async function playUntilIdle(h: Harness, limit = 200): Promise<void> {
  await h.do({ type: 'play', runId: 1 });
  for (let i = 0; i < limit && h.time.pending > 0; i++) await h.ticks(1);
}

const epochsSeen = (h: Harness) => h.snapshots().flatMap((s) => Array.from(s.history.epochs));

describe('the worker loop stops exactly', () => {
  it('at epoch N at max speed, with hundreds of epochs per slice, then goes on when played again', async () => {
    const h = harness(0.01); // each clock read 0.01 ms: a slice of a frame holds over a thousand epochs
    await h.do({ type: 'init', runId: 1, config: { ...XOR, stopEpoch: 777 } });
    await playUntilIdle(h);
    expect(h.time.pending).toBe(0);
    expect(h.lastSnapshot()).toMatchObject({ epoch: 777, status: 'paused' });
    expect(Math.max(...epochsSeen(h))).toBe(777);
    expect(statusEvents(h).at(-1)).toMatchObject({
      status: 'paused',
      epoch: 777,
      stopped: { kind: 'epoch', epoch: 777 },
    });
    // More than one epoch trained per slice, so the stop is inside a slice, not at its end.
    expect(h.snapshots().length).toBeLessThan(20);
    await h.do({ type: 'play', runId: 1 });
    await h.ticks(2);
    await h.do({ type: 'pause', runId: 1 });
    expect(h.lastSnapshot().epoch).toBeGreaterThan(777);
  });

  it('at epoch N at a paced speed, and within a long step', async () => {
    const paced = harness(1);
    await paced.do({ type: 'init', runId: 1, config: { ...XOR, speed: 1000, stopEpoch: 45 } });
    await playUntilIdle(paced, 500);
    expect(paced.lastSnapshot()).toMatchObject({ epoch: 45, status: 'paused' });
    expect(statusEvents(paced).at(-1)?.stopped).toEqual({ kind: 'epoch', epoch: 45 });

    const stepped = harness(0.01);
    await stepped.do({ type: 'init', runId: 1, config: { ...XOR, stopEpoch: 300 } });
    await stepped.stepAll(1, 1000);
    expect(stepped.lastSnapshot()).toMatchObject({ epoch: 300, status: 'paused' });
    expect(Math.max(...epochsSeen(stepped))).toBe(300);
  });

  it('at the first evaluated epoch whose test loss is below x', async () => {
    const h = harness(0.01);
    const config: ExperimentConfig = { ...DEFAULT_CONFIG, speed: 'max', stopTestLoss: 0.05 };
    await h.do({ type: 'init', runId: 1, config });
    await playUntilIdle(h);
    const last = h.lastSnapshot();
    const stop = statusEvents(h).at(-1)?.stopped;
    expect(stop).toMatchObject({ kind: 'testLoss', epoch: last.epoch, below: 0.05 });
    expect(last.status).toBe('paused');
    // Every earlier evaluation was at or above 0.05; this one is below.
    const losses = h.snapshots().flatMap((s) => Array.from(s.history.testLoss));
    const epochs = epochsSeen(h);
    const at = epochs.indexOf(last.epoch);
    expect(losses[at]).toBeLessThan(0.05);
    expect(losses.slice(0, at).filter((l) => !Number.isNaN(l) && l < 0.05)).toEqual([]);
    expect(Math.max(...epochs)).toBe(last.epoch);
  });

  it('a stop set while running (setStop) applies from the next epoch; no stop with none set', async () => {
    const h = harness(0.01);
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'play', runId: 1 });
    await h.ticks(1);
    const now = h.lastSnapshot().epoch;
    await h.do({ type: 'setStop', runId: 1, stop: { stopEpoch: now + 2500, stopTestLoss: null } });
    for (let i = 0; i < 200 && h.time.pending > 0; i++) await h.ticks(1);
    expect(h.lastSnapshot()).toMatchObject({ epoch: now + 2500, status: 'paused' });
    expect(statusEvents(h).filter((e) => e.stopped)).toHaveLength(1);
  });
});
