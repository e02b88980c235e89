/**
 * The running experiment as a file, and a file back into the store. The store asks the worker
 * for weights and trainer state (shuffle RNG, data order, optimizer moments) captured at one
 * epoch, so a restored run continues exactly as the original would.
 */
import type { Experiment } from '../../share/file.ts';
import { comparisonFile, leaveCompareForFile, openCompareFile } from '../../state/compareShare.ts';
import { exportExperiment, restoreExperiment as restoreRun, useStore } from '../../state/store.ts';
import { pointsOfRun } from './points.ts';

/** A file back into the store; a comparison file opens its run B beside it (src/state/compareShare.ts). */
export function restoreExperiment(e: Experiment): void {
  leaveCompareForFile();
  restoreRun(e);
  if (e.compare) void openCompareFile(e.compare.b, e.compare.editing);
}

export async function currentExperiment(): Promise<Experiment> {
  const s = await exportExperiment();
  const info = useStore.getState().runInfo;
  const e: Experiment = { config: s.config, epoch: s.weights ? s.epoch : 0, history: s.history.map((p) => ({ ...p })) };
  if (info) e.data = pointsOfRun(info);
  if (s.weights) e.weights = s.weights;
  if (s.weights && s.trainer) e.trainer = s.trainer;
  return comparisonFile(e);
}
