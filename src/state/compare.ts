/**
 * Compare: two runs, A and B, side by side and in lockstep, each in its own worker.
 *
 * Design: the main store (store.ts) keeps holding the run being edited, exactly as with one run,
 * so every control, the network panel, notices and exports work unchanged on "the selected run".
 * This module holds the other run (config, run id, status, history, snapshot, run info) and a
 * second worker client. Run A always lives in the page's first worker (the bridge's), run B in
 * the second; "Editing B" swaps the store's run state with the one held here (the workers keep
 * their runs). Commands are routed by run id (run.ts setCommandRoute) and events of the other
 * run come here (events.ts setOtherRunListener). Play, Pause, Step and Reset act on both through
 * the lockstep coordinator (lockstep.ts). Without a comparison nothing here runs.
 *
 * Both runs share the data, the seed and the speed (SHARED_KEYS): a change to one of them applies
 * to both; any other change that rebuilds a network (Reset too) starts both again at epoch 0, so
 * they stay at the same epoch. Same seed and same layer sizes give the same initial weights.
 *
 * Here: opening and closing the comparison, command routing and the other run's events. Its state
 * (the store of it, the other run) is compareState.ts; the swap behind "Editing B" is compareSwap.ts.
 */
import { encodeComparePair, SHARED_KEYS } from '../share/compare.ts';
import { setLinkExtra } from '../share/url.ts';
import type { ExperimentConfig } from '../share/config.ts';
import { cloneConfig } from '../share/schema.ts';
import type { HistoryPoint } from '../share/file.ts';
import { createTrainingClient, type TrainingClient, type WorkerFactory } from '../worker/client.ts';
import { unpackParams, type Command, type RestoreState, type RunId, type WorkerEvent } from '../worker/protocol.ts';
import { coherentConfig, sameValue } from './configRules.ts';
import {
  compareEpochs,
  compareStore,
  otherBuffer,
  otherSlot,
  setOther,
  slotState,
  type CompareState,
} from './compareState.ts';
import { isSwapping, setEditing } from './compareSwap.ts';
import { setOtherRunListener } from './events.ts';
import { ackPacer } from './ackPacer.ts';
import { frameStride } from './frame.ts';
import { Lockstep, type Slot } from './lockstep.ts';
import { historyBuffer, newRunId, sendToFirstWorker, setCommandRoute, startCurrentRun } from './run.ts';
import {
  GRID_RESOLUTION,
  HIDDEN_GRID_RESOLUTION,
  HISTORY_PUBLISH_MS,
  IDLE_RUN,
  receiveEvent,
  store,
  type PlaygroundState,
  type RunState,
} from './store.ts';

export type { Slot } from './lockstep.ts';

export { SHARED_KEYS } from '../share/compare.ts';
export { compareEpochs, compareStore, slotState, useCompare } from './compareState.ts';
export type { CompareState, RunSlotState } from './compareState.ts';
export { setEditing, toggleEditing } from './compareSwap.ts';

/** A second run to start with: its config and, to continue, weights and history (a file, a copy of A). */
export interface SecondRun {
  config: ExperimentConfig;
  restore?: RestoreState | undefined;
  history?: HistoryPoint[] | undefined;
}

let client: TrainingClient | null = null;
let lockstep: Lockstep | null = null;
let offStore: (() => void) | null = null;
let lastOtherPublish = -Infinity;
/** Tests inject a fake worker. */
let workerFactory: WorkerFactory | undefined;
export function setCompareWorkerFactory(f: WorkerFactory | undefined): void {
  workerFactory = f;
}

/** A: the first worker; B: the second. */
function sendTo(slot: Slot, command: Command): void {
  if (slot === 'A') sendToFirstWorker(command);
  else client?.send(command.type === 'init' ? { ...command, flowControl: true } : command);
}

function slotOfRun(runId: RunId): Slot | null {
  if (runId === store.getState().runId) return compareStore.getState().editing;
  return runId === compareStore.getState().other?.runId ? otherSlot() : null;
}

/** (Re)start the other run in its worker, fresh or from `from` (weights, history). */
function startOther(from: Omit<SecondRun, 'config'> = {}): void {
  const o = compareStore.getState().other;
  if (!o || !lockstep) return;
  const runId = newRunId();
  otherBuffer.load(from.history ?? []);
  lastOtherPublish = -Infinity;
  const epoch = from.restore?.epoch ?? 0;
  setOther({ runId, run: { ...IDLE_RUN, epoch }, history: otherBuffer.toArray(), snapshot: null, runInfo: null });
  const init: Command = {
    type: 'init',
    runId,
    config: o.config,
    gridResolution: GRID_RESOLUTION,
    hiddenGridResolution: HIDDEN_GRID_RESOLUTION,
  };
  if (from.restore) init.restore = from.restore;
  lockstep.started(otherSlot(), runId, epoch);
  sendTo(otherSlot(), init);
}

/** Commands of the store's run: transport through the lockstep, the rest to the run's own worker. */
function route(command: Command): boolean {
  const ls = lockstep;
  if (!ls) return false;
  const { editing } = compareStore.getState();
  if (command.type === 'init') {
    // The store's run starts again (Reset, a setting that rebuilds, a load): both start again, in step.
    ls.started(editing, command.runId, command.restore?.epoch ?? 0);
    sendTo(editing, command);
    startOther();
    return true;
  }
  if (!('runId' in command)) return false;
  const slot = slotOfRun(command.runId);
  if (slot === null) return true; // a run that is gone
  switch (command.type) {
    case 'play':
      ls.play();
      setOther({ run: { ...compareStore.getState().other!.run, status: 'running' } });
      return true;
    case 'pause':
      ls.pause();
      return true;
    case 'step':
      ls.step(command.epochs);
      return true;
    case 'setSpeed': {
      const other = compareStore.getState().other;
      sendTo(slot, command);
      if (other) sendTo(otherSlot(), { ...command, runId: other.runId });
      return true;
    }
    default:
      sendTo(slot, command);
      return true;
  }
}

/** Events of the run the store does not hold. */
function receiveOther(event: WorkerEvent): void {
  const o = compareStore.getState().other;
  if (!o) return;
  const slot = otherSlot();
  switch (event.type) {
    case 'runInfo':
      if (event.info.runId === o.runId) setOther({ runInfo: event.info });
      return;
    case 'snapshot': {
      const snap = event.snapshot;
      if (snap.runId !== o.runId) return;
      otherBuffer.addChunk(snap.history);
      const t = performance.now();
      const publish = snap.status !== 'running' || t - lastOtherPublish >= HISTORY_PUBLISH_MS;
      if (publish) lastOtherPublish = t;
      setOther({
        snapshot: snap,
        run: {
          ...o.run,
          epoch: snap.epoch,
          trainLoss: snap.trainLoss,
          testLoss: snap.testLoss,
          trainAccuracy: snap.trainAccuracy,
          testAccuracy: snap.testAccuracy,
          epochsPerSecond: snap.epochsPerSecond,
        },
        ...(publish ? { history: otherBuffer.toArray() } : {}),
      });
      lockstep?.progress(slot, snap.runId, snap.epoch, snap.epochsPerSecond, snap.status === 'diverged');
      return;
    }
    case 'status':
      if (event.runId !== o.runId) return;
      setOther({
        run: { ...o.run, status: event.status, epoch: event.epoch, message: event.message ?? null },
        history: otherBuffer.toArray(),
      });
      lockstep?.progress(slot, event.runId, event.epoch, 0, event.status === 'diverged');
      if (event.status === 'diverged' && event.message)
        store.getState().addNotice(`Run ${slot}: ${event.message}`, 'warning', `compare-diverged-${slot}`);
      return;
    case 'error':
      if (event.runId !== o.runId) return;
      setOther({ run: { ...o.run, status: 'error', message: event.message } });
      store.getState().addNotice(`Run ${slot}: ${event.message}`, 'error', `compare-error-${slot}`);
      return;
    case 'notice':
      if (event.runId === o.runId) store.getState().addNotice(event.message, 'info', 'worker-notice');
      return;
    case 'export':
      settleOtherExport(event);
      return;
    default:
      return;
  }
}

/** The store's run: its progress drives the lockstep; shared settings follow to the other run. */
function watchStore(s: PlaygroundState, prev: PlaygroundState): void {
  if (isSwapping()) return;
  const { editing } = compareStore.getState();
  if (s.snapshot && s.snapshot !== prev.snapshot) {
    const snap = s.snapshot;
    lockstep?.progress(editing, snap.runId, snap.epoch, snap.epochsPerSecond, snap.status === 'diverged');
  }
  if (s.run.status === 'diverged' && prev.run.status !== 'diverged')
    lockstep?.progress(editing, s.runId, s.run.epoch, 0, true);
  if (s.config !== prev.config) {
    const o = compareStore.getState().other;
    if (!o) return;
    const patch: Partial<ExperimentConfig> = {};
    for (const k of SHARED_KEYS)
      if (!sameValue(s.config[k], prev.config[k])) (patch as Record<string, unknown>)[k] = s.config[k];
    if (Object.keys(patch).length > 0) setOther({ config: coherentConfig({ ...o.config, ...patch }, patch, o.config) });
  }
}

/** Open the comparison: B a copy of A (same weights, epoch and history), or the given second run. */
export async function startCompare(second?: SecondRun): Promise<void> {
  if (compareStore.getState().active) return;
  const st = store.getState();
  if (st.run.status === 'running') {
    st.pause();
    await settled();
  }
  const s = store.getState();
  const c = createTrainingClient(workerFactory);
  client = c;
  // Every other frame while comparing, like run A's (frame.ts frameStride): one snapshot per frame in all.
  const ack = ackPacer((a) => {
    if (client === c) c.send({ type: 'ack', ...a });
  }, frameStride);
  c.subscribe((event) => {
    if (event.type === 'error' && event.fatal) {
      keep('A', 'The second training worker stopped, so the comparison closed; run A goes on.');
      return;
    }
    if (event.type === 'hello') return;
    receiveEvent(event);
    if (event.type === 'snapshot') ack(event.snapshot);
  });
  lockstep = new Lockstep(sendTo);
  lockstep.started('A', s.runId, s.run.epoch);
  compareStore.setState({
    active: true,
    editing: 'A',
    other: {
      config: cloneConfig(second?.config ?? s.config),
      runId: 0,
      run: IDLE_RUN,
      history: [],
      snapshot: null,
      runInfo: null,
    },
  });
  setOtherRunListener(receiveOther);
  setCommandRoute(route);
  offStore = store.subscribe(watchStore);
  if (second) startOther(second);
  else startOther(copyOfStoreRun());
  setLinkExtra(linkPair);
  touchConfig();
}

/** The link of a comparison: run A's settings, and B's in the compare pair. */
function linkPair(): { config: ExperimentConfig; pair: string } | null {
  const a = slotState('A');
  const b = slotState('B');
  if (!a || !b) return null;
  return { config: a.config, pair: encodeComparePair(a.config, b.config, compareStore.getState().editing) };
}

/** A new config object with the same settings: the link follows (share/linkSync.ts writes on a config change). */
function touchConfig(): void {
  store.setState((s) => ({ config: { ...s.config } }));
}

/** The store's run as a starting point: its latest weights, trainer state, epoch and history. */
function copyOfStoreRun(): Omit<SecondRun, 'config'> {
  const s = store.getState();
  if (!s.snapshot || !s.runInfo || s.snapshot.status === 'diverged') return {};
  const { weights, biases } = unpackParams(s.runInfo.layers, s.snapshot.params);
  return {
    restore: { weights, biases, epoch: s.snapshot.epoch, trainer: s.snapshot.trainer },
    history: historyBuffer.save(),
  };
}

/** Until the store's run has stopped (its paused snapshot came), at most a second and a half. */
function settled(): Promise<void> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const check = () => {
      const snap = store.getState().snapshot;
      if (!snap || snap.status !== 'running' || performance.now() - t0 > 1500) resolve();
      else setTimeout(check, 20);
    };
    check();
  });
}

/**
 * Leave the comparison with one run: it becomes the page's only run, where it is (training on if
 * it was). Run B moves to the first worker, continuing exactly from its latest snapshot.
 */
export function keep(slot: Slot, notice?: string): void {
  if (!compareStore.getState().active) return;
  const playing = lockstep?.isPlaying ?? false;
  setEditing(slot);
  setCommandRoute(null);
  setOtherRunListener(null);
  offStore?.();
  offStore = null;
  client?.terminate();
  client = null;
  lockstep = null;
  otherBuffer.clear();
  compareStore.setState({ active: false, editing: 'A', other: null });
  if (slot === 'B') startCurrentRun(true, playing);
  else sendToFirstWorker({ type: 'setLimit', runId: store.getState().runId, epoch: null });
  setLinkExtra(null);
  touchConfig();
  if (notice) store.getState().addNotice(notice, 'warning', 'compare-worker');
}

// ---- the other run's exact state for a file (like exports.ts, for the run held here) ----
const pendingOtherExports = new Map<number, (e: WorkerEvent & { type: 'export' }) => void>();
let nextOtherRequest = 1_000_000;

function settleOtherExport(event: WorkerEvent & { type: 'export' }): void {
  pendingOtherExports.get(event.requestId)?.(event);
}

/** The other run's weights and trainer state from its worker; null without an answer in time. */
export function requestOtherExport(timeoutMs = 3000): Promise<(WorkerEvent & { type: 'export' }) | null> {
  const o = compareStore.getState().other;
  if (!o || !o.runInfo) return Promise.resolve(null);
  const requestId = nextOtherRequest++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pendingOtherExports.delete(requestId);
      resolve(null);
    }, timeoutMs);
    pendingOtherExports.set(requestId, (e) => {
      clearTimeout(timer);
      pendingOtherExports.delete(requestId);
      resolve(e);
    });
    sendTo(otherSlot(), { type: 'requestExport', runId: o.runId, requestId });
  });
}

/** The other run's history with its weights (for a file). */
export function otherHistory(): HistoryPoint[] {
  return otherBuffer.save();
}

declare global {
  interface Window {
    __compare?: {
      state: () => CompareState;
      epochs: typeof compareEpochs;
      slot: typeof slotState;
      setEditing: typeof setEditing;
    };
  }
}
if (typeof window !== 'undefined' && window.__PLAYGROUND_TEST__ === true) {
  window.__compare = { state: compareStore.getState, epochs: compareEpochs, slot: slotState, setEditing };
}

export type { RunState };
