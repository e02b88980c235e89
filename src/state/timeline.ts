/**
 * The replay timeline's state: the epochs the worker keeps checkpoints at, and the one being viewed
 * (its snapshot, computed by the worker with that checkpoint's weights). While viewing, the output
 * plane and the network draw the viewed snapshot (src/ui/timeline/source.ts) and the charts mark its
 * epoch; the run itself is paused. "Back to live" shows the run again; "Continue from here" starts
 * a new run from the checkpoint (weights and trainer state: exactly as the original went on) with
 * the history after it cut off (HistoryBuffer.truncate).
 */
import { useStore as useZustandStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { unpackParams, type RunId, type Snapshot, type WorkerEvent } from '../worker/protocol.ts';
import { historyBuffer, send, startRun } from './run.ts';
import { store } from './store.ts';

export interface TimelineState {
  /** The run the checkpoint list belongs to. */
  runId: RunId;
  /** Checkpoint epochs, ascending. */
  checkpoints: number[];
  /** The epoch asked for (null: live). */
  viewingEpoch: number | null;
  /** The viewed run state, once the worker has answered. */
  viewing: Snapshot | null;
}

const initial: TimelineState = { runId: 0, checkpoints: [], viewingEpoch: null, viewing: null };
export const timelineStore = createStore<TimelineState>()(() => initial);

export function useTimeline<T>(selector: (s: TimelineState) => T): T {
  return useZustandStore(timelineStore, selector);
}

let nextRequest = 1;
let pending = 0;

/** Worker events for the timeline (already filtered to the current run by events.ts). */
export function receiveTimelineEvent(event: WorkerEvent): void {
  watchRuns();
  if (event.type === 'checkpoints') {
    timelineStore.setState({ runId: event.runId, checkpoints: event.epochs });
  } else if (event.type === 'checkpoint' && event.requestId === pending) {
    pending = 0;
    if (event.snapshot) timelineStore.setState({ viewing: event.snapshot, viewingEpoch: event.epoch });
    else backToLive();
  }
}

/** Show the run as it was at checkpoint `epoch` (the run pauses). */
export function viewEpoch(epoch: number): void {
  const s = store.getState();
  if (!timelineStore.getState().checkpoints.includes(epoch)) return;
  if (s.run.status === 'running') s.pause();
  pending = nextRequest++;
  timelineStore.setState({ viewingEpoch: epoch });
  send({ type: 'viewCheckpoint', runId: s.runId, epoch, requestId: pending });
}

export function backToLive(): void {
  pending = 0;
  timelineStore.setState({ viewingEpoch: null, viewing: null });
}

/**
 * Train on from the viewed checkpoint: a new run from its weights and trainer state, with the
 * current settings, keeping the earlier checkpoints; the history after it is replaced.
 */
export function continueFromHere(): boolean {
  const v = timelineStore.getState().viewing;
  const s = store.getState();
  if (!v || !s.runInfo) return false;
  const { weights, biases } = unpackParams(s.runInfo.layers, v.params);
  const history = historyBuffer.truncated(v.epoch);
  backToLive();
  startRun(s.config, {
    restore: { weights, biases, epoch: v.epoch, trainer: v.trainer },
    history,
    keepCheckpoints: true,
  });
  return true;
}

/** The snapshot the canvases draw: the viewed one, or null for live. */
export function viewedSnapshot(): Snapshot | null {
  return timelineStore.getState().viewing;
}

/**
 * A new run forgets the old one's checkpoints; playing goes back to live. Subscribed on first use,
 * not at import (store.ts imports this module through events.ts).
 */
let watching = false;
function watchRuns(): void {
  if (watching) return;
  watching = true;
  store.subscribe((s, prev) => {
    if (s.runId !== prev.runId) {
      pending = 0;
      timelineStore.setState({ ...initial, runId: s.runId });
    } else if (s.run.status === 'running' && prev.run.status !== 'running') backToLive();
  });
}

/** Back to no checkpoints (tests). */
export function resetTimelineForTests(): void {
  pending = 0;
  timelineStore.setState(initial);
}

declare global {
  interface Window {
    /** Browser tests (src/state/testHook.ts): the timeline's state. */
    __timeline?: typeof timelineStore;
  }
}
if (typeof window !== 'undefined' && window.__PLAYGROUND_TEST__ === true) window.__timeline = timelineStore;
