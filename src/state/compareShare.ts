/**
 * A comparison in and out of links and files (the formats: src/share/compare.ts): open a link's
 * or a file's second run, and the comparison as one experiment file (run A, with B in `compare`).
 */
import { decodeCompareValue, type Editing } from '../share/compare.ts';
import type { Experiment } from '../share/file.ts';
import { splitHash } from '../share/url.ts';
import { unpackParams, type RestoreState } from '../worker/protocol.ts';
import {
  compareStore,
  keep,
  otherHistory,
  requestOtherExport,
  setEditing,
  startCompare,
  type SecondRun,
} from './compare.ts';
import { store } from './store.ts';

/** Open a link's comparison (after the link's run A is loaded): B from the link's compare field. */
export async function openCompareLink(hash: string): Promise<void> {
  const { comparison, notices } = decodeCompareValue(splitHash(hash).get('compare'), store.getState().config);
  for (const n of notices) store.getState().addNotice(n.message, 'warning', `link:${n.field}`);
  if (!comparison) return;
  await startCompare({ config: comparison.b });
  setEditing(comparison.editing);
}

/** Leave a comparison before a file replaces the run (a comparison file opens its own). */
export function leaveCompareForFile(): void {
  if (compareStore.getState().active) keep('A');
}

/** An experiment as Compare's second run: its settings and, when it has them, its weights, trainer state and curve. */
export function secondRunOf(b: Experiment): SecondRun {
  const restore: RestoreState | undefined = b.weights
    ? { ...b.weights, epoch: b.epoch, ...(b.trainer ? { trainer: b.trainer } : {}) }
    : undefined;
  return { config: b.config, restore, history: b.history };
}

/** Open a comparison file's run B beside run A (the file's experiment, already restored). */
export async function openCompareFile(b: Experiment, editing: Editing): Promise<void> {
  await startCompare(secondRunOf(b));
  setEditing(editing);
}

/**
 * The comparison as one file: `edited` is the store's run as a file (the run being edited); the
 * other run's weights and trainer state are asked from its worker. Run A is the file's experiment.
 */
export async function comparisonFile(edited: Experiment): Promise<Experiment> {
  const cs = compareStore.getState();
  const o = cs.other;
  if (!cs.active || !o) return edited;
  const captured = await requestOtherExport();
  const other: Experiment = { config: o.config, epoch: 0, history: otherHistory() };
  if (captured && o.runInfo) {
    other.weights = unpackParams(o.runInfo.layers, captured.params);
    other.epoch = captured.epoch;
    other.trainer = captured.trainer;
  }
  if (cs.editing === 'A') return { ...edited, compare: { editing: 'A', b: other } };
  const { data, ...b } = edited;
  return { ...other, ...(data ? { data } : {}), compare: { editing: 'B', b } };
}
