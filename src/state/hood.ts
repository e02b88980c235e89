/**
 * The "Under the hood" panel's state (its own zustand module, CONTRACTS.md): open or not, the tab,
 * the explained step's trace (the worker's StepTrace, src/nn/trace.ts), the phase being shown,
 * the focused unit and the focused sample of the minibatch. Explain step and Batch step send the
 * worker's 'batchStep' command; the trace arrives as one 'trace' event (events.ts → receiveTrace).
 */
import { useStore as useZustandStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { StepTrace, WorkerEvent } from '../worker/protocol.ts';
import { nearestSample } from '../explain/nearest.ts';
import { explainStopped } from './events.ts';
import { send } from './run.ts';
import { store } from './store.ts';

export type HoodTab = 'step' | 'check' | 'space';
export interface ExplainPhase {
  kind: 'forward' | 'loss' | 'backward' | 'gradients' | 'update';
  layer?: number;
}
/** A unit of the network: `layer` 0 is the first weight layer's output (the first hidden layer). */
export interface UnitRef {
  layer: number;
  unit: number;
}

export interface HoodState {
  open: boolean;
  tab: HoodTab;
  phase: ExplainPhase | null;
  trace: StepTrace | null;
  /** The run the trace belongs to: a new run (Reset, a new network, a loaded file) makes it stale. */
  traceRunId: number;
  /** The focused unit; null: the (first) output unit. */
  focus: UnitRef | null;
  /** The focused input of the focused unit (a clicked link), or null. */
  focusInput: number | null;
  /** Row of the minibatch whose numbers are shown. */
  sample: number;
  /** requestId of the explain step waited for, or null. */
  pending: number | null;
  /** The point under the pointer on the output plane (data coordinates), while the panel or the unit card is open. */
  point: { x: number; y: number } | null;
  /** How `sample` was last chosen on the plane: a click on its point, the nearest to a click, or not on the plane. */
  picked: 'near' | 'nearest' | null;
  /** The unit whose equation card is shown ("the equation of any unit, any time"), or null. */
  card: UnitRef | null;
  /** The card opened the panel (closing the card closes the panel). */
  cardOpened: boolean;
}

const initial: HoodState = {
  open: false,
  tab: 'step',
  phase: null,
  trace: null,
  traceRunId: 0,
  focus: null,
  focusInput: null,
  sample: 0,
  pending: null,
  point: null,
  picked: null,
  card: null,
  cardOpened: false,
};

export const hoodStore = createStore<HoodState>()(() => ({ ...initial }));
let nextRequest = 1;

export function openHood(tab: HoodTab = 'step'): void {
  hoodStore.setState({ open: true, tab, cardOpened: false });
}
export function closeHood(): void {
  hoodStore.setState({ open: false, phase: null, card: null, cardOpened: false });
}
export function setPhase(phase: ExplainPhase | null): void {
  hoodStore.setState({ phase });
}
export function setFocus(focus: UnitRef | null, input: number | null = null): void {
  hoodStore.setState({ focus, focusInput: input });
}
export function setSample(sample: number): void {
  hoodStore.setState({ sample, picked: null });
}
/** The output plane's pointer (OutputView): kept only while the panel is open, so it costs nothing otherwise. */
export function notePlanePoint(x: number, y: number): void {
  if (hoodStore.getState().open) hoodStore.setState({ point: { x, y } });
}
/** The pointer left the plane: the card falls back to the last picked sample. */
export function clearPlanePoint(): void {
  if (hoodStore.getState().point) hoodStore.setState({ point: null });
}

/** A click within this fraction of the plane's width of a point counts as on it (about 9 px of 360). */
const PICK_RADIUS = 1 / 40;

/**
 * A click (or Enter) at (x, y) on the output plane while a step is explained: picks the minibatch
 * sample nearest to it and returns true (the click is used up); false otherwise, so the plane's
 * own click (drawing your own data) goes on unchanged.
 */
export function pickFromPlane(x: number, y: number): boolean {
  const h = hoodStore.getState();
  const s = store.getState();
  const info = s.runInfo;
  if (!h.open || h.tab !== 'step' || !h.trace || !h.phase || h.traceRunId !== s.runId || !info) return false;
  const radius = (info.region.xMax - info.region.xMin) * PICK_RADIUS;
  const p = nearestSample(info.trainPoints, h.trace.rows, h.trace.m, x, y, radius);
  if (!p) return false;
  hoodStore.setState({ sample: p.sample, picked: p.near ? 'near' : 'nearest' });
  return true;
}

/**
 * A unit clicked in the diagram while no step is explained: while paused (or not yet trained), the
 * panel opens on that unit's equation card and the click is used up (true); a second click on the
 * unit whose card is shown, or any click while training, goes on to the diagram's bias editor (false).
 */
export function showUnitCard(layer: number, unit: number): boolean {
  const h = hoodStore.getState();
  if (store.getState().run.status === 'running') return false;
  if (h.open && h.card && h.card.layer === layer && h.card.unit === unit) return false;
  hoodStore.setState({ card: { layer, unit }, open: true, cardOpened: h.cardOpened || !h.open });
  return true;
}
/** Close the card; the panel too when the card opened it. */
export function closeUnitCard(): void {
  const h = hoodStore.getState();
  hoodStore.setState({ card: null, cardOpened: false, ...(h.cardOpened ? { open: false, phase: null } : {}) });
}
/**
 * A unit or link clicked in the diagram (layer: weight layer; input: the link's, or null): focused
 * while a step is explained in the open panel (true), so the diagram does not open its editor;
 * false otherwise (the diagram opens its editor and, for a unit, the equation card).
 */
export function focusFromDiagram(layer: number, unit: number, input: number | null): boolean {
  const h = hoodStore.getState();
  if (!h.open || h.tab !== 'step' || !h.trace || h.traceRunId !== store.getState().runId) return false;
  const phase = h.phase && h.phase.layer !== undefined ? { ...h.phase, layer } : h.phase;
  hoodStore.setState({ focus: { layer, unit }, focusInput: input, phase });
  return true;
}
export function setTab(tab: HoodTab): void {
  hoodStore.setState({ tab });
}

/** Train the run's next minibatch; with `explain`, open the panel on the recorded step. */
function batch(explain: boolean): void {
  const s = store.getState();
  if (s.run.status === 'diverged') explainStopped();
  if (s.run.status === 'diverged' || s.run.status === 'error') return;
  const requestId = nextRequest++;
  if (explain) hoodStore.setState({ open: true, tab: 'step', pending: requestId, cardOpened: false });
  send({ type: 'batchStep', runId: s.runId, explain, requestId });
}
export const explainStep = (): void => batch(true);
export const batchStep = (): void => batch(false);

/** A trace from the worker (events.ts): shown from its first phase, on the output unit. */
export function receiveTrace(event: Extract<WorkerEvent, { type: 'trace' }>): void {
  const h = hoodStore.getState();
  if (h.pending !== event.requestId) return;
  const sample = Math.min(h.sample, event.trace.m - 1);
  hoodStore.setState({
    trace: event.trace,
    traceRunId: event.runId,
    pending: null,
    phase: { kind: 'forward', layer: 0 },
    sample,
    picked: null,
  });
}

/** The explained step's trace when it belongs to the current run, else null (a hook). */
export function useTrace(): StepTrace | null {
  const trace = useZustandStore(hoodStore, (s) => s.trace);
  const of = useZustandStore(hoodStore, (s) => s.traceRunId);
  const runId = useZustandStore(store, (s) => s.runId);
  return of === runId ? trace : null;
}

function useBoundHood<T>(selector: (s: HoodState) => T): T {
  return useZustandStore(hoodStore, selector);
}
/** The React hook `useHood(s => s.open)`; also `useHood.getState()`, `useHood.subscribe(listener)`. */
export const useHood = Object.assign(useBoundHood, {
  getState: hoodStore.getState,
  setState: hoodStore.setState,
  subscribe: hoodStore.subscribe,
});

/** Back to closed and empty (tests). */
export function resetHoodForTests(): void {
  hoodStore.setState({ ...initial });
}
