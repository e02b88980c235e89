/**
 * Run history: every run that trained at least MIN_EPOCHS epochs, kept in this browser
 * (IndexedDB through idb-keyval, its own database so it never touches the last experiment's).
 * Nothing leaves the machine. At most MAX_RUNS records; past that the oldest (by date) go first.
 *
 * A record: the config, the final metrics, a downsampled curve (≤ CURVE_POINTS points), a small
 * picture of the boundary (the output grid sampled to PICTURE_SIZE², drawn by the list in the
 * current theme), the date, an optional name, and the run itself (`run`: final weights, trainer
 * state and the history at ≤ CURVE_POINTS points, in the experiment file's form, so "Reopen" puts
 * the network back and training continues exactly; records saved before it have none).
 * Size: see docs/replay-and-history.md (test/persist/runHistory.test.ts measures it). Loaded records pass a shape check and the
 * config goes through validateConfig, so a corrupt or foreign record is skipped, never thrown.
 * Without IndexedDB every call does nothing and the list is empty.
 */
import { clear, createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { OUTPUT_ACTIVATIONS, PROBLEMS, type OutputActivation, type ProblemType } from '../nn/types.ts';
import type { ExperimentConfig } from '../share/config.ts';
import { validateConfig } from '../share/schema.ts';

export const DB_NAME = 'nn-playground-runs';
export const STORE_NAME = 'runs';
export const MAX_RUNS = 100;
export const MIN_EPOCHS = 10;
export const CURVE_POINTS = 100;
export const PICTURE_SIZE = 34;
/**
 * The stored runs (RunRecord.run) of all records together take at most about this many bytes: past
 * it the oldest records keep their settings, numbers, curve and picture but not their run.
 */
export const RUN_BYTES_BUDGET = 3_000_000;

export interface RunCurve {
  epoch: number[];
  trainLoss: (number | null)[];
  testLoss: (number | null)[];
}

/** The output grid at PICTURE_SIZE²: `k` values per cell, sample-major, row 0 the top. */
export interface RunPicture {
  size: number;
  k: number;
  problem: ProblemType;
  activation: OutputActivation;
  values: number[];
}

export interface RunRecord {
  id: string;
  /** Set by "Rename"; null: the list names it by its settings. */
  name: string | null;
  /** When the record was last saved, ms since 1970. */
  date: number;
  config: ExperimentConfig;
  epoch: number;
  final: {
    trainLoss: number | null;
    testLoss: number | null;
    trainAccuracy: number | null;
    testAccuracy: number | null;
  };
  curve: RunCurve;
  picture: RunPicture | null;
  /**
   * The run at `epoch`: an experiment file's JSON (src/share/file.ts experimentJson: weights, biases,
   * epoch, history with its weights, trainer) without its config (the record's `config` is it).
   * Unchecked here: Reopen reads it through the file's gate (readExperiment). Null: settings only.
   */
  run: Record<string, unknown> | null;
}

// A hand-written shape check (not zod: a lazy chunk that uses zod's `z` keeps all of zod in the main bundle).
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isNum = (v: unknown): v is number => typeof v === 'number';
const isNumOrNull = (v: unknown): v is number | null => v === null || isNum(v);
const numbers = (v: unknown, orNull = false): boolean =>
  Array.isArray(v) && v.every((x) => (orNull ? isNumOrNull(x) : isNum(x)));

function pictureOf(v: unknown): RunPicture | null {
  if (!isObj(v)) return null;
  const { size, k, problem, activation, values } = v;
  if (!(isNum(size) && Number.isInteger(size) && size >= 1 && size <= 64)) return null;
  if (!(isNum(k) && Number.isInteger(k) && k >= 1 && k <= 8)) return null;
  if (!(PROBLEMS as readonly unknown[]).includes(problem)) return null;
  if (!(OUTPUT_ACTIVATIONS as readonly unknown[]).includes(activation)) return null;
  if (!numbers(values) || (values as number[]).length !== size * size * k) return null;
  return {
    size,
    k,
    problem: problem as ProblemType,
    activation: activation as OutputActivation,
    values: values as number[],
  };
}

let db: UseStore | null = null;
function store(): UseStore {
  db ??= createStore(DB_NAME, STORE_NAME);
  return db;
}

/** A record read back, or null when it is not one. */
export function readRecord(raw: unknown): RunRecord | null {
  if (!isObj(raw)) return null;
  const { id, name, date, epoch, final, curve } = raw;
  if (typeof id !== 'string' || !(name === null || typeof name === 'string') || !isNum(date) || !isNum(epoch))
    return null;
  if (!isObj(final) || !isObj(curve)) return null;
  const { trainLoss, testLoss, trainAccuracy, testAccuracy } = final;
  if (![trainLoss, testLoss, trainAccuracy, testAccuracy].every(isNumOrNull)) return null;
  if (!numbers(curve.epoch) || !numbers(curve.trainLoss, true) || !numbers(curve.testLoss, true)) return null;
  return {
    id,
    name,
    date,
    epoch,
    config: validateConfig(raw.config).config,
    final: {
      trainLoss: trainLoss as number | null,
      testLoss: testLoss as number | null,
      trainAccuracy: trainAccuracy as number | null,
      testAccuracy: testAccuracy as number | null,
    },
    curve: {
      epoch: curve.epoch as number[],
      trainLoss: curve.trainLoss as (number | null)[],
      testLoss: curve.testLoss as (number | null)[],
    },
    picture: pictureOf(raw.picture),
    run: isObj(raw.run) && !Array.isArray(raw.run) ? raw.run : null,
  };
}

const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

/**
 * About the bytes a stored run takes in IndexedDB (a structured clone: 9 bytes a number, about 200
 * a history point with its keys), from its arrays' lengths: cheap enough for every record at each save.
 */
export function runBytes(run: Record<string, unknown>): number {
  let numbers = 0;
  if (Array.isArray(run.weights))
    for (const layer of run.weights) for (const row of layer as unknown[]) numbers += count(row);
  if (Array.isArray(run.biases)) for (const layer of run.biases) numbers += count(layer);
  const t = isObj(run.trainer) ? run.trainer : {};
  numbers += count(t.order) / 3; // small whole numbers: about 3 bytes each
  if (isObj(t.optimizer)) numbers += count(t.optimizer.m) + count(t.optimizer.v);
  return 9 * numbers + 200 * count(run.history);
}

/**
 * Save (or replace) a record, then drop the oldest beyond MAX_RUNS, and the oldest stored runs
 * beyond RUN_BYTES_BUDGET; false when the browser would not store it.
 */
export async function saveRun(record: RunRecord): Promise<boolean> {
  try {
    // A name given with "Rename" stays when the run is saved again.
    const old = readRecord(await get(record.id, store()));
    await set(record.id, { ...record, name: record.name ?? old?.name ?? null }, store());
    const all = (await entries<string, unknown>(store())).map(([id, v]) => ({ id, r: readRecord(v) }));
    all.sort((a, b) => (b.r?.date ?? -Infinity) - (a.r?.date ?? -Infinity));
    for (const gone of all.splice(MAX_RUNS)) await del(gone.id, store());
    let bytes = 0;
    for (const { id, r } of all) {
      if (!r?.run) continue;
      bytes += runBytes(r.run);
      if (bytes > RUN_BYTES_BUDGET) await set(id, { ...r, run: null }, store());
    }
    return true;
  } catch {
    return false;
  }
}

/** Every kept run, newest first. */
export async function listRuns(): Promise<RunRecord[]> {
  try {
    const all = await entries<string, unknown>(store());
    return all
      .map(([, v]) => readRecord(v))
      .filter((r): r is RunRecord => r !== null)
      .sort((a, b) => b.date - a.date);
  } catch {
    return [];
  }
}

export async function renameRun(id: string, name: string): Promise<void> {
  try {
    const r = readRecord(await get(id, store()));
    if (r) await set(id, { ...r, name: name.trim() || null }, store());
  } catch {
    // Not stored: nothing to rename.
  }
}

export async function deleteRun(id: string): Promise<void> {
  try {
    await del(id, store());
  } catch {
    // Nothing stored, nothing to delete.
  }
}

export async function clearRuns(): Promise<void> {
  try {
    await clear(store());
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/** Forget the opened database (tests that replace indexedDB between cases). */
export function resetRunHistoryForTests(): void {
  db = null;
}
