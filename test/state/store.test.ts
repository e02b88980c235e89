import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
import {
  connectWorker,
  isRebuildKey,
  receiveEvent,
  resetStoreForTests,
  startCurrentRun,
  store,
  useStore,
} from '../../src/state/store.ts';
import * as actions from '../../src/state/store.ts';
import { MAX_HISTORY } from '../../src/state/history.ts';
import type { Command } from '../../src/worker/protocol.ts';
import { runInfoEvent, snapshot } from './fixtures.ts';

let sent: Command[] = [];
let disconnect: () => void = () => undefined;

beforeEach(() => {
  disconnect();
  resetStoreForTests();
  sent = [];
  disconnect = connectWorker((c) => sent.push(c));
  startCurrentRun();
});

const runId = () => store.getState().runId;

describe('the store', () => {
  it('starts from the default config and sends it to the worker as a run', () => {
    expect(useStore.getState().config).toEqual(DEFAULT_CONFIG);
    expect(sent).toEqual([{ type: 'init', runId: runId(), config: DEFAULT_CONFIG, gridResolution: 50 }]);
    expect(store.getState().run.status).toBe('idle');
  });

  it('applies learning rate, batch size, optimizer and regularization live, in one command, same run', () => {
    const before = runId();
    sent = [];
    actions.setConfig({
      learningRate: 0.1,
      batchSize: 20,
      optimizer: 'adam',
      regularization: 'l2',
      regularizationRate: 0.01,
    });
    expect(runId()).toBe(before);
    expect(sent).toEqual([
      {
        type: 'setHyperparameters',
        runId: before,
        hyperparameters: {
          learningRate: 0.1,
          batchSize: 20,
          optimizer: 'adam',
          regularization: 'l2',
          regularizationRate: 0.01,
        },
      },
      // A new optimizer has fresh moments: the snapshot carries the trainer state that goes with them.
      { type: 'requestSnapshot', runId: before },
    ]);
    expect(store.getState().config.learningRate).toBe(0.1);
    sent = [];
    actions.setConfig({ momentum: 0.5 });
    expect(sent).toEqual([{ type: 'setHyperparameters', runId: before, hyperparameters: { momentum: 0.5 } }]);
  });

  it('rebuilds for data, features and shape under a new run id, keeping the seed and playing on if it was', () => {
    const first = runId();
    actions.play();
    sent = [];
    actions.setConfig({ hidden: [3, 3, 2] });
    const second = runId();
    expect(second).toBeGreaterThan(first);
    const config = { ...DEFAULT_CONFIG, hidden: [3, 3, 2] };
    expect(sent).toEqual([
      { type: 'init', runId: second, config, gridResolution: 50 },
      { type: 'play', runId: second },
    ]);
    expect(store.getState().run.status).toBe('running');
    for (const key of [
      'dataset',
      'noise',
      'features',
      'hidden',
      'activation',
      'problem',
      'loss',
      'init',
      'seed',
    ] as const) {
      expect(isRebuildKey(key)).toBe(true);
    }
    for (const key of ['learningRate', 'batchSize', 'optimizer', 'regularization', 'showTestData', 'speed'] as const) {
      expect(isRebuildKey(key)).toBe(false);
    }
  });

  it('tells the worker nothing for view toggles, and nothing when nothing changed', () => {
    sent = [];
    actions.setConfig({ showTestData: true, discretize: true, theme: 'dark' });
    actions.setConfig({ hidden: [4, 2], learningRate: 0.03 });
    expect(sent).toEqual([]);
    expect(store.getState().config.showTestData).toBe(true);
  });

  it('sends speed on its own', () => {
    sent = [];
    actions.setSpeed(10);
    expect(sent).toEqual([{ type: 'setSpeed', runId: runId(), speed: 10 }]);
    expect(store.getState().config.speed).toBe(10);
  });

  it('keeps dataset, problem and loss coherent', () => {
    actions.setConfig({ loss: 'bce' });
    actions.setConfig({ dataset: 'regPlane' });
    let c = store.getState().config;
    expect([c.problem, c.loss]).toEqual(['regression', 'mse']);
    actions.setConfig({ problem: 'multiclass' });
    c = store.getState().config;
    expect([c.dataset, c.problem, c.loss]).toEqual(['blobs', 'multiclass', 'softmaxCe']);
    actions.setConfig({ dataset: 'custom', problem: 'regression' });
    c = store.getState().config;
    expect([c.dataset, c.problem, c.loss]).toEqual(['custom', 'regression', 'mse']);
  });

  it('play, pause and toggle follow the run state at once and send the commands', () => {
    const id = runId();
    sent = [];
    actions.togglePlay();
    expect(store.getState().run.status).toBe('running');
    actions.play(); // already running: nothing
    actions.togglePlay();
    expect(store.getState().run.status).toBe('paused');
    actions.step();
    expect(sent).toEqual([
      { type: 'play', runId: id },
      { type: 'pause', runId: id },
      { type: 'step', runId: id, epochs: 1 },
    ]);
  });

  it('drops every event of a stale run', () => {
    const old = runId();
    receiveEvent({ type: 'snapshot', snapshot: snapshot(old, 5) });
    expect(store.getState().run.epoch).toBe(5);
    actions.reset();
    const now = runId();
    expect(now).not.toBe(old);
    expect(store.getState().run.epoch).toBe(0);
    expect(store.getState().history).toEqual([]);
    receiveEvent({ type: 'snapshot', snapshot: snapshot(old, 9) });
    receiveEvent({ type: 'status', runId: old, status: 'diverged', epoch: 9, message: 'old' });
    receiveEvent({ type: 'error', runId: old, message: 'old' });
    const s = store.getState();
    expect([s.run.status, s.run.epoch, s.snapshot, s.history.length, s.notices.length]).toEqual([
      'idle',
      0,
      null,
      0,
      0,
    ]);
    receiveEvent({ type: 'snapshot', snapshot: snapshot(now, 1) });
    expect(store.getState().snapshot?.epoch).toBe(1);
  });

  it('takes numbers, history and the latest snapshot from snapshots; status only from status events', () => {
    const id = runId();
    actions.play();
    const snap = snapshot(id, 3, { status: 'paused' });
    receiveEvent({ type: 'snapshot', snapshot: snap });
    const s = store.getState();
    expect(s.snapshot).toBe(snap);
    expect(s.run).toMatchObject({ status: 'running', epoch: 3, trainLoss: 0.4, testLoss: 0.5, testAccuracy: 0.7 });
    expect(s.history).toEqual([
      { epoch: 3, batchLoss: 0.45, trainLoss: 0.4, testLoss: 0.5, trainAccuracy: 0.8, testAccuracy: 0.7 },
    ]);
    receiveEvent({ type: 'status', runId: id, status: 'paused', epoch: 3 });
    expect(store.getState().run.status).toBe('paused');
  });

  it('while running republishes the chart history at most every HISTORY_PUBLISH_MS, and at once when paused', () => {
    const id = runId();
    receiveEvent({ type: 'snapshot', snapshot: snapshot(id, 1, { status: 'running' }) });
    const first = store.getState().history;
    expect(first.map((p) => p.epoch)).toEqual([1]);
    receiveEvent({ type: 'snapshot', snapshot: snapshot(id, 2, { status: 'running' }) });
    expect(store.getState().history).toBe(first);
    expect(store.getState().run.epoch).toBe(2);
    receiveEvent({ type: 'snapshot', snapshot: snapshot(id, 3, { status: 'paused' }) });
    expect(store.getState().history.map((p) => p.epoch)).toEqual([1, 2, 3]);
  });

  it('bounds the history over a long run', () => {
    const id = runId();
    for (let k = 0; k < 300; k++) {
      const epochs = Float64Array.from({ length: 20 }, (_, i) => k * 20 + i + 1);
      const loss = epochs.map((e) => 1 / e);
      const nan = epochs.map(() => NaN);
      receiveEvent({
        type: 'snapshot',
        snapshot: snapshot(id, k * 20 + 20, {
          history: { epochs, batchLoss: loss, trainLoss: loss, testLoss: nan, trainAccuracy: nan, testAccuracy: nan },
        }),
      });
    }
    const h = store.getState().history;
    expect(h.length).toBeLessThanOrEqual(MAX_HISTORY + 1);
    expect(h.length).toBeGreaterThan(MAX_HISTORY / 2);
    expect(h.at(-1)!.epoch).toBeGreaterThan(5990);
    expect(h[0]!.epoch).toBeLessThan(10);
  });

  it('on divergence shows the message, a notice, and refuses to play until reset', () => {
    const id = runId();
    actions.play();
    receiveEvent({
      type: 'status',
      runId: id,
      status: 'diverged',
      epoch: 12,
      message: 'The loss became NaN at epoch 12.',
    });
    const s = store.getState();
    expect(s.run).toMatchObject({ status: 'diverged', epoch: 12, message: 'The loss became NaN at epoch 12.' });
    expect(s.notices.map((n) => n.text)).toEqual(['The loss became NaN at epoch 12.']);
    sent = [];
    actions.play();
    actions.step();
    expect(sent).toEqual([]);
    actions.reset();
    expect(store.getState().run.status).toBe('idle');
    expect(sent.map((c) => c.type)).toEqual(['init']);
  });

  it('shows a worker notice, and takes back an optimistic play the worker refused', () => {
    const id = runId();
    actions.play();
    receiveEvent({ type: 'status', runId: id, status: 'idle', epoch: 0 });
    receiveEvent({ type: 'notice', runId: id, message: 'There are no training points yet.' });
    const s = store.getState();
    expect(s.run.status).toBe('idle');
    expect(s.notices.map((n) => [n.kind, n.text])).toEqual([['info', 'There are no training points yet.']]);
  });

  it('after an error any config change rebuilds, even a live one', () => {
    receiveEvent({ type: 'error', runId: runId(), message: 'bad' });
    expect(store.getState().run).toMatchObject({ status: 'error', message: 'bad' });
    sent = [];
    actions.setConfig({ learningRate: 0.3 });
    expect(sent.map((c) => c.type)).toEqual(['init']);
  });

  it('loads an experiment with weights, epoch and history', () => {
    sent = [];
    const config = { ...DEFAULT_CONFIG, hidden: [1], seed: 7 };
    const weights = { weights: [[[1, 2]], [[3]]], biases: [[0.1], [0.2]] };
    const history = [{ epoch: 4, batchLoss: 0.3, trainLoss: 0.2, testLoss: 0.25, trainAccuracy: 1, testAccuracy: 1 }];
    actions.loadExperiment(config, { weights, epoch: 4, history });
    expect(sent).toEqual([
      { type: 'init', runId: runId(), config, gridResolution: 50, restore: { ...weights, epoch: 4 } },
    ]);
    const s = store.getState();
    expect(s.config).toEqual(config);
    expect(s.run.epoch).toBe(4);
    expect(s.history).toEqual(history);
  });

  it('exports the current experiment: config, weights by layer, epoch and the whole history', () => {
    expect(actions.currentExperiment().weights).toBeNull();
    const id = runId();
    receiveEvent(runInfoEvent(id, 2));
    receiveEvent({ type: 'snapshot', snapshot: snapshot(id, 1, { status: 'running' }) });
    receiveEvent({ type: 'snapshot', snapshot: snapshot(id, 2, { status: 'running' }) });
    const e = actions.currentExperiment();
    expect(e.config).toEqual(DEFAULT_CONFIG);
    expect(e.weights).toEqual({ weights: [[[1, 2]]], biases: [[3]] });
    expect(e.epoch).toBe(2);
    expect(e.history.map((p) => p.epoch)).toEqual([1, 2]);
  });

  it('asks the worker for its exact state and hands it to the file export; a new run cancels the request', async () => {
    const id = runId();
    receiveEvent(runInfoEvent(id, 2));
    sent = [];
    const pending = actions.exportExperiment();
    const req = sent.at(-1);
    if (req?.type !== 'requestExport') throw new Error('no request');
    const trainer = { rng: 5, order: [1, 0], optimizer: { m: [0, 0, 0], v: [0, 0, 0], t: 0 } };
    receiveEvent({
      type: 'export',
      runId: id,
      requestId: req.requestId + 1,
      epoch: 1,
      params: Float64Array.of(0, 0, 0),
      trainer,
    });
    receiveEvent({
      type: 'export',
      runId: id,
      requestId: req.requestId,
      epoch: 7,
      params: Float64Array.of(4, 5, 6),
      trainer,
    });
    const e = await pending;
    expect(e).toMatchObject({ epoch: 7, weights: { weights: [[[4, 5]]], biases: [[6]] }, trainer });

    const cancelled = actions.requestRunExport();
    actions.reset();
    expect(await cancelled).toBeNull();
  });

  it('loads a file with trainer state into the worker', () => {
    sent = [];
    const weights = { weights: [[[1, 2]]], biases: [[3]] };
    const trainer = { rng: 5, order: [1, 0], optimizer: { m: [0, 0, 0], v: [0, 0, 0], t: 2 } };
    actions.loadExperiment({ ...DEFAULT_CONFIG, hidden: [] }, { weights, epoch: 3, trainer });
    expect(sent.at(-1)).toMatchObject({ type: 'init', restore: { ...weights, epoch: 3, trainer } });
  });

  it('regenerates with the next data seed', () => {
    sent = [];
    actions.regenerate();
    expect(store.getState().config.dataSeed).toBe(DEFAULT_CONFIG.dataSeed + 1);
    expect(sent.map((c) => c.type)).toEqual(['init']);
  });

  it('forwards a weight edit to the current run', () => {
    sent = [];
    actions.setWeight(1, 0, 2, -0.5);
    actions.setWeight(1, 0, 2, NaN);
    expect(sent).toEqual([{ type: 'setWeight', runId: runId(), layer: 1, to: 0, from: 2, value: -0.5 }]);
  });

  it('adds, replaces by key and dismisses notices', () => {
    const a = actions.addNotice('one', 'info', 'k');
    const b = actions.addNotice('two', 'warning', 'k');
    const c = actions.addNotice('three');
    expect(store.getState().notices.map((n) => n.text)).toEqual(['two', 'three']);
    expect(a).not.toBe(b);
    actions.dismissNotice(c);
    expect(store.getState().notices.map((n) => n.id)).toEqual([b]);
  });

  it('marks the worker ready on a hello of the same protocol version', async () => {
    const { PROTOCOL_VERSION } = await import('../../src/worker/protocol.ts');
    receiveEvent({ type: 'hello', protocol: PROTOCOL_VERSION, nonce: 1 });
    expect(store.getState().worker).toBe('ready');
    receiveEvent({ type: 'hello', protocol: PROTOCOL_VERSION + 1, nonce: 1 });
    expect(store.getState().worker).toBe('failed');
  });
});
