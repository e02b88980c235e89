// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedExperiment } from '../../src/persist/lastExperiment.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
import type { Experiment } from '../../src/share/file.ts';
import {
  browserKeeper,
  resetAutosaveForTests,
  restoreLastExperiment,
  SAVE_AFTER_CHANGE_MS,
  SAVE_EVERY_MS,
  startAutosave,
  type Keeper,
  useLastExperiment,
} from '../../src/state/autosave.ts';
import { decodeHash } from '../../src/share/hash.ts';
import { historyBuffer } from '../../src/state/run.ts';
import { connectWorker, receiveEvent, resetStoreForTests, startCurrentRun, store } from '../../src/state/store.ts';
import type { Command, Snapshot } from '../../src/worker/protocol.ts';
import { useFakeIndexedDB } from '../persist/fakeIdb.ts';
import { runInfoEvent, snapshot } from './fixtures.ts';

let sent: Command[] = [];
let disconnect: () => void = () => undefined;

/** A keeper that remembers what it was given. */
function fakeKeeper(stored: LoadedExperiment = { status: 'none' }) {
  const saves: Experiment[] = [];
  let cleared = 0;
  const keeper: Keeper = {
    save: (e) => {
      saves.push(structuredClone(e));
      return Promise.resolve(true);
    },
    load: () => Promise.resolve(stored),
    clear: () => {
      cleared++;
      return Promise.resolve();
    },
  };
  return { keeper, saves, cleared: () => cleared };
}

beforeEach(() => {
  disconnect();
  resetStoreForTests();
  resetAutosaveForTests();
  sent = [];
  disconnect = connectWorker((c) => sent.push(c));
  startCurrentRun();
});
afterEach(() => {
  vi.useRealTimers();
});

const runId = () => store.getState().runId;
const trainer = { rng: 9, order: [], optimizer: { m: [0.5, 0.25, 0.125], v: [1, 2, 3], t: 30 } };
/** The worker's answer for the current run: its info, then a snapshot at `epoch`. */
function workerAt(epoch: number, over: Partial<Snapshot> = {}) {
  receiveEvent(runInfoEvent(runId(), 1));
  receiveEvent({
    type: 'snapshot',
    snapshot: snapshot(runId(), epoch, { seq: epoch === 0 ? 1 : 2, trainer, ...over }),
  });
}

describe('saving while the learner works', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves nothing until the learner does something: a look at the page keeps what was kept before', () => {
    const k = fakeKeeper();
    const stop = startAutosave(k.keeper);
    workerAt(0);
    vi.advanceTimersByTime(10_000);
    window.dispatchEvent(new Event('pagehide'));
    expect(k.saves).toEqual([]);
    stop();
  });

  it('after a step: config, weights, epoch, trainer state and the whole history, soon', () => {
    const k = fakeKeeper();
    const stop = startAutosave(k.keeper);
    workerAt(0);
    receiveEvent({ type: 'snapshot', snapshot: snapshot(runId(), 5, { seq: 2, trainer }) });
    expect(k.saves).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(k.saves).toHaveLength(1);
    expect(k.saves[0]).toEqual({
      config: DEFAULT_CONFIG,
      weights: { weights: [[[1, 2]]], biases: [[3]] },
      epoch: 5,
      history: historyBuffer.save(),
      trainer,
    });
    expect(k.saves[0]!.history.map((p) => p.epoch)).toEqual([0, 5]);
    stop();
  });

  it('while training, at most once every SAVE_EVERY_MS; on pagehide and when hidden at once', async () => {
    const k = fakeKeeper();
    const stop = startAutosave(k.keeper);
    workerAt(0);
    let seq = 2;
    const running = (epoch: number) =>
      receiveEvent({
        type: 'snapshot',
        snapshot: snapshot(runId(), epoch, { seq: seq++, status: 'running', trainer }),
      });
    for (let e = 1; e <= 100; e++) {
      running(e);
      await vi.advanceTimersByTimeAsync(50); // 100 snapshots over 5 s
    }
    expect(k.saves.map((s) => s.epoch)).toEqual([1, 41, 81]);
    running(101);
    window.dispatchEvent(new Event('pagehide'));
    expect(k.saves.at(-1)!.epoch).toBe(101);
    await vi.advanceTimersByTimeAsync(0);
    running(102);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(k.saves.at(-1)!.epoch).toBe(102);
    await vi.advanceTimersByTimeAsync(0);
    // Nothing new: no save.
    window.dispatchEvent(new Event('pagehide'));
    expect(k.saves).toHaveLength(5);
    stop();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  it('a setting change is saved after a quiet period, once for a slider drag', () => {
    const k = fakeKeeper();
    const stop = startAutosave(k.keeper);
    workerAt(0);
    for (const lr of [0.1, 0.2, 0.3]) {
      store.getState().setConfig({ learningRate: lr });
      vi.advanceTimersByTime(100);
    }
    expect(k.saves).toHaveLength(0);
    vi.advanceTimersByTime(SAVE_AFTER_CHANGE_MS);
    expect(k.saves.map((s) => s.config.learningRate)).toEqual([0.3]);
    stop();
  });

  it('a diverged run keeps its config only (its weights are not numbers)', () => {
    const k = fakeKeeper();
    const stop = startAutosave(k.keeper);
    workerAt(7, { status: 'diverged', params: Float64Array.of(NaN, 1, 1) });
    vi.advanceTimersByTime(SAVE_EVERY_MS);
    expect(k.saves).toEqual([{ config: DEFAULT_CONFIG, epoch: 0, history: [] }]);
    stop();
  });
});

const keptExperiment: Experiment = {
  config: { ...DEFAULT_CONFIG, learningRate: 0.3, hidden: [] },
  weights: { weights: [[[0.5, -0.25]]], biases: [[0.125]] },
  epoch: 40,
  history: [
    { epoch: 0, batchLoss: null, trainLoss: 0.9, testLoss: 0.8, trainAccuracy: 0.5, testAccuracy: 0.5 },
    { epoch: 39.5, batchLoss: 0.3, trainLoss: 0.2, testLoss: 0.25, trainAccuracy: 1, testAccuracy: 1, n: 2 },
  ],
  trainer,
};
const kept = (e: Experiment = keptExperiment): LoadedExperiment => ({
  status: 'ok',
  experiment: e,
  notices: [],
  savedAt: 1,
});
const NO_LINK = { source: 'empty', config: DEFAULT_CONFIG, pointsOmitted: false } as const;
const initOf = () => sent.filter((c) => c.type === 'init').at(-1) as Extract<Command, { type: 'init' }>;

describe('restoring on the next visit', () => {
  it('brings back config, weights, trainer state, epoch and history, with a notice and "Start fresh"', async () => {
    const k = fakeKeeper(kept());
    await restoreLastExperiment(NO_LINK, k.keeper);
    const s = store.getState();
    expect(s.config).toEqual(keptExperiment.config);
    expect(s.run.epoch).toBe(40);
    expect(historyBuffer.save()).toEqual(keptExperiment.history);
    expect(initOf().restore).toEqual({ weights: [[[0.5, -0.25]]], biases: [[0.125]], epoch: 40, trainer });
    expect(s.notices.map((n) => [n.kind, n.text, n.actions?.map((a) => a.label)])).toEqual([
      ['info', 'Restored your last experiment (epoch 40).', ['Start fresh']],
    ]);
  });

  it('"Start fresh" forgets it and starts the experiment the page opened with', async () => {
    const k = fakeKeeper(kept());
    await restoreLastExperiment(NO_LINK, k.keeper);
    vi.useFakeTimers();
    const stop = startAutosave(k.keeper);
    workerAt(40); // the restored run's first snapshot
    store.getState().notices[0]!.actions![0]!.run();
    expect(k.cleared()).toBe(1);
    expect(store.getState().config).toEqual(DEFAULT_CONFIG);
    expect(store.getState().run.epoch).toBe(0);
    expect(initOf().restore).toBeUndefined();
    const savedBefore = k.saves.length;
    // A fresh start is not saved over the cleared store until the learner does something.
    workerAt(0);
    vi.advanceTimersByTime(10_000);
    window.dispatchEvent(new Event('pagehide'));
    expect(k.saves).toHaveLength(savedBefore);
    store.getState().step(3);
    receiveEvent({ type: 'snapshot', snapshot: snapshot(runId(), 3, { seq: 2, trainer }) });
    vi.advanceTimersByTime(1);
    expect(k.saves.at(-1)!.epoch).toBe(3);
    stop();
  });

  it('a link to another experiment wins: nothing is restored', async () => {
    const k = fakeKeeper(kept());
    const link = { source: 'native', config: { ...DEFAULT_CONFIG, dataset: 'xor' }, pointsOmitted: false } as const;
    store.getState().loadExperiment(link.config);
    await restoreLastExperiment(link, k.keeper);
    expect(store.getState().config).toEqual(link.config);
    expect(store.getState().notices).toEqual([]);
  });

  it("the page's own link (a reload after a setting changed) is the same experiment: restored", async () => {
    const k = fakeKeeper(kept());
    const link = { source: 'native', config: keptExperiment.config, pointsOmitted: false } as const;
    store.getState().loadExperiment({ ...keptExperiment.config });
    await restoreLastExperiment(link, k.keeper);
    expect(store.getState().run.epoch).toBe(40);
    const withPoints = { ...keptExperiment.config, dataset: 'custom' as const, points: [{ x: 1, y: 1, label: 1 }] };
    resetAutosaveForTests();
    await restoreLastExperiment(
      { source: 'native', config: { ...withPoints, points: [] }, pointsOmitted: true },
      fakeKeeper(kept({ ...keptExperiment, config: withPoints })).keeper,
    );
    expect(store.getState().config.points).toEqual(withPoints.points);
  });

  it('not when the learner has moved on while it was being read', async () => {
    const stored = kept();
    let release: (r: LoadedExperiment) => void = () => undefined;
    const keeper: Keeper = { ...fakeKeeper().keeper, load: () => new Promise((r) => (release = r)) };
    const done = restoreLastExperiment(NO_LINK, keeper);
    store.getState().setConfig({ learningRate: 0.01 });
    release(stored);
    await done;
    expect(store.getState().config.learningRate).toBe(0.01);
    expect(store.getState().notices).toEqual([]);
  });

  it('a corrupt store: a clear notice, a fresh start, and the record cleared', async () => {
    const k = fakeKeeper({ status: 'corrupt', error: 'This is not an experiment file.' });
    await restoreLastExperiment(NO_LINK, k.keeper);
    expect(store.getState().notices.map((n) => [n.kind, n.text])).toEqual([
      ['warning', 'Your last experiment could not be restored (This is not an experiment file); starting fresh.'],
    ]);
    expect(store.getState().config).toEqual(DEFAULT_CONFIG);
    expect(k.cleared()).toBe(1);
  });
});

describe('useLastExperiment', () => {
  it('restores once per page (StrictMode runs effects twice), then saves', async () => {
    let loads = 0;
    const k = fakeKeeper(kept());
    const keeper: Keeper = { ...k.keeper, load: () => (loads++, k.keeper.load()) };
    const { unmount } = renderHook(() => useLastExperiment(decodeHash(''), keeper), { wrapper: StrictMode });
    await waitFor(() => expect(store.getState().run.epoch).toBe(40));
    expect(loads).toBe(1);
    store.getState().setConfig({ learningRate: 0.01 });
    unmount(); // saves at once what was not saved yet
    await waitFor(() => expect(k.saves.at(-1)?.config.learningRate).toBe(0.01));
  });

  it('in embed mode neither restores nor saves', async () => {
    const k = fakeKeeper(kept());
    const load = vi.fn(k.keeper.load);
    const boot = decodeHash('#v=1&embed=1');
    expect(boot.view.embed).toBe(true);
    const { unmount } = renderHook(() => useLastExperiment(boot, { ...k.keeper, load }));
    store.getState().setConfig({ learningRate: 0.01 });
    await new Promise((r) => setTimeout(r, 20));
    unmount();
    expect(load).not.toHaveBeenCalled();
    expect(k.saves).toEqual([]);
    expect(store.getState().notices).toEqual([]);
  });
});

describe('through IndexedDB (fake-indexeddb)', () => {
  useFakeIndexedDB();

  it('what a page saved, the next page restores exactly (history weights included)', async () => {
    // The 2 → 1 network of the fixtures.
    store.getState().setConfig({ features: ['x', 'y'], hidden: [] });
    const stop = startAutosave(browserKeeper);
    workerAt(0);
    // A history long enough to be downsampled.
    const n = 1200;
    const f = (g: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => g(i + 1));
    receiveEvent({
      type: 'snapshot',
      snapshot: snapshot(runId(), n, {
        seq: 2,
        trainer,
        history: {
          epochs: f((e) => e),
          batchLoss: f((e) => 1 / e),
          trainLoss: f((e) => (e % 3 === 0 ? 2 / e : NaN)),
          testLoss: f((e) => (e % 3 === 0 ? 3 / e : NaN)),
          trainAccuracy: f(() => NaN),
          testAccuracy: f(() => NaN),
        },
      }),
    });
    const history = historyBuffer.save();
    expect(history.length).toBeLessThan(600);
    stop(); // a last save, as when the page goes away
    await vi.waitFor(async () => {
      resetStoreForTests();
      resetAutosaveForTests();
      startCurrentRun();
      await restoreLastExperiment(NO_LINK);
      expect(store.getState().run.epoch).toBe(n);
    });
    expect(historyBuffer.save()).toEqual(history);
    expect(initOf().restore).toEqual({ weights: [[[1, 2]]], biases: [[3]], epoch: n, trainer });
  });
});
