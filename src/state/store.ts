/**
 * The playground's state: the experiment config (what a link holds), the live run, a bounded
 * history and the latest snapshot. A framework-free zustand store with a thin React hook; every
 * action is a plain module-level function, so the worker bridge and tests call them without React.
 *
 * Canvases read `useStore.getState().snapshot` and `useStore.subscribe` (transient updates, no
 * React re-render per frame). The chart reads `history` (≤ MAX_HISTORY points, republished at most
 * every HISTORY_PUBLISH_MS while running).
 */
import { useStore as useZustandStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { DEFAULT_CONFIG, type ExperimentConfig, type Speed } from '../share/config.ts';
import {
  eventRunId,
  PROTOCOL_VERSION,
  unpackParams,
  type Command,
  type Hyperparameters,
  type RestoreState,
  type RunId,
  type RunInfo,
  type RunStatus,
  type Snapshot,
  type TrainerState,
  type WorkerEvent,
} from '../worker/protocol.ts';
import { coherentConfig, isLiveKey, isRebuildKey, sameValue } from './configRules.ts';
import { HistoryBuffer, type HistoryPoint } from './history.ts';

export { coherentConfig, isLiveKey, isRebuildKey, VIEW_KEYS } from './configRules.ts';

export type { HistoryPoint } from './history.ts';

export type RunStatusView = RunStatus | 'error';

export interface RunState {
  status: RunStatusView;
  epoch: number;
  trainLoss: number | null;
  testLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** Why the run diverged or failed; null otherwise. */
  message: string | null;
  /** Worker epochs per second, as of the latest snapshot. */
  epochsPerSecond: number;
}

export type NoticeKind = 'info' | 'warning' | 'error';
export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  /** Notices with the same key replace each other (e.g. one per rejected link field). */
  key?: string;
}

export type WorkerState = 'starting' | 'ready' | 'failed';

/** Weights and progress to continue from (a loaded file or link). */
export interface LoadOptions {
  weights?: { weights: number[][][]; biases: number[][] };
  epoch?: number;
  history?: HistoryPoint[];
  /** With the weights: shuffle RNG, data order and optimizer moments, to continue exactly. */
  trainer?: TrainerState;
}

export interface Actions {
  setConfig(patch: Partial<ExperimentConfig>): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** One epoch (or `epochs`), then paused. */
  step(epochs?: number): void;
  reset(): void;
  regenerate(): void;
  setWeight(layer: number, to: number, from: number, value: number): void;
  setSpeed(speed: Speed): void;
  loadExperiment(config: ExperimentConfig, options?: LoadOptions): void;
  addNotice(text: string, kind?: NoticeKind, key?: string): number;
  dismissNotice(id: number): void;
}

export interface PlaygroundState extends Actions {
  config: ExperimentConfig;
  /** The current run; events of any other run are dropped. */
  runId: RunId;
  run: RunState;
  history: HistoryPoint[];
  /** Latest snapshot of the current run: read it with getState()/subscribe for canvases. */
  snapshot: Snapshot | null;
  /** Static facts of the current run (layout, data points, input-feature grids). */
  runInfo: RunInfo | null;
  notices: Notice[];
  worker: WorkerState;
}

/**
 * While running, the chart's history (a copy of up to MAX_HISTORY points, and one chart render of
 * about a millisecond) is republished 10 times a second, not per frame: smooth enough for a line
 * that grows, and it keeps React out of most frames. Always republished on pause/step/divergence.
 */
export const HISTORY_PUBLISH_MS = 100;
export const GRID_RESOLUTION = 50;
const MAX_NOTICES = 20;

const IDLE_RUN: RunState = {
  status: 'idle',
  epoch: 0,
  trainLoss: null,
  testLoss: null,
  trainAccuracy: null,
  testAccuracy: null,
  message: null,
  epochsPerSecond: 0,
};

// ---- the worker link (set by the bridge) ----
type Sender = (command: Command) => void;
let sender: Sender | null = null;
const historyBuffer = new HistoryBuffer();
let lastPublish = -Infinity;
let nextNoticeId = 1;
let nextRunId = 1;
/** Export requests waiting for the worker's answer, by request id. */
const pendingExports = new Map<number, (r: RunExport | null) => void>();
let nextRequestId = 1;
/** The weights the current run started from (a loaded file), to start it again in a fresh worker. */
let currentRestore: RestoreState | undefined;

function send(command: Command): void {
  sender?.(command);
}

const now = () => performance.now();

interface StartOptions {
  play?: boolean;
  restore?: RestoreState | undefined;
  history?: HistoryPoint[] | undefined;
}

/** A new run of `config` in the worker; history and snapshot start afresh unless given. */
function startRun(config: ExperimentConfig, opts: StartOptions = {}): void {
  const runId = nextRunId++;
  for (const resolve of pendingExports.values()) resolve(null);
  pendingExports.clear();
  historyBuffer.clear();
  for (const p of opts.history ?? []) historyBuffer.add(p.epoch, p);
  lastPublish = -Infinity;
  store.setState({
    runId,
    run: { ...IDLE_RUN, epoch: opts.restore?.epoch ?? 0, status: opts.play ? 'running' : 'idle' },
    history: historyBuffer.toArray(),
    snapshot: null,
    runInfo: null,
  });
  currentRestore = opts.restore;
  const init: Command = { type: 'init', runId, config, gridResolution: GRID_RESOLUTION };
  if (opts.restore) init.restore = opts.restore;
  send(init);
  if (opts.play) send({ type: 'play', runId });
}

export const store = createStore<PlaygroundState>()((set, get) => {
  const setStatus = (status: RunStatusView) => set((s) => ({ run: { ...s.run, status } }));

  const actions: Actions = {
    setConfig(patch) {
      const prev = get().config;
      const next = coherentConfig({ ...prev, ...patch }, patch);
      const changed = (Object.keys(next) as (keyof ExperimentConfig)[]).filter((k) => !sameValue(prev[k], next[k]));
      if (changed.length === 0) return;
      set({ config: next });
      const { run, runId } = get();
      if (changed.some(isRebuildKey) || run.status === 'error') {
        startRun(next, { play: run.status === 'running' });
        return;
      }
      const live = changed.filter(isLiveKey);
      if (live.length > 0) {
        const hyperparameters: Partial<Hyperparameters> = {};
        for (const k of live) (hyperparameters as Record<string, unknown>)[k] = next[k];
        send({ type: 'setHyperparameters', runId, hyperparameters });
      }
      if (changed.includes('speed')) send({ type: 'setSpeed', runId, speed: next.speed });
    },
    play() {
      const { run, runId } = get();
      if (run.status === 'running' || run.status === 'diverged' || run.status === 'error') return;
      setStatus('running');
      send({ type: 'play', runId });
    },
    pause() {
      const { run, runId } = get();
      if (run.status !== 'running') return;
      setStatus('paused');
      send({ type: 'pause', runId });
    },
    togglePlay() {
      if (get().run.status === 'running') actions.pause();
      else actions.play();
    },
    step(epochs = 1) {
      const { run, runId } = get();
      if (run.status === 'diverged' || run.status === 'error') return;
      if (run.status === 'running') setStatus('paused');
      send({ type: 'step', runId, epochs });
    },
    reset() {
      startRun(get().config);
    },
    regenerate() {
      actions.setConfig({ dataSeed: (get().config.dataSeed + 1) >>> 0 });
    },
    setWeight(layer, to, from, value) {
      if (!Number.isFinite(value)) return;
      send({ type: 'setWeight', runId: get().runId, layer, to, from, value });
    },
    setSpeed(speed) {
      actions.setConfig({ speed });
    },
    loadExperiment(config, options = {}) {
      set({ config });
      const restore: RestoreState | undefined = options.weights
        ? { weights: options.weights.weights, biases: options.weights.biases, epoch: options.epoch ?? 0 }
        : undefined;
      if (restore && options.trainer) restore.trainer = options.trainer;
      startRun(config, { restore, history: options.history });
    },
    addNotice(text, kind = 'info', key) {
      const id = nextNoticeId++;
      const notice: Notice = key === undefined ? { id, kind, text } : { id, kind, text, key };
      set((s) => {
        const kept = key === undefined ? s.notices : s.notices.filter((n) => n.key !== key);
        return { notices: [...kept, notice].slice(-MAX_NOTICES) };
      });
      return id;
    },
    dismissNotice(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
  };

  return {
    config: DEFAULT_CONFIG,
    runId: 0,
    run: IDLE_RUN,
    history: [],
    snapshot: null,
    runInfo: null,
    notices: [],
    worker: 'starting',
    ...actions,
  };
});

/** The React hook: `useStore(s => s.config)`; also `useStore.getState()`, `useStore.subscribe(listener)`. */
function useBoundStore<T>(selector: (state: PlaygroundState) => T): T {
  return useZustandStore(store, selector);
}
export const useStore = Object.assign(useBoundStore, {
  getState: store.getState,
  setState: store.setState,
  subscribe: store.subscribe,
  getInitialState: store.getInitialState,
});

export const {
  setConfig,
  play,
  pause,
  togglePlay,
  step,
  reset,
  regenerate,
  setWeight,
  setSpeed,
  loadExperiment,
  addNotice,
  dismissNotice,
} = store.getState();

// ---- used by the bridge ----

/** Route commands to a worker; returns the function that disconnects it. */
export function connectWorker(send: Sender): () => void {
  sender = send;
  return () => {
    if (sender === send) sender = null;
  };
}

/**
 * (Re)start the current config in a (new) worker. With `resume`, continue from the latest
 * snapshot's weights and epoch, or else from the weights the run was loaded with, keeping the
 * history (a worker restart, or a file loaded before the worker was up); otherwise a fresh run.
 * With `play` the run plays at once (a worker that died mid-training is replaced).
 */
export function startCurrentRun(resume = false, play = false): void {
  const s = store.getState();
  if (resume && s.snapshot && s.runInfo && s.snapshot.status !== 'diverged') {
    const { weights, biases } = unpackParams(s.runInfo.layers, s.snapshot.params);
    startRun(s.config, { restore: { weights, biases, epoch: s.snapshot.epoch }, history: s.history, play });
    return;
  }
  if (resume && currentRestore && !s.snapshot) {
    startRun(s.config, { restore: currentRestore, history: s.history, play });
    return;
  }
  startRun(s.config, { play });
}

/** What a file export holds: the config, the current weights (null before the first snapshot), epoch and history. */
export interface ExperimentState {
  config: ExperimentConfig;
  weights: { weights: number[][][]; biases: number[][] } | null;
  epoch: number;
  history: HistoryPoint[];
  /** Present only from exportExperiment() (the worker's exact state). */
  trainer: TrainerState | null;
}

/** Weights and trainer state captured in the worker at one epoch. */
export interface RunExport {
  epoch: number;
  weights: { weights: number[][][]; biases: number[][] };
  trainer: TrainerState;
}

/** Ask the worker for its exact state; null when there is no worker, no run, or no answer in time. */
export function requestRunExport(timeoutMs = 3000): Promise<RunExport | null> {
  if (!sender || !store.getState().runInfo) return Promise.resolve(null);
  const requestId = nextRequestId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pendingExports.delete(requestId);
      resolve(null);
    }, timeoutMs);
    pendingExports.set(requestId, (r) => {
      clearTimeout(timer);
      pendingExports.delete(requestId);
      resolve(r);
    });
    send({ type: 'requestExport', runId: store.getState().runId, requestId });
  });
}

/**
 * The experiment for a file: like currentExperiment(), with weights, epoch and trainer state
 * captured together in the worker, so the file continues exactly (trainer null when it could not be had).
 */
export async function exportExperiment(): Promise<ExperimentState> {
  const base = currentExperiment();
  const captured = await requestRunExport();
  if (!captured) return base;
  return { ...base, weights: captured.weights, epoch: captured.epoch, trainer: captured.trainer };
}

/** The experiment as it stands now, for export (history up to the latest snapshot, not only the last published). */
export function currentExperiment(): ExperimentState {
  const s = store.getState();
  const weights = s.snapshot && s.runInfo ? unpackParams(s.runInfo.layers, s.snapshot.params) : null;
  return {
    config: s.config,
    weights,
    epoch: s.snapshot?.epoch ?? s.run.epoch,
    history: historyBuffer.toArray(),
    trainer: null,
  };
}

export function setWorkerState(worker: WorkerState): void {
  store.setState({ worker });
}

/** Every worker event enters here. Events of another run are dropped. */
export function receiveEvent(event: WorkerEvent): void {
  const s = store.getState();
  const id = eventRunId(event);
  if (id !== undefined && id !== s.runId) return;
  switch (event.type) {
    case 'hello':
      if (event.protocol === PROTOCOL_VERSION) setWorkerState('ready');
      else {
        setWorkerState('failed');
        s.addNotice(
          `The training worker speaks protocol ${event.protocol}, this page ${PROTOCOL_VERSION}: reload the page.`,
          'error',
          'worker',
        );
      }
      return;
    case 'runInfo':
      store.setState({ runInfo: event.info });
      return;
    case 'snapshot': {
      const snap = event.snapshot;
      historyBuffer.addChunk(snap.history);
      const t = now();
      const publish = snap.status !== 'running' || t - lastPublish >= HISTORY_PUBLISH_MS;
      if (publish) lastPublish = t;
      store.setState((st) => ({
        snapshot: snap,
        run: {
          ...st.run,
          epoch: snap.epoch,
          trainLoss: snap.trainLoss,
          testLoss: snap.testLoss,
          trainAccuracy: snap.trainAccuracy,
          testAccuracy: snap.testAccuracy,
          epochsPerSecond: snap.epochsPerSecond,
        },
        ...(publish ? { history: historyBuffer.toArray() } : {}),
      }));
      return;
    }
    case 'status': {
      const message = event.message ?? null;
      store.setState((st) => ({
        run: {
          ...st.run,
          status: event.status,
          epoch: event.epoch,
          message: event.status === 'diverged' ? message : null,
        },
      }));
      if (event.status === 'diverged' && message) s.addNotice(message, 'warning', 'diverged');
      return;
    }
    case 'export': {
      const resolve = pendingExports.get(event.requestId);
      if (!resolve) return;
      resolve(
        s.runInfo
          ? { epoch: event.epoch, weights: unpackParams(s.runInfo.layers, event.params), trainer: event.trainer }
          : null,
      );
      return;
    }
    case 'notice':
      s.addNotice(event.message, 'info', 'worker-notice');
      return;
    case 'error':
      store.setState((st) => ({ run: { ...st.run, status: 'error', message: event.message } }));
      s.addNotice(event.message, 'error', 'worker-error');
      return;
  }
}

/** Back to the first visit's state (tests). Disconnects nothing. */
export function resetStoreForTests(config: ExperimentConfig = DEFAULT_CONFIG): void {
  historyBuffer.clear();
  currentRestore = undefined;
  lastPublish = -Infinity;
  store.setState({
    config,
    runId: 0,
    run: IDLE_RUN,
    history: [],
    snapshot: null,
    runInfo: null,
    notices: [],
    worker: 'starting',
  });
}
