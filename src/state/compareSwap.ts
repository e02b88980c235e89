/**
 * "Editing B" (see compare.ts): the main store and compareState.ts swap their run state, history
 * buffers included, so every control acts on the selected run; the workers keep their runs.
 */
import { compareStore, otherBuffer, type RunSlotState } from './compareState.ts';
import type { Slot } from './lockstep.ts';
import { historyBuffer } from './run.ts';
import { store } from './store.ts';

let swapping = false;

/** True while a swap rewrites the store: its changes are no run's progress (compare.ts watchStore). */
export function isSwapping(): boolean {
  return swapping;
}

/** Edit the other run: the store and compareState.ts swap their run state (the workers keep theirs). */
export function setEditing(slot: Slot): void {
  const cs = compareStore.getState();
  if (!cs.active || !cs.other || slot === cs.editing) return;
  swapping = true;
  try {
    const s = store.getState();
    const mine: RunSlotState = {
      config: s.config,
      runId: s.runId,
      run: s.run,
      history: s.history,
      snapshot: s.snapshot,
      runInfo: s.runInfo,
    };
    const o = cs.other;
    const saved = historyBuffer.save();
    historyBuffer.load(otherBuffer.save());
    otherBuffer.load(saved);
    compareStore.setState({ editing: slot, other: { ...mine, history: otherBuffer.toArray() } });
    store.setState({
      config: o.config,
      runId: o.runId,
      run: o.run,
      history: historyBuffer.toArray(),
      snapshot: o.snapshot,
      runInfo: o.runInfo,
    });
  } finally {
    swapping = false;
  }
}

export function toggleEditing(): void {
  setEditing(compareStore.getState().editing === 'A' ? 'B' : 'A');
}
