/**
 * Export requests: the worker's exact state (weights, epoch, trainer state captured together),
 * asked for by id and answered by an 'export' event; the experiment as a file holds it, and back.
 */
import type { ExperimentConfig } from '../share/config.ts';
import type { Experiment, HistoryPoint } from '../share/file.ts';
import { unpackParams, type TrainerState, type WorkerEvent } from '../worker/protocol.ts';
import { hasWorker, historyBuffer, runStart, send } from './run.ts';
import { store } from './store.ts';

/** What a file export holds: the config, the current weights (null before the first snapshot), epoch and history. */
export interface ExperimentState {
  config: ExperimentConfig;
  weights: { weights: number[][][]; biases: number[][] } | null;
  epoch: number;
  /** Every point with its weights (HistoryBuffer.save()). */
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

/** Export requests waiting for the worker's answer, by request id. */
const pendingExports = new Map<number, (r: RunExport | null) => void>();
let nextRequestId = 1;

/** A new run: no answer will come for the old one's requests. */
export function dropPendingExports(): void {
  for (const resolve of pendingExports.values()) resolve(null);
  pendingExports.clear();
}

/** The worker's answer to a request (dropped when nobody waits for it). */
export function settleExport(event: WorkerEvent & { type: 'export' }): void {
  const resolve = pendingExports.get(event.requestId);
  if (!resolve) return;
  const { runInfo } = store.getState();
  resolve(
    runInfo
      ? { epoch: event.epoch, weights: unpackParams(runInfo.layers, event.params), trainer: event.trainer }
      : null,
  );
}

/** Ask the worker for its exact state; null when there is no worker, no run, or no answer in time. */
export function requestRunExport(timeoutMs = 3000): Promise<RunExport | null> {
  if (!hasWorker() || !store.getState().runInfo) return Promise.resolve(null);
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
    history: historyBuffer.save(),
    trainer: null,
  };
}

/**
 * The experiment as the page holds it now, without asking the worker: the latest snapshot's
 * weights and trainer state (they match, see protocol.ts Snapshot), or before the first snapshot
 * the state the run started from, with the whole history. A diverged run keeps only its config
 * (its weights are not numbers). For the browser's local store, a few times a minute.
 */
export function heldExperiment(): Experiment {
  const s = store.getState();
  const e: Experiment = { config: s.config, epoch: 0, history: [] };
  if (s.snapshot?.status === 'diverged') return e;
  if (s.snapshot && s.runInfo) {
    e.weights = unpackParams(s.runInfo.layers, s.snapshot.params);
    e.epoch = s.snapshot.epoch;
    e.trainer = s.snapshot.trainer;
  } else {
    const start = runStart();
    if (start) {
      e.weights = { weights: start.weights, biases: start.biases };
      e.epoch = start.epoch;
      if (start.trainer) e.trainer = start.trainer;
    }
  }
  e.history = historyBuffer.save();
  return e;
}

/** Continue an experiment (a file, the browser's local store): its weights, trainer state and history when it has them. */
export function restoreExperiment(e: Experiment): void {
  const { loadExperiment } = store.getState();
  if (!e.weights) {
    loadExperiment(e.config, { history: e.history });
    return;
  }
  loadExperiment(e.config, {
    weights: e.weights,
    epoch: e.epoch,
    history: e.history,
    ...(e.trainer ? { trainer: e.trainer } : {}),
  });
}
