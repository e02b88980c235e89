/**
 * The gradient check and Break backprop on the page: which break is on (run state, never in the
 * config or a link unless a lesson sets it), the last check's result, and the space a hidden layer
 * sees. A break stays on across Reset and new runs (sent again to each) until "Fix it", so the
 * banner always tells the truth; a reload starts unbroken.
 */
import { create } from 'zustand';
import type { BreakKind } from '../nn/breakage.ts';
import type { GradCheckResult } from '../nn/gradcheck.ts';
import type { SpaceView } from '../nn/transformed.ts';
import type { WorkerEvent } from '../worker/protocol.ts';
import { send } from './run.ts';
import { store } from './store.ts';

export type { BreakKind };

export interface GradCheckState {
  breakKind: BreakKind;
  /** 'running' from the request until the worker answers. */
  status: 'idle' | 'running' | 'done';
  result: GradCheckResult | null;
  /** The latest transformed space the worker sent (for the current run). */
  space: SpaceView | null;
}

export const useGradCheck = create<GradCheckState>(() => ({
  breakKind: 'none',
  status: 'idle',
  result: null,
  space: null,
}));

let nextRequest = 1;
let pendingCheck = 0;
let pendingSpace = 0;
/** When the pending space request went out: one lost answer (an error) must not stop the view for good. */
let spaceSentAt = -Infinity;
const SPACE_GIVE_UP_MS = 2000;

/** Break backprop on purpose, or mend it with 'none' (the "Fix it" button). */
export function setBreak(kind: BreakKind): void {
  useGradCheck.setState({ breakKind: kind, result: null, status: 'idle' });
  send({ type: 'setBreak', runId: store.getState().runId, kind });
}

/** Ask the worker to check the gradients of the current minibatch. */
export function runGradCheck(): void {
  pendingCheck = nextRequest++;
  useGradCheck.setState({ status: 'running' });
  send({ type: 'gradCheck', runId: store.getState().runId, requestId: pendingCheck });
}

/** Ask for the space hidden layer `layer`'s units A and B see; true when sent (one request at a time). */
export function requestSpace(layer: number, unitA: number, unitB: number): boolean {
  const now = performance.now();
  if (pendingSpace !== 0 && now - spaceSentAt < SPACE_GIVE_UP_MS) return false;
  pendingSpace = nextRequest++;
  spaceSentAt = now;
  send({ type: 'requestSpace', runId: store.getState().runId, requestId: pendingSpace, layer, unitA, unitB });
  return true;
}

/** The worker's answers (events.ts routes them here after dropping other runs'). */
export function receiveHoodEvent(event: Extract<WorkerEvent, { type: 'gradCheck' | 'space' }>): void {
  if (event.type === 'gradCheck') {
    if (event.requestId !== pendingCheck) return;
    pendingCheck = 0;
    useGradCheck.setState({ status: 'done', result: event.result });
  } else {
    if (event.requestId === pendingSpace) pendingSpace = 0;
    useGradCheck.setState({ space: event.view });
  }
}

/**
 * A new run has started (its runInfo arrived): forget the old answers; a break that is on stays
 * on, so it is sent to the new run (whose worker side starts unbroken).
 */
export function hoodRunStarted(runId: number): void {
  pendingCheck = 0;
  pendingSpace = 0;
  useGradCheck.setState({ result: null, status: 'idle', space: null });
  const kind = useGradCheck.getState().breakKind;
  if (kind !== 'none') send({ type: 'setBreak', runId, kind });
}
