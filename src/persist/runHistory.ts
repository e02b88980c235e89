/**
 * Run history: every run that trained at least MIN_EPOCHS epochs, kept in this browser
 * (IndexedDB through idb-keyval, its own database so it never touches the last experiment's).
 * Nothing leaves the machine. At most MAX_RUNS records; past that the oldest (by date) go first.
 *
 * A record: the config, the final metrics, a downsampled curve (≤ CURVE_POINTS points), a small
 * picture of the boundary (the output grid sampled to PICTURE_SIZE², drawn by the list in the
 * current theme), the date, and an optional name. Loaded records pass a shape check and the
 * config goes through validateConfig, so a corrupt or foreign record is skipped, never thrown.
 * Without IndexedDB every call does nothing and the list is empty.
 */
import { clear, createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { OUTPUT_ACTIVATIONS, PROBLEMS, type OutputActivation, type ProblemType } from '../nn/types.ts';
import type { ExperimentConfig } from '../share/config.ts';
import { validateConfig } from '../share/schema.ts';

export const DB_NAME = 'nn-playground-runs';
export const STORE_NAME = 'runs';
export const MAX_RUNS = 100;
export const MIN_EPOCHS = 10;
export const CURVE_POINTS = 100;
export const PICTURE_SIZE = 34;

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
}

const nullableNumber = z.number().nullable();
const recordShape = z.object({
  id: z.string(),
  name: z.string().nullable(),
  date: z.number(),
  config: z.unknown(),
  epoch: z.number(),
  final: z.object({
    trainLoss: nullableNumber,
    testLoss: nullableNumber,
    trainAccuracy: nullableNumber,
    testAccuracy: nullableNumber,
  }),
  curve: z.object({
    epoch: z.array(z.number()),
    trainLoss: z.array(nullableNumber),
    testLoss: z.array(nullableNumber),
  }),
  picture: z
    .object({
      size: z.number().int().min(1).max(64),
      k: z.number().int().min(1).max(8),
      problem: z.enum(PROBLEMS),
      activation: z.enum(OUTPUT_ACTIVATIONS),
      values: z.array(z.number()),
    })
    .nullable(),
});

let db: UseStore | null = null;
function store(): UseStore {
  db ??= createStore(DB_NAME, STORE_NAME);
  return db;
}

/** A record read back, or null when it is not one. */
export function readRecord(raw: unknown): RunRecord | null {
  const r = recordShape.safeParse(raw);
  if (!r.success) return null;
  const { config } = validateConfig(r.data.config);
  const pic = r.data.picture;
  const picture = pic && pic.values.length === pic.size * pic.size * pic.k ? pic : null;
  return { ...r.data, config, picture };
}

/** Save (or replace) a record, then drop the oldest beyond MAX_RUNS; false when the browser would not store it. */
export async function saveRun(record: RunRecord): Promise<boolean> {
  try {
    // A name given with "Rename" stays when the run is saved again.
    const old = readRecord(await get(record.id, store()));
    await set(record.id, { ...record, name: record.name ?? old?.name ?? null }, store());
    const all = await entries<string, unknown>(store());
    if (all.length > MAX_RUNS) {
      const dated = all.map(([id, v]) => ({ id, date: readRecord(v)?.date ?? -Infinity }));
      dated.sort((a, b) => a.date - b.date);
      for (const old of dated.slice(0, all.length - MAX_RUNS)) await del(old.id, store());
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
