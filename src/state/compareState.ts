/**
 * Compare's own state (see compare.ts): whether a comparison is open, which run the controls edit,
 * and the run the main store does not hold ("the other run", with its history buffer). Reading a
 * run by slot (A or B) goes through slotState, wherever that run is held.
 */
import { useStore as useZustandStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { setFrameStride } from './frame.ts';
import { HistoryBuffer } from './history.ts';
import type { Slot } from './lockstep.ts';
import { store, type PlaygroundState } from './store.ts';

/** One run's state as the views read it: the store's fields of a run. */
export type RunSlotState = Pick<PlaygroundState, 'config' | 'runId' | 'run' | 'history' | 'snapshot' | 'runInfo'>;

export interface CompareState {
  active: boolean;
  /** The run the controls edit (the one the main store holds). */
  editing: Slot;
  /** The run the store does not hold; null when not comparing. */
  other: RunSlotState | null;
}

export const compareStore = createStore<CompareState>()(() => ({ active: false, editing: 'A', other: null }));
// Two runs on screen: the views update and each stream is acknowledged every other frame (frame.ts).
compareStore.subscribe((s) => setFrameStride(s.active ? 2 : 1));

export function useCompare<T>(selector: (s: CompareState) => T): T {
  return useZustandStore(compareStore, selector);
}

/** The other run's history (the store's run has run.ts historyBuffer). */
export const otherBuffer = new HistoryBuffer();

export const otherSlot = (): Slot => (compareStore.getState().editing === 'A' ? 'B' : 'A');
export const setOther = (patch: Partial<RunSlotState>) =>
  compareStore.setState((s) => (s.other ? { other: { ...s.other, ...patch } } : {}));

/** A run's state by slot, wherever it is held (the store or here). */
export function slotState(slot: Slot): RunSlotState | null {
  const cs = compareStore.getState();
  if (!cs.active) return null;
  return slot === cs.editing ? store.getState() : cs.other;
}

/** Both runs' epochs (tests: lockstep keeps them equal when paused). */
export function compareEpochs(): Record<Slot, number> | null {
  const a = slotState('A');
  const b = slotState('B');
  return a && b ? { A: a.run.epoch, B: b.run.epoch } : null;
}
