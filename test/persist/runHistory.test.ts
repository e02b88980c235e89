import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearRuns,
  listRuns,
  MAX_RUNS,
  readRecord,
  renameRun,
  resetRunHistoryForTests,
  saveRun,
  deleteRun,
  type RunRecord,
} from '../../src/persist/runHistory.ts';
import { serialize } from 'node:v8';
import { createRng } from '../../src/nn/rng.ts';
import { FEATURES } from '../../src/nn/types.ts';
import { DEFAULT_CONFIG, networkSizes, type ExperimentConfig } from '../../src/share/config.ts';
import { experimentJson, FILE_FORMAT, FILE_VERSION, readExperiment, type HistoryPoint } from '../../src/share/file.ts';
import { CURVE_POINTS, PICTURE_SIZE, RUN_BYTES_BUDGET, runBytes } from '../../src/persist/runHistory.ts';
import { removeIndexedDB, useFakeIndexedDB } from './fakeIdb.ts';

useFakeIndexedDB();
beforeEach(() => resetRunHistoryForTests());

const record = (i: number, patch: Partial<RunRecord> = {}): RunRecord => ({
  id: `run-${i}`,
  name: null,
  date: 1_000 + i,
  config: { ...DEFAULT_CONFIG, learningRate: 0.03 },
  epoch: 10 + i,
  final: { trainLoss: 0.1, testLoss: 0.2, trainAccuracy: 0.9, testAccuracy: null },
  curve: { epoch: [0, 5, 10], trainLoss: [0.7, 0.4, 0.1], testLoss: [0.8, null, 0.2] },
  picture: { size: 2, k: 1, problem: 'classification', activation: 'sigmoid', values: [0, 0.5, 1, 0.25] },
  run: null,
  ...patch,
});

describe('run history (IndexedDB)', () => {
  it('lists the runs newest first, keeps a name through later saves, renames and deletes', async () => {
    await saveRun(record(1));
    await saveRun(record(2));
    expect((await listRuns()).map((r) => r.id)).toEqual(['run-2', 'run-1']);
    await renameRun('run-1', '  Fast one ');
    await saveRun(record(1, { date: 5_000, epoch: 99 }));
    const [first] = await listRuns();
    expect(first).toMatchObject({ id: 'run-1', name: 'Fast one', epoch: 99 });
    await deleteRun('run-2');
    expect((await listRuns()).map((r) => r.id)).toEqual(['run-1']);
    await clearRuns();
    expect(await listRuns()).toEqual([]);
  });

  it(`keeps at most ${MAX_RUNS}: the oldest go first`, async () => {
    for (let i = 0; i < MAX_RUNS + 3; i++) await saveRun(record(i));
    const ids = (await listRuns()).map((r) => r.id);
    expect(ids).toHaveLength(MAX_RUNS);
    expect(ids).not.toContain('run-0');
    expect(ids).not.toContain('run-2');
    expect(ids[0]).toBe(`run-${MAX_RUNS + 2}`);
  }, 30_000);

  it('skips what is not a record and fixes a bad config; a picture of the wrong size is dropped', () => {
    expect(readRecord(null)).toBeNull();
    expect(readRecord({ ...record(1), curve: { epoch: ['x'], trainLoss: [], testLoss: [] } })).toBeNull();
    const r = readRecord({
      ...record(1),
      config: { learningRate: 'fast' },
      picture: { ...record(1).picture, values: [1] },
    });
    expect(r?.config.learningRate).toBe(DEFAULT_CONFIG.learningRate);
    expect(r?.picture).toBeNull();
  });

  it('without IndexedDB: saving does nothing and the list is empty', async () => {
    removeIndexedDB();
    resetRunHistoryForTests();
    expect(await saveRun(record(1))).toBe(false);
    expect(await listRuns()).toEqual([]);
  });

  it('keeps the run (weights, trainer state, history) and reads it back through the file gate', async () => {
    const r = fullRecord(DEFAULT_CONFIG, 1, 'sgd');
    await saveRun(r);
    const [back] = await listRuns();
    expect(back!.run).toEqual(r.run);
    const read = readExperiment({ ...back!.run, format: FILE_FORMAT, version: FILE_VERSION, config: back!.config });
    expect(read.ok && read.experiment.weights).toEqual(r.weights);
    expect(read.ok && read.experiment.trainer).toEqual(r.trainer);
    expect(read.ok && read.experiment.history).toHaveLength(CURVE_POINTS);
    expect(readRecord({ ...record(1), run: [1, 2] })?.run).toBeNull();
    expect(readRecord({ ...record(1), run: undefined })?.run).toBeNull();
  });

  it('states the size of a record (the largest network with Adam, the default one) and estimates it', () => {
    // Structured clone (IndexedDB) of a record with full-precision numbers everywhere: the worst case.
    const largest = {
      ...DEFAULT_CONFIG,
      features: [...FEATURES],
      hidden: Array<number>(8).fill(16),
      samples: 2000,
      trainPercent: 100,
    };
    const big = fullRecord(largest, 2000, 'adam').record;
    const small = fullRecord(DEFAULT_CONFIG, 250, 'sgd').record;
    const sizes = [big, small].map((r) => ({
      record: serialize(r).length,
      run: serialize(r.run).length,
      estimate: runBytes(r.run!),
    }));
    console.info(
      `run history records (bytes): largest network ${JSON.stringify(sizes[0])}, default ${JSON.stringify(sizes[1])}`,
    );
    // docs/replay-and-history.md states these figures.
    expect(sizes[0]!.record).toBeLessThan(100_000);
    expect(sizes[1]!.record).toBeLessThan(40_000);
    for (const s of sizes) expect(Math.abs(s.estimate / s.run - 1)).toBeLessThan(0.25);
  });

  it(`keeps the newest runs within ${RUN_BYTES_BUDGET} bytes: older records keep their settings only`, async () => {
    const largest = { ...DEFAULT_CONFIG, features: [...FEATURES], hidden: Array<number>(8).fill(16) };
    const run = fullRecord(largest, 2000, 'adam').record.run!;
    const fit = Math.floor(RUN_BYTES_BUDGET / runBytes(run));
    for (let i = 0; i < fit + 3; i++) await saveRun(record(i, { config: largest, run }));
    const kept = await listRuns();
    expect(kept).toHaveLength(fit + 3);
    expect(kept.slice(0, fit).every((r) => r.run !== null)).toBe(true);
    expect(kept.slice(fit).map((r) => r.run)).toEqual([null, null, null]);
  }, 60_000);
});

/** A record of a run of `config` whose every number is a random double (the worst case for size). */
function fullRecord(config: ExperimentConfig, trainPoints: number, optimizer: 'adam' | 'sgd') {
  const rng = createRng(7);
  const rand = () => rng.next() * 2 - 1;
  const sizes = networkSizes(config);
  const weights = {
    weights: sizes.slice(1).map((out, l) => Array.from({ length: out }, () => Array.from({ length: sizes[l]! }, rand))),
    biases: sizes.slice(1).map((out) => Array.from({ length: out }, rand)),
  };
  const p = sizes.slice(1).reduce((a, out, l) => a + out * (sizes[l]! + 1), 0);
  const moments = (on: boolean) => Array.from({ length: p }, () => (on ? rand() : 0));
  const trainer = {
    rng: 12345,
    order: Array.from({ length: trainPoints }, (_, i) => (i * 7919) % trainPoints),
    optimizer: { m: moments(true), v: moments(optimizer === 'adam'), t: 500 },
  };
  const history: HistoryPoint[] = Array.from({ length: CURVE_POINTS }, (_, i) => ({
    epoch: i * 10 + 4.5,
    batchLoss: rand(),
    trainLoss: rand(),
    testLoss: rand(),
    trainAccuracy: rand(),
    testAccuracy: rand(),
    n: 10,
    counts: { batchLoss: 10, trainLoss: 5, testLoss: 5, trainAccuracy: 5, testAccuracy: 5 },
  }));
  const run = experimentJson({ config, weights, epoch: 1000, history, trainer });
  delete run.config;
  const curve = {
    epoch: history.map((h) => h.epoch),
    trainLoss: history.map((h) => h.trainLoss),
    testLoss: history.map((h) => h.testLoss),
  };
  const cells = PICTURE_SIZE * PICTURE_SIZE;
  const picture = {
    size: PICTURE_SIZE,
    k: 1,
    problem: 'classification' as const,
    activation: 'sigmoid' as const,
    values: Array.from({ length: cells }, () => Math.round(rand() * 1000) / 1000),
  };
  const r = { ...record(3, { config, curve, picture, run }), weights, trainer };
  return Object.assign(r, { record: record(3, { config, curve, picture, run }) });
}
