/**
 * The trainer over a real MessageChannel (node:worker_threads), with a fake clock and a manual
 * scheduler: what the page sees is exactly what the worker posts, structured-cloned and transferred.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { FRAME_MS, MAX_IN_FLIGHT, NO_DATA } from '../../src/worker/runLoop.ts';
import { ACK_TIMEOUT_MS, unpackParams, type Command } from '../../src/worker/protocol.ts';
import { harness, XOR } from './harness.ts';

describe('the trainer over a MessageChannel', () => {
  it('announces a run: its info, then a first snapshot at epoch 0 with the starting loss', async () => {
    const h = harness();
    await h.do({ type: 'init', runId: 1, config: XOR, gridResolution: 20 });
    const [info] = h.infos();
    expect(info).toMatchObject({ runId: 1, sizes: [2, 4, 2, 1], features: ['x', 'y'], problem: 'classification' });
    expect(info!.layers.map((l) => l.activation)).toEqual(['tanh', 'tanh', 'tanh']);
    expect(info!.inputGrids).toBeInstanceOf(Float32Array);
    expect(info!.inputGrids.length).toBe(2 * 20 * 20);
    expect(info!.trainPoints.length / 2 + info!.testPoints.length / 2).toBe(200);
    const s = h.lastSnapshot();
    expect(s).toMatchObject({ runId: 1, status: 'idle', epoch: 0 });
    expect(Array.from(s.history.epochs)).toEqual([0]);
    expect(s.history.testLoss[0]).toBeCloseTo(s.testLoss, 12);
    expect(s.params.length).toBe(info!.paramCount);
    expect(s.outputGrid.length).toBe(20 * 20);
    expect(s.hiddenGrids.length).toBe(6 * 20 * 20);
    expect(s.trainAccuracy).not.toBeNull();
    expect(s.confusion!.length).toBe(4);
    expect(s.confusion!.reduce((a, b) => a + b, 0)).toBe(info!.testPoints.length / 2);
  });

  it('steps n epochs, pausing, with one history point per epoch', async () => {
    const h = harness();
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'step', runId: 1, epochs: 5 });
    expect(h.statuses()).toEqual(['paused']);
    const s = h.lastSnapshot();
    expect(s.epoch).toBe(5);
    expect(Array.from(s.history.epochs)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(s.history.batchLoss).every(Number.isFinite)).toBe(true);
    expect(Array.from(s.history.testLoss).every(Number.isFinite)).toBe(true); // every epoch below 512
  });

  it('plays at full speed with one snapshot per frame at most, and pauses', async () => {
    const h = harness(1); // each clock read: 1 ms
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'play', runId: 1 });
    expect(h.statuses()).toEqual(['running']);
    await h.ticks(10);
    const running = h.snapshots(1).filter((s) => s.status === 'running');
    expect(running.length).toBe(10);
    // Epochs advance and no epoch is missing from the history.
    const epochs = running.flatMap((s) => Array.from(s.history.epochs));
    expect(epochs).toEqual(Array.from({ length: epochs.length }, (_, i) => i + 1));
    expect(epochs.length).toBeGreaterThan(20);
    await h.do({ type: 'pause', runId: 1 });
    expect(h.statuses()).toEqual(['running', 'paused']);
    const paused = h.lastSnapshot();
    expect(paused.status).toBe('paused');
    expect(h.time.pending).toBe(0);
    await h.ticks(5);
    expect(h.lastSnapshot()).toBe(paused);
  });

  it('never sends snapshots faster than one per frame, however fast epochs are', async () => {
    const h = harness(0.01);
    const times: number[] = [];
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'play', runId: 1 });
    for (let i = 0; i < 5; i++) {
      await h.ticks(1);
      times.push(h.time.t);
    }
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(FRAME_MS);
  });

  it('a new run of the same config gives the same start; commands for the old run are ignored', async () => {
    const h = harness();
    await h.do({ type: 'init', runId: 1, config: XOR });
    const start = h.lastSnapshot();
    await h.do({ type: 'step', runId: 1, epochs: 3 });
    await h.do({ type: 'init', runId: 2, config: XOR });
    const again = h.lastSnapshot();
    expect(again).toMatchObject({ runId: 2, epoch: 0, status: 'idle' });
    expect(Array.from(again.params)).toEqual(Array.from(start.params));
    expect(again.testLoss).toBe(start.testLoss);
    const before = h.events.length;
    await h.do({ type: 'step', runId: 1, epochs: 3 });
    await h.do({ type: 'play', runId: 1 });
    expect(h.events.length).toBe(before);
    await h.do({ type: 'step', runId: 2, epochs: 3 });
    const a = h.batchLosses(1);
    const b = h.batchLosses(2);
    expect([1, 2, 3].every((e) => Number.isFinite(b.get(e)))).toBe(true);
    expect([1, 2, 3].map((e) => b.get(e))).toEqual([1, 2, 3].map((e) => a.get(e)));
  });

  it('applies hyperparameters live: the epoch count goes on, the trajectory changes from then on', async () => {
    const changed = harness();
    const plain = harness();
    for (const h of [changed, plain]) {
      await h.do({ type: 'init', runId: 1, config: XOR });
      await h.do({ type: 'step', runId: 1, epochs: 3 });
    }
    await changed.do({
      type: 'setHyperparameters',
      runId: 1,
      hyperparameters: {
        learningRate: 0.3,
        optimizer: 'adam',
        batchSize: 5,
        regularization: 'l2',
        regularizationRate: 0.001,
      },
    });
    for (const h of [changed, plain]) await h.do({ type: 'step', runId: 1, epochs: 3 });
    expect(changed.lastSnapshot().epoch).toBe(6);
    const a = changed.batchLosses();
    const b = plain.batchLosses();
    expect([1, 2, 3, 4, 5, 6].every((e) => Number.isFinite(a.get(e)) && Number.isFinite(b.get(e)))).toBe(true);
    expect([1, 2, 3].map((e) => a.get(e))).toEqual([1, 2, 3].map((e) => b.get(e)));
    for (const e of [4, 5, 6]) expect(a.get(e)).not.toBe(b.get(e));
  });

  it('a new optimizer while paused answers with a snapshot whose trainer state has the fresh moments', async () => {
    const h = harness();
    await h.do({ type: 'init', runId: 1, config: { ...XOR, optimizer: 'momentum' } });
    await h.do({ type: 'step', runId: 1, epochs: 3 });
    expect(h.lastSnapshot().trainer.optimizer.m.some((x) => x !== 0)).toBe(true);
    const before = h.snapshots().length;
    await h.do({ type: 'setHyperparameters', runId: 1, hyperparameters: { learningRate: 0.1 } });
    expect(h.snapshots().length).toBe(before);
    await h.do({ type: 'setHyperparameters', runId: 1, hyperparameters: { optimizer: 'adam' } });
    expect(h.snapshots().length).toBe(before + 1);
    const { optimizer } = h.lastSnapshot().trainer;
    expect(optimizer.t).toBe(0);
    expect(optimizer.m.every((x) => x === 0)).toBe(true);
  });

  it('gives identical numbers for the same seed whatever the snapshot timing', async () => {
    const fine = harness(2); // a snapshot every few epochs
    const coarse = harness(0.05); // hundreds of epochs per snapshot
    const stepped = harness();
    for (const h of [fine, coarse, stepped]) await h.do({ type: 'init', runId: 1, config: XOR });
    for (const h of [fine, coarse]) {
      await h.do({ type: 'play', runId: 1 });
      while (h.snapshots().reduce((m, s) => Math.max(m, s.epoch), 0) < 300) await h.ticks(1);
      await h.do({ type: 'pause', runId: 1 });
    }
    expect(fine.snapshots().length).toBeGreaterThan(coarse.snapshots().length * 3);
    await stepped.stepAll(1, 300);
    const ref = stepped.batchLosses();
    expect(ref.size).toBe(301);
    expect([...ref.values()].slice(1).every(Number.isFinite)).toBe(true);
    for (const h of [fine, coarse]) {
      const got = h.batchLosses();
      for (let e = 1; e <= 300; e++) expect(got.get(e)).toBe(ref.get(e));
    }
    // Same epoch → same weights.
    await fine.do({ type: 'step', runId: 1, epochs: 0 });
    const fineAt = fine.lastSnapshot();
    await stepped.stepAll(1, fineAt.epoch - 300);
    expect(Array.from(stepped.lastSnapshot().params)).toEqual(Array.from(fineAt.params));
  });

  it('stops on divergence (learning rate 10), says what and when, and accepts reset', async () => {
    const h = harness();
    const config: ExperimentConfig = {
      ...DEFAULT_CONFIG,
      dataset: 'regPlane',
      problem: 'regression',
      output: 'linear',
      activation: 'linear',
      learningRate: 10,
      speed: 'max',
    };
    await h.do({ type: 'init', runId: 1, config });
    await h.do({ type: 'play', runId: 1 });
    for (let i = 0; i < 50 && !h.statuses().includes('diverged'); i++) await h.ticks(1);
    expect(h.statuses()).toEqual(['running', 'diverged']);
    const status = h.events.find((e) => e.type === 'status' && e.status === 'diverged');
    if (status?.type !== 'status') throw new Error('no divergence');
    expect(status.message).toMatch(/at epoch \d+/);
    expect(status.message).toMatch(
      /The learning rate 10 is too high for SGD with the linear activation\. Lower it to 1/,
    );
    expect(status.divergence).toMatchObject({ cause: 'learningRate', fix: { learningRate: 1 } });
    expect(status.divergence!.what).toBe(`the loss became Infinity at epoch ${status.epoch}`);
    const last = h.lastSnapshot();
    expect(last.status).toBe('diverged');
    expect(last.epoch).toBe(status.epoch);
    expect(h.time.pending).toBe(0);
    // Play and step are refused (the status is repeated), reset starts afresh.
    await h.do({ type: 'play', runId: 1 });
    await h.do({ type: 'step', runId: 1, epochs: 1 });
    expect(h.lastSnapshot()).toBe(last);
    expect(h.statuses()).toEqual(['running', 'diverged', 'diverged', 'diverged']);
    await h.do({ type: 'init', runId: 2, config });
    expect(h.lastSnapshot()).toMatchObject({ runId: 2, epoch: 0, status: 'idle' });
    expect(Number.isFinite(h.lastSnapshot().trainLoss)).toBe(true);
    expect(h.lastSnapshot().confusion).toBeNull();
    expect(h.lastSnapshot().trainAccuracy).toBeNull();
  });

  it('paces numeric speeds against the clock', async () => {
    const h = harness(0.001);
    await h.do({ type: 'init', runId: 1, config: { ...XOR, speed: 10 } });
    await h.do({ type: 'play', runId: 1 });
    while (h.time.t < 2000) if (!h.time.runOne()) break;
    await h.settle();
    const epoch = Math.max(...h.snapshots().map((s) => s.epoch));
    expect(epoch).toBeGreaterThanOrEqual(19);
    expect(epoch).toBeLessThanOrEqual(21);
    await h.do({ type: 'setSpeed', runId: 1, speed: 100 });
    const t0 = h.time.t;
    while (h.time.t < t0 + 1000) if (!h.time.runOne()) break;
    await h.settle();
    const after = Math.max(...h.snapshots().map((s) => s.epoch));
    expect(after - epoch).toBeGreaterThanOrEqual(95);
    expect(after - epoch).toBeLessThanOrEqual(105);
    // At 100 epochs/s snapshots still come at most once per frame.
    const fast = h.snapshots().filter((s) => s.epoch > epoch);
    expect(fast.length).toBeLessThanOrEqual(Math.ceil(1000 / FRAME_MS) + 1);
    expect(fast.length).toBeGreaterThan(30);
  });

  it('sets a single weight or bias and answers with a snapshot', async () => {
    const h = harness();
    await h.do({ type: 'init', runId: 1, config: XOR });
    const info = h.infos()[0]!;
    await h.do({ type: 'setWeight', runId: 1, layer: 1, to: 1, from: 3, value: 2.5 });
    const l = info.layers[1]!;
    expect(h.lastSnapshot().params[l.wOffset + 1 * l.inSize + 3]).toBe(2.5);
    await h.do({ type: 'setWeight', runId: 1, layer: 2, to: 0, from: -1, value: -0.75 });
    expect(h.lastSnapshot().params[info.layers[2]!.bOffset]).toBe(-0.75);
    await h.do({ type: 'setWeight', runId: 1, layer: 5, to: 0, from: 0, value: 1 });
    expect(h.events.at(-1)).toMatchObject({ type: 'error', runId: 1 });
  });

  it('reports a config it cannot build as an error event of that run, and stays usable', async () => {
    const h = harness();
    await h.do({ type: 'init', runId: 1, config: { ...XOR, hidden: [0] } });
    expect(h.events.at(-1)).toMatchObject({ type: 'error', runId: 1 });
    await h.do({ type: 'hello', protocol: 2, nonce: 5 });
    expect(h.events.at(-1)).toMatchObject({ type: 'hello', nonce: 5 });
    await h.do({ type: 'init', runId: 2, config: XOR });
    expect(h.lastSnapshot().runId).toBe(2);
  });

  it('a drawn dataset without points builds, but does not train: it says so and stays idle', async () => {
    const h = harness();
    await h.do({ type: 'init', runId: 1, config: { ...XOR, dataset: 'custom', points: [] } });
    expect(h.lastSnapshot()).toMatchObject({ runId: 1, epoch: 0, status: 'idle' });
    await h.do({ type: 'play', runId: 1 });
    await h.do({ type: 'step', runId: 1, epochs: 1 });
    await h.ticks(3);
    expect(h.statuses()).toEqual(['idle', 'idle']);
    expect(h.events.filter((e) => e.type === 'notice').map((e) => e.type === 'notice' && e.message)).toEqual([
      NO_DATA,
      NO_DATA,
    ]);
    expect(h.lastSnapshot().epoch).toBe(0);
  });

  it('restores given weights and epoch', async () => {
    const h = harness();
    await h.do({ type: 'init', runId: 1, config: { ...XOR, hidden: [] } });
    await h.do({
      type: 'init',
      runId: 2,
      config: { ...XOR, hidden: [] },
      restore: { weights: [[[0.5, -0.5]]], biases: [[0.25]], epoch: 17 },
    });
    const s = h.lastSnapshot();
    expect(s.epoch).toBe(17);
    expect(Array.from(s.params)).toEqual([0.5, -0.5, 0.25]);
    await h.do({ type: 'step', runId: 2, epochs: 1 });
    expect(h.lastSnapshot().epoch).toBe(18);
  });

  it('keeps training after a snapshot: the worker transfers copies, never its own buffers', async () => {
    const h = harness();
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'step', runId: 1, epochs: 2 });
    await h.do({ type: 'step', runId: 1, epochs: 2 });
    const snaps = h.snapshots();
    expect(snaps.at(-1)!.epoch).toBe(4);
    expect(snaps.at(-1)!.params.length).toBe(snaps[0]!.params.length);
    expect(Array.from(snaps.at(-1)!.params).every(Number.isFinite)).toBe(true);
    expect(Array.from(snaps.at(-2)!.history.epochs)).toEqual([1, 2]);
    expect(Array.from(snaps.at(-1)!.history.epochs)).toEqual([3, 4]);
  });
});

describe('the trainer host', () => {
  it('answers a malformed message with an error event instead of dying', async () => {
    const h = harness();
    h.send(null as unknown as Command);
    h.send({ nope: 1 } as unknown as Command);
    await h.settle();
    expect(h.events.map((e) => e.type)).toEqual(['error', 'error']);
    await h.do({ type: 'init', runId: 1, config: XOR });
    expect(h.lastSnapshot().runId).toBe(1);
  });

  it('answers a ping with a pong of the same nonce, before any run and between slices at full speed', async () => {
    const h = harness();
    await h.do({ type: 'ping', nonce: 11 });
    expect(h.events).toEqual([{ type: 'pong', nonce: 11 }]);
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'play', runId: 1 });
    await h.ticks(3);
    const epoch = h.lastSnapshot().epoch;
    // The loop has its next slice scheduled; the ping is answered without waiting for it.
    expect(h.time.pending).toBe(1);
    await h.do({ type: 'ping', nonce: 12 });
    expect(h.events.at(-1)).toEqual({ type: 'pong', nonce: 12 });
    expect(h.time.pending).toBe(1);
    // The run goes on undisturbed.
    await h.ticks(2);
    expect(h.statuses()).toEqual(['running']);
    expect(h.lastSnapshot().epoch).toBeGreaterThan(epoch);
  });
});

describe('exact continuation', () => {
  it('a run restored from exported weights and trainer state continues with the same numbers', async () => {
    const config: ExperimentConfig = { ...XOR, optimizer: 'adam', dropout: 0.1, learningRate: 0.01 };
    const original = harness();
    await original.do({ type: 'init', runId: 1, config });
    await original.do({ type: 'step', runId: 1, epochs: 5 });
    await original.do({ type: 'requestExport', runId: 1, requestId: 7 });
    const exp = original.events.at(-1);
    if (exp?.type !== 'export') throw new Error('no export');
    expect(exp).toMatchObject({ runId: 1, requestId: 7, epoch: 5 });
    const { weights, biases } = unpackParams(original.infos()[0]!.layers, exp.params);

    const restored = harness();
    await restored.do({
      type: 'init',
      runId: 1,
      config,
      restore: { weights, biases, epoch: exp.epoch, trainer: exp.trainer },
    });
    const plain = harness(); // weights only: same start, but a fresh shuffle and optimizer
    await plain.do({ type: 'init', runId: 1, config, restore: { weights, biases, epoch: exp.epoch } });
    for (const h of [original, restored, plain]) await h.do({ type: 'step', runId: 1, epochs: 3 });
    const a = original.batchLosses();
    const b = restored.batchLosses();
    const c = plain.batchLosses();
    for (const e of [6, 7, 8]) {
      expect(Number.isFinite(a.get(e))).toBe(true);
      expect(b.get(e)).toBe(a.get(e));
    }
    expect(c.get(6)).not.toBe(a.get(6));
    expect(Array.from(restored.lastSnapshot().params)).toEqual(Array.from(original.lastSnapshot().params));
  });
});

describe('flow control', () => {
  it('keeps at most two snapshots unacknowledged (or waits ACK_TIMEOUT_MS), training on meanwhile', async () => {
    const h = harness(1);
    await h.do({ type: 'init', runId: 1, config: XOR, flowControl: true });
    await h.do({ type: 'play', runId: 1 });
    await h.ticks(20); // no acks: the page is "slow"
    const streamed = () => h.snapshots(1).filter((s) => s.status === 'running');
    expect(streamed().length).toBe(MAX_IN_FLIGHT);
    const t0 = h.time.t;
    while (h.time.t < t0 + ACK_TIMEOUT_MS + 2 * FRAME_MS) await h.ticks(1);
    expect(streamed().length).toBe(MAX_IN_FLIGHT + 1); // the timeout let one through
    // Acknowledged at once: one per frame again.
    const before = streamed().length;
    for (let i = 0; i < 5; i++) {
      await h.do({ type: 'ack', runId: 1, seq: streamed().at(-1)!.seq });
      const t = h.time.t;
      while (streamed().length === before + i && h.time.t < t + 2 * FRAME_MS) await h.ticks(1);
    }
    expect(streamed().length).toBe(before + 5);
    // No epoch is lost from the history however the snapshots were spaced.
    const epochs = h.snapshots(1).flatMap((s) => Array.from(s.history.epochs));
    expect(epochs).toEqual(Array.from({ length: epochs.length }, (_, i) => i));
    await h.do({ type: 'pause', runId: 1 });
    expect(h.lastSnapshot().status).toBe('paused');
  });
});

describe('an exception while running', () => {
  it('stops the run with an error event of that run instead of killing the worker', async () => {
    const h = harness();
    await h.do({ type: 'init', runId: 1, config: XOR });
    await h.do({ type: 'play', runId: 1 });
    await h.ticks(1);
    // Break the engine under the running loop.
    const run = h.host.current!;
    (run as unknown as { b: { trainer: { epoch(): never } } }).b.trainer.epoch = () => {
      throw new Error('boom');
    };
    await h.ticks(1);
    expect(h.events.at(-1)).toMatchObject({ type: 'error', runId: 1, message: 'Training stopped: boom' });
    expect(h.time.pending).toBe(0);
    await h.do({ type: 'init', runId: 2, config: XOR });
    expect(h.lastSnapshot().runId).toBe(2);
  });
});
