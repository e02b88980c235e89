/**
 * The running experiment as a file, and a file back into the store. The store asks the worker
 * for weights and trainer state (shuffle RNG, data order, optimizer moments) captured at one
 * epoch, so a restored run continues exactly as the original would.
 */
import type { Experiment } from '../../share/file.ts';
import { exportExperiment, useStore } from '../../state/store.ts';
import { pointsOfRun } from './points.ts';

/** A file back into the store (one definition for files and the browser's local store). */
export { restoreExperiment } from '../../state/store.ts';

export async function currentExperiment(): Promise<Experiment> {
  const s = await exportExperiment();
  const info = useStore.getState().runInfo;
  const e: Experiment = { config: s.config, epoch: s.weights ? s.epoch : 0, history: s.history.map((p) => ({ ...p })) };
  if (info) e.data = pointsOfRun(info);
  if (s.weights) e.weights = s.weights;
  if (s.weights && s.trainer) e.trainer = s.trainer;
  return e;
}
