/**
 * "Find a learning rate": its state on the page. `find()` asks the worker for a range test from
 * the run's initial weights (src/worker/lrFinder.ts; the run is untouched); the answer is kept
 * for the panel, which offers the suggestion rounded to the learning-rate control's list ("Use 0.03").
 */
import { useStore as useZustandStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { LrRangeResult, WorkerEvent } from '../worker/protocol.ts';
import { send } from './run.ts';
import { store } from './store.ts';

export interface LrFinderState {
  open: boolean;
  busy: boolean;
  result: LrRangeResult | null;
}

const initial: LrFinderState = { open: false, busy: false, result: null };
export const lrFinderStore = createStore<LrFinderState>()(() => initial);

export function useLrFinder<T>(selector: (s: LrFinderState) => T): T {
  return useZustandStore(lrFinderStore, selector);
}

let pending = 0;
let nextRequest = 1;

/** Open the finder and run the test. */
export function findLearningRate(): void {
  const { runId } = store.getState();
  pending = nextRequest++;
  lrFinderStore.setState({ open: true, busy: true, result: null });
  send({ type: 'findLearningRate', runId, requestId: pending });
}

export function receiveLrRange(event: WorkerEvent & { type: 'lrRange' }): void {
  // events.ts drops answers for a run that is no longer current; a new run's request has a new id.
  if (event.requestId !== pending) return;
  pending = 0;
  lrFinderStore.setState({ busy: false, result: event.result });
}

/** "Use 0.03": set the learning rate (live, the run goes on) and close. */
export function applyRate(rate: number): void {
  store.getState().setConfig({ learningRate: rate });
  closeLrFinder();
}

export function closeLrFinder(): void {
  pending = 0;
  lrFinderStore.setState(initial);
}
