import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWorkerBridge } from '../../src/state/bridge.ts';
import { resetStoreForTests, store } from '../../src/state/store.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
import { HEARTBEAT, UNRESPONSIVE } from '../../src/worker/client.ts';
import type { Command } from '../../src/worker/protocol.ts';
import { FakeWorker } from '../worker/fakeWorker.ts';
import { runInfoEvent, snapshot } from './fixtures.ts';

let workers: FakeWorker[] = [];
/** How every new worker answers pings (see FakeWorker.pongDelayMs). */
let pongDelayMs: number | null = null;
const factory = () => {
  const w = new FakeWorker();
  w.pongDelayMs = pongDelayMs;
  workers.push(w);
  return w as unknown as Worker;
};

beforeEach(() => {
  workers = [];
  pongDelayMs = null;
  resetStoreForTests();
});

/** A running snapshot of the 2 → 1 network: W = [0.5, −0.25], b = 0.125. */
const snap = (runId: number, epoch: number) =>
  snapshot(runId, epoch, { status: 'running', params: Float64Array.of(0.5, -0.25, 0.125) });

describe('the worker bridge', () => {
  it('says hello, sends the current config, and terminates the worker when stopped', () => {
    const stop = startWorkerBridge({ factory });
    expect(workers).toHaveLength(1);
    const w = workers[0]!;
    expect(w.sent.map((c) => c.type)).toEqual(['hello', 'init']);
    const init = w.sent[1] as Extract<Command, { type: 'init' }>;
    expect(init.config).toEqual(DEFAULT_CONFIG);
    expect(init.runId).toBe(store.getState().runId);
    stop();
    expect(w.terminated).toBe(true);
    store.getState().play();
    expect(w.sent).toHaveLength(2);
  });

  it('after the worker dies, starts a fresh one that continues from the last snapshot with the same config', () => {
    const stop = startWorkerBridge({ factory });
    const first = workers[0]!;
    store.getState().setConfig({ learningRate: 0.3, hidden: [] });
    const id = store.getState().runId;
    first.emit(runInfoEvent(id, 1));
    first.emit({ type: 'snapshot', snapshot: snap(id, 42) });
    first.die();
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const second = workers[1]!;
    const init = second.sent.find((c) => c.type === 'init') as Extract<Command, { type: 'init' }>;
    expect(init.config).toMatchObject({ learningRate: 0.3, hidden: [] });
    expect(init.restore).toEqual({
      weights: [[[0.5, -0.25]]],
      biases: [[0.125]],
      epoch: 42,
      trainer: { rng: 1, order: [], optimizer: { m: [], v: [], t: 0 } },
    });
    expect(store.getState().history.map((p) => p.epoch)).toEqual([42]);
    // One notice says what happened and what follows; the run was not playing, so it waits.
    expect(store.getState().notices.map((n) => [n.kind, n.text])).toEqual([
      [
        'warning',
        'The training worker failed (worker crashed). A fresh worker continues exactly where it was (epoch 42); nothing was lost.',
      ],
    ]);
    expect(second.sent.map((c) => c.type)).not.toContain('play');
    expect(store.getState().run.status).toBe('idle');
    stop();
  });

  it('a worker that dies while training is replaced by one that trains on', () => {
    const stop = startWorkerBridge({ factory });
    store.getState().play();
    expect(store.getState().run.status).toBe('running');
    workers[0]!.die();
    const second = workers[1]!;
    expect(second.sent.map((c) => c.type)).toEqual(['hello', 'init', 'play']);
    const play = second.sent[2] as Extract<Command, { type: 'play' }>;
    expect(play.runId).toBe((second.sent[1] as Extract<Command, { type: 'init' }>).runId);
    expect(store.getState().run.status).toBe('running');
    expect(store.getState().notices).toHaveLength(1);
    // No snapshot yet: nothing to continue from, and the notice does not claim otherwise.
    expect(store.getState().notices[0]!.text).toMatch(
      /A fresh worker starts this experiment from epoch 0 and keeps training; your settings are kept\.$/,
    );
    stop();
  });

  it("continues from the latest snapshot's trainer state and the whole history, not the lagging published copy", () => {
    const stop = startWorkerBridge({ factory });
    const first = workers[0]!;
    const id = store.getState().runId;
    store.getState().play();
    first.emit(runInfoEvent(id, 1));
    const trainer = { rng: 77, order: [], optimizer: { m: [0.1, 0.2, 0.3], v: [1, 2, 3], t: 9 } };
    // Snapshots closer together than HISTORY_PUBLISH_MS: the published history stops at epoch 1.
    for (let e = 1; e <= 3; e++)
      first.emit({ type: 'snapshot', snapshot: { ...snap(id, e), seq: e, trainer: { ...trainer, rng: e } } });
    expect(store.getState().history.map((p) => p.epoch)).toEqual([1]);
    first.die();
    const init = workers[1]!.sent.find((c) => c.type === 'init') as Extract<Command, { type: 'init' }>;
    expect(init.restore).toMatchObject({ epoch: 3, trainer: { ...trainer, rng: 3 } });
    expect(store.getState().history.map((p) => p.epoch)).toEqual([1, 2, 3]);
    expect(store.getState().notices[0]!.text).toMatch(
      /continues exactly where it was \(epoch 3\) and keeps training; nothing was lost\.$/,
    );
    stop();
  });

  it('asks for flow control and acknowledges the latest snapshot once per frame', async () => {
    const stop = startWorkerBridge({ factory });
    const w = workers[0]!;
    const init = w.sent.find((c) => c.type === 'init') as Extract<Command, { type: 'init' }>;
    expect(init.flowControl).toBe(true);
    const id = store.getState().runId;
    w.emit({ type: 'snapshot', snapshot: { ...snap(id, 1), seq: 1 } });
    w.emit({ type: 'snapshot', snapshot: { ...snap(id, 2), seq: 2 } });
    expect(w.sent.filter((c) => c.type === 'ack')).toEqual([]);
    await new Promise((r) => setTimeout(r, 40));
    expect(w.sent.filter((c) => c.type === 'ack')).toEqual([{ type: 'ack', runId: id, seq: 2 }]);
    stop();
  });

  it('after a death following divergence, starts afresh instead of restoring non-finite weights', () => {
    const stop = startWorkerBridge({ factory });
    const first = workers[0]!;
    const id = store.getState().runId;
    first.emit(runInfoEvent(id, 1));
    first.emit({
      type: 'snapshot',
      snapshot: { ...snap(id, 7), status: 'diverged', params: Float64Array.of(NaN, 1, 1) },
    });
    first.die();
    const init = workers[1]!.sent.find((c) => c.type === 'init') as Extract<Command, { type: 'init' }>;
    expect(init.restore).toBeUndefined();
    expect(store.getState().notices.at(-1)!.text).toMatch(
      /The run had diverged, so a fresh worker starts it again from epoch 0; your settings are kept\.$/,
    );
    stop();
  });

  it('gives up after repeated deaths and says so', () => {
    const stop = startWorkerBridge({ factory, maxRestarts: 2 });
    workers[0]!.die();
    workers[1]!.die();
    workers[2]!.die();
    expect(workers).toHaveLength(3);
    expect(store.getState().worker).toBe('failed');
    expect(store.getState().notices.at(-1)?.kind).toBe('error');
    stop();
  });
});

describe('a file loaded before the worker is up', () => {
  it('reaches the worker with its weights once the bridge starts', () => {
    const config = { ...DEFAULT_CONFIG, hidden: [] };
    const weights = { weights: [[[1, 2]]], biases: [[3]] };
    store.getState().loadExperiment(config, { weights, epoch: 9 });
    const stop = startWorkerBridge({ factory });
    const init = workers[0]!.sent.find((c) => c.type === 'init') as Extract<Command, { type: 'init' }>;
    expect(init.config).toEqual(config);
    expect(init.restore).toEqual({ ...weights, epoch: 9 });
    stop();
  });

  it('after a death before the first snapshot, starts from the loaded weights again and says what was kept', () => {
    const config = { ...DEFAULT_CONFIG, hidden: [] };
    const weights = { weights: [[[1, 2]]], biases: [[3]] };
    const trainer = { rng: 5, order: [], optimizer: { m: [0, 0, 0], v: [0, 0, 0], t: 2 } };
    const stop = startWorkerBridge({ factory });
    store.getState().loadExperiment(config, { weights, epoch: 9 });
    workers[0]!.die();
    expect((workers[1]!.sent.find((c) => c.type === 'init') as Extract<Command, { type: 'init' }>).restore).toEqual({
      ...weights,
      epoch: 9,
    });
    expect(store.getState().notices.at(-1)!.text).toMatch(
      /continues from the loaded weights \(epoch 9\), with a fresh optimizer and shuffle\.$/,
    );
    store.getState().loadExperiment(config, { weights, epoch: 9, trainer });
    workers[1]!.die();
    expect(store.getState().notices.at(-1)!.text).toMatch(
      /continues exactly from the loaded experiment \(epoch 9\); nothing was lost\.$/,
    );
    stop();
  });
});

describe('a worker that dies without an error event', () => {
  const { intervalMs, timeoutMs } = HEARTBEAT;
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const initOf = (w: FakeWorker) => w.sent.find((c) => c.type === 'init') as Extract<Command, { type: 'init' }>;

  it('is found silent by the heartbeat, terminated once, and replaced by a fresh worker with the current config', () => {
    pongDelayMs = 20;
    const stop = startWorkerBridge({ factory });
    const first = workers[0]!;
    vi.advanceTimersByTime(60_000);
    expect(workers).toHaveLength(1);
    store.getState().setConfig({ learningRate: 0.3 });
    first.pongDelayMs = null; // the renderer killed it: no error event, no answers
    vi.advanceTimersByTime(timeoutMs + 2 * intervalMs);
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const second = workers[1]!;
    expect(second.terminated).toBe(false);
    expect(initOf(second).config).toMatchObject({ learningRate: 0.3 });
    expect(store.getState().notices.map((n) => [n.kind, n.text])).toEqual([
      ['warning', expect.stringContaining(UNRESPONSIVE)],
    ]);
    // The fresh worker answers: no further restart, and the dead one hears nothing more.
    const sentToFirst = first.sent.length;
    vi.advanceTimersByTime(600_000);
    expect(workers).toHaveLength(2);
    expect(first.sent).toHaveLength(sentToFirst);
    stop();
    const sentToSecond = second.sent.length;
    vi.advanceTimersByTime(600_000);
    expect(second.terminated).toBe(true);
    expect(second.sent).toHaveLength(sentToSecond);
  });

  it('a pong from the old worker does not keep the new one alive', () => {
    const stop = startWorkerBridge({ factory });
    const first = workers[0]!;
    first.emit({ type: 'hello', protocol: 2, nonce: 1 });
    vi.advanceTimersByTime(timeoutMs + 2 * intervalMs);
    expect(workers).toHaveLength(2);
    const second = workers[1]!;
    second.emit({ type: 'hello', protocol: 2, nonce: 2 });
    // The old worker echoes every ping the new one gets; the new one itself stays silent.
    for (let t = 0; t < timeoutMs + 2 * intervalMs; t += intervalMs) {
      vi.advanceTimersByTime(intervalMs);
      for (const nonce of second.pings()) first.emit({ type: 'pong', nonce });
    }
    expect(second.terminated).toBe(true);
    expect(workers).toHaveLength(3);
    stop();
  });

  it('counts toward the restart limit like any other death', () => {
    const stop = startWorkerBridge({ factory, maxRestarts: 1 });
    for (let i = 0; i < 2; i++) {
      workers[i]!.emit({ type: 'hello', protocol: 2, nonce: i });
      vi.advanceTimersByTime(timeoutMs + 2 * intervalMs);
    }
    expect(workers).toHaveLength(2);
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(store.getState().worker).toBe('failed');
    expect(store.getState().notices.at(-1)?.kind).toBe('error');
    stop();
  });
});
