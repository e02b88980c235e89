/**
 * Lockstep of two runs: the coordinator (src/state/lockstep.ts) against two real trainers over
 * MessageChannels (the worker's setLimit barrier), and its messages on their own.
 */
import { describe, expect, it } from 'vitest';
import { chunkFor, Lockstep, MIN_CHUNK, type Slot } from '../../src/state/lockstep.ts';
import type { Command } from '../../src/worker/protocol.ts';
import { harness, XOR } from '../worker/harness.ts';

describe('the worker limit (setLimit)', () => {
  it('stops a running run at the limit, waits there, and goes on when it is raised', async () => {
    const h = harness(1);
    await h.do({ type: 'init', runId: 1, config: { ...XOR, speed: 'max' } });
    await h.do({ type: 'setLimit', runId: 1, epoch: 7 });
    await h.do({ type: 'play', runId: 1 });
    await h.ticks(20);
    expect(h.lastSnapshot().epoch).toBe(7);
    expect(h.time.pending).toBe(0); // waiting: no tick scheduled
    expect(h.statuses(1)).toEqual(['running']);
    await h.do({ type: 'setLimit', runId: 1, epoch: 12, pause: true });
    while (h.time.pending > 0) await h.ticks(1);
    expect(h.lastSnapshot()).toMatchObject({ epoch: 12, status: 'paused' });
    expect(h.statuses(1)).toEqual(['running', 'paused']);
  });

  it('does not limit a step', async () => {
    const h = harness(1);
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'setLimit', runId: 1, epoch: 2 });
    await h.stepAll(1, 5);
    expect(h.lastSnapshot().epoch).toBe(5);
  });
});

describe('Lockstep', () => {
  it('plays both up to a shared limit that follows the slower run', () => {
    const sent: [Slot, Command][] = [];
    const ls = new Lockstep((slot, c) => sent.push([slot, c]));
    ls.started('A', 1, 0);
    ls.started('B', 2, 0);
    ls.play();
    expect(sent).toEqual([
      ['A', { type: 'setLimit', runId: 1, epoch: MIN_CHUNK }],
      ['A', { type: 'play', runId: 1 }],
      ['B', { type: 'setLimit', runId: 2, epoch: MIN_CHUNK }],
      ['B', { type: 'play', runId: 2 }],
    ]);
    sent.length = 0;
    ls.progress('A', 1, MIN_CHUNK, 0); // A waits at the limit; B has not moved
    expect(sent).toEqual([]);
    ls.progress('B', 2, 3, 500);
    const limit = 3 + chunkFor(500);
    expect(sent).toEqual([
      ['A', { type: 'setLimit', runId: 1, epoch: limit }],
      ['B', { type: 'setLimit', runId: 2, epoch: limit }],
    ]);
    sent.length = 0;
    ls.progress('B', 99, 50, 500); // an old run's report
    expect(sent).toEqual([]);
    ls.pause();
    expect(sent).toEqual([
      ['A', { type: 'setLimit', runId: 1, epoch: limit, pause: true }],
      ['B', { type: 'setLimit', runId: 2, epoch: limit, pause: true }],
    ]);
  });

  it('lets the other run go on when one diverges', () => {
    const sent: [Slot, Command][] = [];
    const ls = new Lockstep((slot, c) => sent.push([slot, c]));
    ls.started('A', 1, 0);
    ls.started('B', 2, 0);
    ls.play();
    ls.progress('B', 2, 2, 100, true);
    sent.length = 0;
    ls.progress('A', 1, 40, 1000);
    expect(sent[0]).toEqual(['A', { type: 'setLimit', runId: 1, epoch: 40 + chunkFor(1000) }]);
  });

  it('keeps two real trainers at the same epoch: play, pause, step', async () => {
    // A trains a bigger network than B (slower per epoch), on the same data and seed.
    const a = harness(1);
    const b = harness(1);
    const configA = { ...XOR, hidden: [8, 8], speed: 'max' as const };
    const configB = { ...XOR, learningRate: 0.3, speed: 'max' as const };
    const hs = { A: a, B: b };
    const ls = new Lockstep((slot, c) => hs[slot].send(c));
    await a.do({ type: 'init', runId: 1, config: configA });
    await b.do({ type: 'init', runId: 2, config: configB });
    ls.started('A', 1, 0);
    ls.started('B', 2, 0);
    ls.play();
    const report = () => {
      for (const slot of ['A', 'B'] as const) {
        const s = hs[slot].snapshots().at(-1);
        if (s) ls.progress(slot, s.runId, s.epoch, s.epochsPerSecond, s.status === 'diverged');
      }
    };
    for (let i = 0; i < 30; i++) {
      // B gets three frames for each of A's: B is faster, and must wait for A.
      await a.settle();
      await a.ticks(1);
      await b.ticks(3);
      report();
      const gap = Math.abs(a.lastSnapshot().epoch - b.lastSnapshot().epoch);
      expect(gap).toBeLessThanOrEqual(ls.currentLimit);
      expect(Math.max(a.lastSnapshot().epoch, b.lastSnapshot().epoch)).toBeLessThanOrEqual(ls.currentLimit);
    }
    expect(a.lastSnapshot().epoch).toBeGreaterThan(MIN_CHUNK);
    ls.pause();
    await a.settle();
    await b.settle();
    while (a.time.pending + b.time.pending > 0) {
      await a.ticks(1);
      await b.ticks(1);
    }
    expect(a.lastSnapshot().status).toBe('paused');
    expect(b.lastSnapshot().status).toBe('paused');
    expect(a.lastSnapshot().epoch).toBe(b.lastSnapshot().epoch);
    report();
    const at = a.lastSnapshot().epoch;
    ls.step(3);
    await a.settle();
    await b.settle();
    while (a.time.pending + b.time.pending > 0) {
      await a.ticks(1);
      await b.ticks(1);
    }
    expect(a.lastSnapshot().epoch).toBe(at + 3);
    expect(b.lastSnapshot().epoch).toBe(at + 3);
  });
});
