/**
 * The playground's state: the experiment config (what a link holds), the live run, a bounded
 * history and the latest snapshot. A framework-free zustand store with a thin React hook; every
 * action is a plain module-level function, so the worker bridge and tests call them without React.
 *
 * The run's lifecycle is in run.ts, export requests in exports.ts, the worker's events in events.ts.
 *
 * Canvases read `useStore.getState().snapshot` and `useStore.subscribe` (transient updates, no
 * React re-render per frame). The chart reads `history` (≤ MAX_HISTORY points, republished at most
 * every HISTORY_PUBLISH_MS while running).
 */
import { useStore as useZustandStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { DEFAULT_CONFIG, type ExperimentConfig, type Speed } from '../share/config.ts';
import type { HistoryPoint } from '../share/file.ts';
import type {
  Hyperparameters,
  RestoreState,
  RunId,
  RunInfo,
  RunStatus,
  Snapshot,
  TrainerState,
} from '../worker/protocol.ts';
import { coherentConfig, isLiveKey, isRebuildKey, sameValue } from './configRules.ts';
import { explainStopped } from './events.ts';
import { resetRunForTests, send, startRun } from './run.ts';

export { coherentConfig, isLiveKey, isRebuildKey, VIEW_KEYS } from './configRules.ts';
export { connectWorker, setWorkerState, startCurrentRun } from './run.ts';
export type { Resumed } from './run.ts';
export { currentExperiment, exportExperiment, heldExperiment, requestRunExport, restoreExperiment } from './exports.ts';
export type { ExperimentState, RunExport } from './exports.ts';
export { receiveEvent } from './events.ts';

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
  /** Buttons beside the text ("Reset", "Start fresh"); pressing one runs it and dismisses the notice. */
  actions?: NoticeAction[];
}

export interface NoticeAction {
  label: string;
  run: () => void;
}

export type WorkerState = 'starting' | 'ready' | 'failed';

/** Weights and progress to continue from (a loaded file or link). */
export interface LoadOptions {
  weights?: { weights: number[][][]; biases: number[][] };
  epoch?: number;
  /** With the points' weights when known (HistoryBuffer.save(), a file), so later epochs merge in correctly. */
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
  addNotice(text: string, kind?: NoticeKind, key?: string, actions?: NoticeAction[]): number;
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
/** The output heatmap's grid (R×R), and the node thumbnails' (S×S: they are drawn at about 40 px). */
export const GRID_RESOLUTION = 100;
export const HIDDEN_GRID_RESOLUTION = 50;
const MAX_NOTICES = 20;

export const IDLE_RUN: RunState = {
  status: 'idle',
  epoch: 0,
  trainLoss: null,
  testLoss: null,
  trainAccuracy: null,
  testAccuracy: null,
  message: null,
  epochsPerSecond: 0,
};

/** The state of a first visit (and of resetStoreForTests). */
function initialState(config: ExperimentConfig): Omit<PlaygroundState, keyof Actions> {
  return {
    config,
    runId: 0,
    run: IDLE_RUN,
    history: [],
    snapshot: null,
    runInfo: null,
    notices: [],
    worker: 'starting',
  };
}

let nextNoticeId = 1;

export const store = createStore<PlaygroundState>()((set, get) => {
  const setStatus = (status: RunStatusView) => set((s) => ({ run: { ...s.run, status } }));

  const actions: Actions = {
    setConfig(patch) {
      const prev = get().config;
      const next = coherentConfig({ ...prev, ...patch }, patch, prev);
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
      if (changed.some((k) => k === 'stopEpoch' || k === 'stopTestLoss'))
        send({ type: 'setStop', runId, stop: { stopEpoch: next.stopEpoch, stopTestLoss: next.stopTestLoss } });
    },
    play() {
      const { run, runId } = get();
      if (run.status === 'diverged') explainStopped();
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
      if (run.status === 'diverged') explainStopped();
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
    addNotice(text, kind = 'info', key, actions) {
      const id = nextNoticeId++;
      const notice: Notice = { id, kind, text };
      if (key !== undefined) notice.key = key;
      if (actions && actions.length > 0) notice.actions = actions;
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

  return { ...initialState(DEFAULT_CONFIG), ...actions };
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

/** Back to the first visit's state (tests). Disconnects nothing. */
export function resetStoreForTests(config: ExperimentConfig = DEFAULT_CONFIG): void {
  resetRunForTests();
  store.setState(initialState(config));
}
