/**
 * The run's lifecycle outside React: the link to the worker (set by the bridge), the full loss
 * history (the store publishes a copy of it), and starting a run in the worker, fresh or
 * continuing from weights and trainer state (a loaded file, a restarted worker).
 */
import type { ExperimentConfig } from '../share/config.ts';
import type { HistoryPoint } from '../share/file.ts';
import type { Command, RestoreState } from '../worker/protocol.ts';
import { unpackParams } from '../worker/protocol.ts';
import { dropPendingExports } from './exports.ts';
import { HistoryBuffer } from './history.ts';
import { GRID_RESOLUTION, HIDDEN_GRID_RESOLUTION, IDLE_RUN, store, type WorkerState } from './store.ts';

type Sender = (command: Command) => void;
let sender: Sender | null = null;
/** Every epoch's losses, downsampled to a bounded size; `history` in the store is its published copy. */
export const historyBuffer = new HistoryBuffer();
let nextRunId = 1;
/** A fresh run id from the page's one counter (Compare's second run takes its ids here too). */
export function newRunId(): number {
  return nextRunId++;
}
/** The weights the current run started from (a loaded file), to start it again in a fresh worker. */
let currentRestore: RestoreState | undefined;

/** The weights, epoch and trainer state the current run started from (none for a fresh run). */
export function runStart(): RestoreState | undefined {
  return currentRestore;
}

export function send(command: Command): void {
  if (route?.(command)) return;
  sender?.(command);
}

/** Compare (src/state/compare.ts) routes commands to two workers; true: the route took it. */
let route: ((command: Command) => boolean) | null = null;
export function setCommandRoute(r: ((command: Command) => boolean) | null): void {
  route = r;
}
/** Straight to the page's first worker (the bridge's), past any route. */
export function sendToFirstWorker(command: Command): void {
  sender?.(command);
}

export function hasWorker(): boolean {
  return sender !== null;
}

/** Route commands to a worker; returns the function that disconnects it. */
export function connectWorker(to: Sender): () => void {
  sender = to;
  return () => {
    if (sender === to) sender = null;
  };
}

export function setWorkerState(worker: WorkerState): void {
  store.setState({ worker });
}

export interface StartOptions {
  play?: boolean;
  restore?: RestoreState | undefined;
  /** Points with their weights (HistoryBuffer.save(), a file's history). */
  history?: HistoryPoint[] | undefined;
  /** Branching from a checkpoint of the current run: the worker keeps the earlier checkpoints. */
  keepCheckpoints?: boolean;
}

/** A new run of `config` in the worker; history and snapshot start afresh unless given. */
export function startRun(config: ExperimentConfig, opts: StartOptions = {}): void {
  const runId = nextRunId++;
  dropPendingExports();
  historyBuffer.load(opts.history ?? []);
  resetPublishClock();
  store.setState({
    runId,
    run: { ...IDLE_RUN, epoch: opts.restore?.epoch ?? 0, status: opts.play ? 'running' : 'idle' },
    history: historyBuffer.toArray(),
    snapshot: null,
    runInfo: null,
  });
  currentRestore = opts.restore;
  const init: Command = {
    type: 'init',
    runId,
    config,
    gridResolution: GRID_RESOLUTION,
    hiddenGridResolution: HIDDEN_GRID_RESOLUTION,
  };
  if (opts.restore) init.restore = opts.restore;
  if (opts.keepCheckpoints) init.keepCheckpoints = true;
  send(init);
  if (opts.play) send({ type: 'play', runId });
}

/** What a (re)started run continued from, for the notice after a worker death. */
export type Resumed =
  /** The latest snapshot: its weights, epoch and trainer state, with the full history: exact. */
  | { from: 'snapshot'; epoch: number }
  /** No snapshot yet: the weights the run was loaded with (a file, the stored experiment). */
  | { from: 'loaded'; epoch: number; exact: boolean }
  /** From the start: nothing to continue from, or the run had diverged (its weights are not numbers). */
  | { from: 'start'; diverged: boolean };

/**
 * (Re)start the current config in a (new) worker. With `resume`, continue from the latest
 * snapshot's weights, epoch and trainer state (so the run goes on exactly as it would have), or
 * else from the weights the run was loaded with, keeping the whole history (historyBuffer, not
 * the published copy, which lags); otherwise a fresh run. With `play` the run plays at once (a
 * worker that died mid-training is replaced).
 */
export function startCurrentRun(resume = false, play = false): Resumed {
  const s = store.getState();
  const diverged = s.snapshot?.status === 'diverged';
  if (resume && s.snapshot && s.runInfo && !diverged) {
    const { weights, biases } = unpackParams(s.runInfo.layers, s.snapshot.params);
    const restore: RestoreState = { weights, biases, epoch: s.snapshot.epoch, trainer: s.snapshot.trainer };
    startRun(s.config, { restore, history: historyBuffer.save(), play });
    return { from: 'snapshot', epoch: restore.epoch };
  }
  if (resume && currentRestore && !s.snapshot) {
    const restore = currentRestore;
    startRun(s.config, { restore, history: historyBuffer.save(), play });
    return { from: 'loaded', epoch: restore.epoch, exact: restore.trainer !== undefined };
  }
  startRun(s.config, { play });
  return { from: 'start', diverged: resume && diverged };
}

// ---- publishing the history (HISTORY_PUBLISH_MS, see store.ts) ----
let lastPublish = -Infinity;

/** True when the history should be published now (always when `force`). */
export function publishDue(t: number, intervalMs: number, force: boolean): boolean {
  const due = force || t - lastPublish >= intervalMs;
  if (due) lastPublish = t;
  return due;
}

function resetPublishClock(): void {
  lastPublish = -Infinity;
}

/** Forget the run's module state (tests). */
export function resetRunForTests(): void {
  historyBuffer.clear();
  currentRestore = undefined;
  resetPublishClock();
}
