import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import {
  clearExperiment,
  DB_NAME,
  KEY,
  loadExperiment,
  saveExperiment,
  STORE_NAME,
} from '../../src/persist/lastExperiment.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
import type { Experiment } from '../../src/share/file.ts';
import { removeIndexedDB, useFakeIndexedDB } from './fakeIdb.ts';

useFakeIndexedDB();

/** A 2 → 1 network (W 1×2, b 1: three parameters) trained 1,000 epochs, with a downsampled history. */
const experiment: Experiment = {
  config: {
    ...DEFAULT_CONFIG,
    features: ['x', 'y'],
    hidden: [],
    dataset: 'custom',
    points: [
      { x: 1, y: 2, label: 1 },
      { x: -1.5, y: 0.1 + 0.2, label: 0 },
    ],
  },
  weights: { weights: [[[0.1 + 0.2, -1 / 3]]], biases: [[1e-17]] },
  epoch: 1000,
  history: [
    { epoch: 1.5, batchLoss: 0.7, trainLoss: 0.6, testLoss: null, trainAccuracy: 0.5, testAccuracy: null, n: 2 },
    {
      epoch: 3,
      batchLoss: 0.5,
      trainLoss: 0.4,
      testLoss: null,
      trainAccuracy: 0.75,
      testAccuracy: null,
      counts: { batchLoss: 1, trainLoss: 1, testLoss: 0, trainAccuracy: 1, testAccuracy: 0 },
    },
  ],
  trainer: { rng: 4_000_000_000, order: [1, 0], optimizer: { m: [0.1, 0.2, 0.3], v: [1e-9, 2, 3], t: 2000 } },
};

async function storeRaw(value: unknown): Promise<void> {
  await set(KEY, value, createStore(DB_NAME, STORE_NAME));
}

describe('the last experiment in the browser', () => {
  it('comes back as it was saved: config with points, weights bit for bit, epoch, history weights, trainer', async () => {
    expect(await saveExperiment(experiment, 123)).toBe(true);
    const r = await loadExperiment();
    expect(r).toEqual({ status: 'ok', experiment, notices: [], savedAt: 123 });
  });

  it('a newer save replaces the older; clear leaves nothing', async () => {
    await saveExperiment({ ...experiment, epoch: 10 });
    await saveExperiment(experiment);
    const r = await loadExperiment();
    expect(r.status === 'ok' && r.experiment.epoch).toBe(1000);
    await clearExperiment();
    expect(await loadExperiment()).toEqual({ status: 'none' });
  });

  it('finds nothing in a fresh browser', async () => {
    expect(await loadExperiment()).toEqual({ status: 'none' });
  });

  it('a record that is not an experiment is reported, not thrown', async () => {
    await storeRaw('hello');
    expect(await loadExperiment()).toEqual({ status: 'corrupt', error: 'the stored record is not an experiment' });
    await storeRaw({ savedAt: 1, file: { format: 'something-else' } });
    const r = await loadExperiment();
    expect(r.status).toBe('corrupt');
    expect(r.status === 'corrupt' && r.error).toMatch(/not an experiment file/);
  });

  it('passes the file gate: weights that do not fit the network are dropped with a notice', async () => {
    const file = { format: 'nn-playground-experiment', version: 1, config: experiment.config };
    await storeRaw({ savedAt: 5, file: { ...file, weights: [[[1, 2, 3]]], biases: [[0]], epoch: 7 } });
    const r = await loadExperiment();
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.experiment.weights).toBeUndefined();
    expect(r.notices.map((n) => n.field)).toEqual(['weights']);
  });

  it('without IndexedDB saves nothing and finds nothing, without throwing', async () => {
    removeIndexedDB();
    expect(await saveExperiment(experiment)).toBe(false);
    expect(await loadExperiment()).toEqual({ status: 'none' });
    await expect(clearExperiment()).resolves.toBeUndefined();
  });
});
