/**
 * Keeps the run history (src/persist/runHistory.ts) and its list for the History view. Loaded
 * after the page starts (src/ui/history/historyView.ts), so the main bundle does not carry it.
 *
 * When a run is saved: when it stops training (pause, divergence), after a step, when it is
 * replaced by another run (Reset, a new setting that rebuilds, a loaded experiment), and when the
 * page is hidden or left; only once it has trained MIN_EPOCHS epochs. A run keeps one record while
 * it goes on: a new run that continues it (Continue from here, a restarted worker: it starts with
 * the old history and the same settings) saves over the same record.
 */
import { useStore as useZustandStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import * as persist from '../persist/runHistory.ts';
import type { RunPicture, RunRecord } from '../persist/runHistory.ts';
import { outputFor, type ExperimentConfig } from '../share/config.ts';
import {
  experimentJson,
  FILE_FORMAT,
  FILE_VERSION,
  readExperiment,
  type Experiment,
  type HistoryPoint,
} from '../share/file.ts';
import { thin } from '../viz/lineChart.ts';
import { unpackParams, type RunInfo, type Snapshot } from '../worker/protocol.ts';
import { VIEW_KEYS } from './configRules.ts';
import { restoreExperiment } from './exports.ts';
import { HistoryBuffer } from './history.ts';
import { historyBuffer } from './run.ts';
import { addNotice, loadExperiment, store, type PlaygroundState } from './store.ts';

export interface RunHistoryState {
  records: RunRecord[];
}

export const runHistoryStore = createStore<RunHistoryState>()(() => ({ records: [] }));

export function useRunHistory<T>(selector: (s: RunHistoryState) => T): T {
  return useZustandStore(runHistoryStore, selector);
}

export async function refreshRunHistory(): Promise<void> {
  runHistoryStore.setState({ records: await persist.listRuns() });
}

export async function renameRecord(id: string, name: string): Promise<void> {
  await persist.renameRun(id, name);
  await refreshRunHistory();
}

export async function deleteRecord(id: string): Promise<void> {
  await persist.deleteRun(id);
  await refreshRunHistory();
}

export async function clearRecords(): Promise<void> {
  await persist.clearRuns();
  await refreshRunHistory();
}

/** The output grid sampled at PICTURE_SIZE² (nearest cells). */
export function pictureOf(info: RunInfo, snap: Snapshot, config: ExperimentConfig): RunPicture | null {
  const r = info.gridResolution;
  const k = info.sizes.at(-1) ?? 1;
  const n = persist.PICTURE_SIZE;
  if (snap.outputGrid.length !== r * r * k || r < 2) return null;
  const values: number[] = [];
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) {
      const src = Math.round((row * (r - 1)) / (n - 1)) * r + Math.round((col * (r - 1)) / (n - 1));
      for (let c = 0; c < k; c++) values.push(Math.round(snap.outputGrid[src * k + c]! * 1000) / 1000);
    }
  const activation = outputFor(info.problem, config.loss, config.output).activation;
  return { size: n, k, problem: info.problem, activation, values };
}

/**
 * The chart's published points (no weights: HistoryBuffer.toArray()) with the epochs each holds,
 * for a run that has been replaced (the buffer already holds the next one): complete points are
 * one bucket each (their spacing), the last holds the epochs from after the one before to `last`.
 */
export function weightedPoints(points: readonly HistoryPoint[], last: number): HistoryPoint[] {
  const bucket = points.length > 2 ? Math.max(1, Math.round(points[1]!.epoch - points[0]!.epoch)) : 1;
  return points.map((p, i) => {
    const n = i < points.length - 1 ? bucket : Math.max(1, Math.round(2 * (last - p.epoch) + 1));
    return n === 1 ? { ...p } : { ...p, n };
  });
}

/** Saved points (HistoryBuffer.save()) merged down to at most `max`, keeping their weights. */
export function downsampled(points: readonly HistoryPoint[], max: number): HistoryPoint[] {
  const b = new HistoryBuffer(max);
  b.load(points);
  return b.save();
}

/**
 * The run itself for its record (RunRecord.run): the latest snapshot's weights and trainer state
 * (they match, protocol.ts Snapshot) and the history at ≤ CURVE_POINTS points, as an experiment
 * file's JSON without the config. Null before the first snapshot and for a diverged run.
 */
function storedRun(s: PlaygroundState): Record<string, unknown> | null {
  const snap = s.snapshot;
  if (!snap || !s.runInfo || snap.status === 'diverged' || snap.runId !== s.runInfo.runId) return null;
  const current = store.getState().runId === s.runId;
  const history = current ? historyBuffer.save() : weightedPoints(s.history, snap.epoch);
  const json = experimentJson({
    config: s.config,
    weights: unpackParams(s.runInfo.layers, snap.params),
    epoch: snap.epoch,
    history: downsampled(history, persist.CURVE_POINTS),
    trainer: snap.trainer,
  });
  delete json.config;
  return json;
}

/** The record's run as an experiment with its weights, through the file's gate; null when it kept only settings. */
export function recordedRun(r: RunRecord): Experiment | null {
  if (!r.run) return null;
  const read = readExperiment({ ...r.run, format: FILE_FORMAT, version: FILE_VERSION, config: r.config });
  return read.ok && read.experiment.weights ? read.experiment : null;
}

/** Said when a record kept before runs were stored with their weights opens its settings only. */
export const SETTINGS_ONLY =
  'This run was kept without its weights: its settings are open. Train again for the same curve.';

/**
 * "Reopen": the record's run as it was at its last epoch (weights, trainer state: training goes on
 * exactly; its curve on the chart), through the experiment file's gate. A record kept before runs
 * were stored with their weights opens its settings only, and says so.
 */
export function reopenRecord(r: RunRecord): 'run' | 'settings' {
  const run = recordedRun(r);
  if (run) {
    restoreExperiment(run);
    return 'run';
  }
  loadExperiment(r.config);
  addNotice(SETTINGS_ONLY, 'info', 'history-reopen');
  return 'settings';
}

/** The record of the run the state holds; null when it has trained fewer than MIN_EPOCHS epochs. */
export function recordOf(s: PlaygroundState, id: string, date: number): RunRecord | null {
  const epoch = s.snapshot?.epoch ?? s.run.epoch;
  if (!(epoch >= persist.MIN_EPOCHS)) return null;
  const points = thin(s.history, persist.CURVE_POINTS);
  return {
    id,
    name: null,
    date,
    config: s.config,
    epoch,
    final: {
      trainLoss: s.run.trainLoss,
      testLoss: s.run.testLoss,
      trainAccuracy: s.run.trainAccuracy,
      testAccuracy: s.run.testAccuracy,
    },
    curve: {
      epoch: points.map((p) => p.epoch),
      trainLoss: points.map((p) => p.trainLoss),
      testLoss: points.map((p) => p.testLoss),
    },
    picture: s.snapshot && s.runInfo ? pictureOf(s.runInfo, s.snapshot, s.config) : null,
    run: storedRun(s),
  };
}

/** Same settings, looks aside (theme, what is shown). */
function sameSettings(a: ExperimentConfig, b: ExperimentConfig): boolean {
  const views = new Set<string>(VIEW_KEYS);
  return (Object.keys(a) as (keyof ExperimentConfig)[]).every(
    (key) => views.has(key) || JSON.stringify(a[key]) === JSON.stringify(b[key]),
  );
}

const newId = () => `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Start recording; returns the function that stops (after a last save). */
export function startRunRecorder(): () => void {
  let id = newId();
  let recorded: ExperimentConfig = store.getState().config;
  let savedEpoch: number | undefined;
  /** The epoch the current run started from: a run is saved only once it has trained past it here. */
  let baseEpoch = 0;
  /**
   * A run that starts with a history (the experiment kept in this browser after a reload, a loaded
   * file) continues the record that ended there, if there is one with the same settings.
   */
  const adopt = (s: PlaygroundState) => {
    baseEpoch = s.run.epoch;
    if (s.history.length === 0) return;
    const runId = s.runId;
    void persist.listRuns().then((records) => {
      const same = records.find((r) => r.epoch === baseEpoch && sameSettings(r.config, s.config));
      if (same && store.getState().runId === runId) id = same.id;
    });
  };
  const save = (s: PlaygroundState) => {
    const record = recordOf(s, id, Date.now());
    if (!record || record.epoch <= baseEpoch) return;
    recorded = s.config;
    savedEpoch = record.epoch;
    void persist.saveRun(record).then((ok) => {
      if (ok) void refreshRunHistory();
    });
  };
  const off = store.subscribe((s, prev) => {
    if (s.runId !== prev.runId) {
      save(prev);
      // Continues the run saved just now (a branch, a restarted worker): the same record.
      const continues = s.history.length > 0 && savedEpoch !== undefined && sameSettings(recorded, s.config);
      recorded = s.config;
      if (continues) {
        baseEpoch = s.run.epoch;
        return;
      }
      id = newId();
      savedEpoch = undefined;
      adopt(s);
      return;
    }
    // Stopped training (pause, divergence), or a step finished (a snapshot while not running).
    const stepped = s.run.status !== 'running' && s.snapshot !== prev.snapshot && s.snapshot?.epoch !== savedEpoch;
    if ((prev.run.status === 'running' && s.run.status !== 'running') || stepped) save(s);
  });
  adopt(store.getState());
  const onHide = () => save(store.getState());
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHide();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
  }
  return () => {
    off();
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    }
    save(store.getState());
  };
}
