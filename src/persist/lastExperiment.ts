/**
 * The learner's last experiment, kept in this browser (IndexedDB through idb-keyval), so a reload
 * or an accidental close loses nothing. One job: save, load and clear it.
 *
 * Stored: { savedAt: ms since 1970, file: the experiment file's JSON as an object
 * (src/share/file.ts experimentJson: config with its drawn points, weights, biases, epoch, history
 * with its weights, trainer state) }. IndexedDB keeps it as a structured clone: no JSON text is
 * built, so a save is a few KB copied, not a string per frame. What is loaded passes the same gate
 * as a file (readExperiment): a corrupt or foreign record is reported, never thrown.
 *
 * Without IndexedDB (a browser that refuses it, a test without it) saving does nothing and loading
 * finds nothing: the page works as it did before this module.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { experimentJson, readExperiment, type Experiment } from '../share/file.ts';
import type { ConfigNotice } from '../share/schema.ts';

export const DB_NAME = 'nn-playground';
export const STORE_NAME = 'last-experiment';
export const KEY = 'experiment';

export type LoadedExperiment =
  | { status: 'none' }
  | { status: 'ok'; experiment: Experiment; notices: ConfigNotice[]; savedAt: number }
  | { status: 'corrupt'; error: string };

const record = z.object({ savedAt: z.number(), file: z.unknown() });

let db: UseStore | null = null;
/** Opened on first use (createStore opens the database at once). */
function store(): UseStore {
  db ??= createStore(DB_NAME, STORE_NAME);
  return db;
}

/** Keep `e` as the last experiment; false when the browser would not store it. */
export async function saveExperiment(e: Experiment, savedAt: number = Date.now()): Promise<boolean> {
  try {
    await set(KEY, { savedAt, file: experimentJson(e) }, store());
    return true;
  } catch {
    return false;
  }
}

/** The last experiment, read through the file gate. */
export async function loadExperiment(): Promise<LoadedExperiment> {
  let raw: unknown;
  try {
    raw = await get(KEY, store());
  } catch {
    return { status: 'none' };
  }
  if (raw === undefined) return { status: 'none' };
  const r = record.safeParse(raw);
  if (!r.success) return { status: 'corrupt', error: 'the stored record is not an experiment' };
  const read = readExperiment(r.data.file);
  if (!read.ok) return { status: 'corrupt', error: read.error };
  return { status: 'ok', experiment: read.experiment, notices: read.notices, savedAt: r.data.savedAt };
}

export async function clearExperiment(): Promise<void> {
  try {
    await del(KEY, store());
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/** Forget the opened database (tests that replace indexedDB between cases). */
export function resetPersistForTests(): void {
  db = null;
}
