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
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
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
});
