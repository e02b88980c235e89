/**
 * The run's lifecycle outside React: the link to the worker (set by the bridge), the full loss
 * history (the store publishes a copy of it), and starting a run in the worker, fresh or
 * continuing from weights and trainer state (a loaded file, a restarted worker).
 */
import type { ExperimentConfig } from '../share/config.ts';
import type { Command, RestoreState } from '../worker/protocol.ts';
import { unpackParams } from '../worker/protocol.ts';
import { dropPendingExports } from './exports.ts';
import { HistoryBuffer, type HistoryPoint } from './history.ts';
import { GRID_RESOLUTION, HIDDEN_GRID_RESOLUTION, IDLE_RUN, store, type WorkerState } from './store.ts';

type Sender = (command: Command) => void;
let sender: Sender | null = null;
/** Every epoch's losses, downsampled to a bounded size; `history` in the store is its published copy. */
export const historyBuffer = new HistoryBuffer();
let nextRunId = 1;
/** The weights the current run started from (a loaded file), to start it again in a fresh worker. */
let currentRestore: RestoreState | undefined;

export function send(command: Command): void {
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
  history?: HistoryPoint[] | undefined;
}

/** A new run of `config` in the worker; history and snapshot start afresh unless given. */
export function startRun(config: ExperimentConfig, opts: StartOptions = {}): void {
  const runId = nextRunId++;
  dropPendingExports();
  historyBuffer.clear();
  for (const p of opts.history ?? []) historyBuffer.add(p.epoch, p);
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
  send(init);
  if (opts.play) send({ type: 'play', runId });
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
