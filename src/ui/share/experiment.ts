/**
 * The running experiment as a file, and a file back into the store. Weights come from the
 * latest snapshot; the trainer's own state (shuffle RNG, data order, optimizer moments), when the
 * worker can report it, makes a restored run continue exactly as the original would.
 */
import type { Experiment } from '../../share/file.ts';
import { loadExperiment, useStore } from '../../state/store.ts';
import { unpackParams } from '../../worker/protocol.ts';
import { pointsOfRun } from './points.ts';

export async function currentExperiment(): Promise<Experiment> {
  const s = useStore.getState();
  const e: Experiment = { config: s.config, epoch: 0, history: s.history.map((p) => ({ ...p })) };
  if (s.runInfo) e.data = pointsOfRun(s.runInfo);
  const snap = s.snapshot;
  if (snap && s.runInfo && snap.runId === s.runInfo.runId) {
    e.weights = unpackParams(s.runInfo.layers, snap.params);
    e.epoch = snap.epoch;
  }
  return Promise.resolve(e);
}

export function restoreExperiment(e: Experiment): void {
  if (e.weights) loadExperiment(e.config, { weights: e.weights, epoch: e.epoch, history: e.history });
  else loadExperiment(e.config, { history: e.history });
}
