/**
 * The training loop as plain code: no `self`, no timers of its own. The clock and the scheduler
 * are injected, so Node tests drive it deterministically and the worker drives it with
 * performance.now() and a zero-delay yield (src/worker/schedule.ts).
 *
 * TrainingRun is one run: network, trainer, status (idle | running | paused | diverged), loop,
 * snapshots. TrainerHost (host.ts) routes commands to it.
 *
 * Speeds: 'max' trains epoch after epoch for one display frame (FRAME_MS), sends one snapshot,
 * yields so commands get through, and goes on: never more than one snapshot per frame. A number is
 * epochs per second for teaching (1, 10, 100), paced against the clock; snapshots at most per frame.
 */
import { evaluationStride } from './protocol.ts';
import type { Hyperparameters, RestoreState, RunId, RunStatus, Snapshot, WorkerEvent } from './protocol.ts';
import { ACK_TIMEOUT_MS, runInfoTransferables, snapshotTransferables } from './protocol.ts';
import type { Cancel } from './schedule.ts';
import { HistoryRecorder } from './recorder.ts';
import { buildRun, DEFAULT_GRID_RESOLUTION, hyperparametersOf, type Built } from './build.ts';
import { paramIndex } from '../nn/network.ts';
import { predictGrid } from '../nn/grid.ts';
import { LIMITS } from '../nn/types.ts';
import type { ExperimentConfig, Speed } from '../share/config.ts';

export const FRAME_MS = 1000 / 60;
export const NO_DATA = 'There are no training points yet: draw some on the output, or pick a dataset.';
/** Streamed snapshots allowed in flight without an ack (flow control). */
export const MAX_IN_FLIGHT = 2;
/** While waiting for an ack, train in slices this long so the ack is seen soon after it arrives. */
export const ACK_SLICE_MS = 4;
/** Upper bound of epochs one `step` command trains synchronously. */
export const MAX_STEP_EPOCHS = 10_000;

export interface RunOptions {
  gridResolution?: number | undefined;
  restore?: RestoreState | undefined;
  /** Stream snapshots only as fast as the page acknowledges them (see protocol.ts init). */
  flowControl?: boolean | undefined;
}

export interface LoopEnv {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Run fn after delayMs (0: as soon as pending messages are handled). */
  schedule(fn: () => void, delayMs: number): Cancel;
  post(event: WorkerEvent, transfer: ArrayBuffer[]): void;
}

interface Evaluation {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
}

export class TrainingRun {
  readonly runId: RunId;
  readonly config: ExperimentConfig;
  readonly gridResolution: number;
  readonly flowControl: boolean;
  status: RunStatus = 'idle';
  speed: Speed;
  private readonly b: Built;
  private readonly env: LoopEnv;
  private readonly history = new HistoryRecorder();
  private readonly outputGrid: Float32Array;
  private readonly hiddenGrids: Float32Array;
  private readonly testOut: Float64Array;
  private cancel: Cancel | null = null;
  private seq = 0;
  private lastSnapshotAt = -Infinity;
  private epochsAtLastSnapshot = 0;
  private timeAtLastSnapshot = 0;
  private lastEval: Evaluation | null = null;
  /** Pacing for numeric speeds: epoch count and time when the current pace started. */
  private paceEpoch = 0;
  private paceTime = 0;
  private divergedMessage = '';
  /** seqs of streamed snapshots the page has not acknowledged yet. */
  private unacked: number[] = [];

  constructor(runId: RunId, config: ExperimentConfig, env: LoopEnv, options: RunOptions = {}) {
    this.runId = runId;
    this.config = { ...config, hidden: [...config.hidden], features: [...config.features] };
    this.gridResolution = clampResolution(options.gridResolution ?? DEFAULT_GRID_RESOLUTION);
    this.flowControl = options.flowControl ?? false;
    this.env = env;
    this.speed = config.speed;
    this.b = buildRun(runId, this.config, this.gridResolution, options.restore);
    const r2 = this.gridResolution * this.gridResolution;
    const outputs = this.b.info.sizes[this.b.info.sizes.length - 1]!;
    const hiddenUnits = this.config.hidden.reduce((a, n) => a + n, 0);
    this.outputGrid = new Float32Array(r2 * outputs);
    this.hiddenGrids = new Float32Array(r2 * hiddenUnits);
    this.testOut = new Float64Array(this.b.test.n * outputs);
    this.epochsAtLastSnapshot = this.epoch;
    this.timeAtLastSnapshot = env.now();
  }

  get epoch(): number {
    return this.b.trainer.epochCount;
  }

  /** Announce the run: its static info, then a first snapshot (with the starting loss as history point). */
  start(): void {
    const info = this.b.info;
    this.env.post({ type: 'runInfo', info }, runInfoTransferables(info));
    const e = this.evaluate();
    this.history.push(e.epoch, NaN, e.trainLoss, e.testLoss, e.trainAccuracy ?? NaN, e.testAccuracy ?? NaN);
    this.sendSnapshot();
  }

  play(): void {
    if (this.status === 'running') return;
    if (this.refuseToTrain()) return;
    this.setStatus('running');
    this.repace();
    this.lastSnapshotAt = this.env.now();
    this.scheduleTick(0);
  }

  pause(): void {
    if (this.status !== 'running') return;
    this.stopLoop();
    this.setStatus('paused');
    this.sendSnapshot();
  }

  step(epochs: number): void {
    if (this.refuseToTrain()) return;
    const n = Math.max(1, Math.min(MAX_STEP_EPOCHS, Math.floor(Number.isFinite(epochs) ? epochs : 1)));
    this.stopLoop();
    if (this.status !== 'paused') this.setStatus('paused');
    for (let i = 0; i < n; i++) if (!this.trainEpoch()) return;
    this.sendSnapshot();
  }

  setHyperparameters(h: Partial<Hyperparameters>): void {
    const clean: Partial<Hyperparameters> = {};
    const current = hyperparametersOf(this.config);
    for (const key of Object.keys(current) as (keyof Hyperparameters)[]) {
      if (h[key] !== undefined) (clean as Record<string, unknown>)[key] = h[key];
    }
    this.b.trainer.setOptions(clean);
    Object.assign(this.config, clean);
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.config.speed = speed;
    this.repace();
    if (this.status === 'running') {
      this.stopLoop();
      this.scheduleTick(0);
    }
  }

  setWeight(layer: number, to: number, from: number, value: number): void {
    const l = this.b.net.layers[layer];
    if (!l || !Number.isInteger(to) || to < 0 || to >= l.outSize || !Number.isFinite(value)) {
      throw new RangeError(
        `No weight at layer ${layer}, unit ${to}, input ${from}, or ${value} is not a finite number.`,
      );
    }
    let index: number;
    if (from === -1) index = l.bOffset + to;
    else if (Number.isInteger(from) && from >= 0 && from < l.inSize) index = paramIndex(this.b.net, layer, to, from);
    else throw new RangeError(`No weight at layer ${layer}, unit ${to}, input ${from}.`);
    this.b.net.params[index] = value;
    // Momentum or Adam moments would push the edited weight straight back: start them afresh.
    this.b.trainer.resetOptimizer();
    this.lastEval = null;
    this.sendSnapshot();
  }

  /**
   * A diverged run, or one without training points (a drawn dataset not drawn yet), does not
   * train: the status is repeated (so an optimistic "running" on the page is corrected) and, for
   * missing data, a notice says what to do.
   */
  private refuseToTrain(): boolean {
    if (this.status === 'diverged') {
      this.postStatus(this.divergedMessage);
      return true;
    }
    if (this.b.train.n === 0) {
      this.postStatus();
      this.env.post({ type: 'notice', runId: this.runId, message: NO_DATA }, []);
      return true;
    }
    return false;
  }

  /** The page has drawn snapshot `seq`: the next one may stream. */
  ack(seq: number): void {
    this.unacked = this.unacked.filter((s) => s > seq);
  }

  /** Two snapshots may be in flight, so a page that keeps up gets one per frame despite the ack's latency. */
  private waitingForAck(now: number): boolean {
    return this.flowControl && this.unacked.length >= MAX_IN_FLIGHT && now - this.lastSnapshotAt < ACK_TIMEOUT_MS;
  }

  requestSnapshot(): void {
    this.sendSnapshot();
  }

  /** Weights and trainer state at this epoch, for a file that continues exactly. */
  sendExport(requestId: number): void {
    const params = this.b.net.params.slice();
    this.env.post(
      {
        type: 'export',
        runId: this.runId,
        requestId,
        epoch: this.epoch,
        params,
        trainer: this.b.trainer.saveState(),
      },
      [params.buffer],
    );
  }

  /** Stop for good (the run is replaced). */
  dispose(): void {
    this.stopLoop();
  }

  private setStatus(status: RunStatus, message?: string): void {
    this.status = status;
    this.postStatus(message);
  }

  private postStatus(message?: string): void {
    const event: WorkerEvent = { type: 'status', runId: this.runId, status: this.status, epoch: this.epoch };
    if (message) event.message = message;
    this.env.post(event, []);
  }

  private repace(): void {
    this.paceEpoch = this.epoch;
    this.paceTime = this.env.now();
  }

  private stopLoop(): void {
    if (this.cancel) {
      this.cancel();
      this.cancel = null;
    }
  }

  private scheduleTick(delay: number): void {
    this.cancel = this.env.schedule(() => {
      this.cancel = null;
      try {
        this.tick();
      } catch (err) {
        // Outside any command's handler: stop this run and say why, rather than kill the worker.
        this.stopLoop();
        this.status = 'paused';
        const message = err instanceof Error ? err.message : String(err);
        this.env.post({ type: 'error', runId: this.runId, message: `Training stopped: ${message}` }, []);
      }
    }, delay);
  }

  private tick(): void {
    if (this.status !== 'running') return;
    const env = this.env;
    if (this.speed === 'max') {
      // Train for what is left of this frame (a whole frame while the page has not caught up),
      // then one snapshot, then yield to messages.
      const sliceStart = env.now();
      let now: number;
      do {
        if (!this.trainEpoch()) return;
        now = env.now();
      } while (now - this.lastSnapshotAt < FRAME_MS || (this.waitingForAck(now) && now - sliceStart < ACK_SLICE_MS));
      if (!this.waitingForAck(now)) this.sendSnapshot(true);
      this.scheduleTick(0);
      return;
    }
    const speed = this.speed;
    let due = this.paceEpoch + Math.floor(((env.now() - this.paceTime) * speed) / 1000);
    // More than a second behind (a slow machine, a hidden tab): start pacing afresh, no burst.
    if (due - this.epoch > speed) {
      this.paceEpoch = this.epoch;
      this.paceTime = env.now() - 1000 / speed;
      due = this.epoch + 1;
    }
    while (this.epoch < due) if (!this.trainEpoch()) return;
    const now = env.now();
    const nextEpochAt = this.paceTime + ((this.epoch + 1 - this.paceEpoch) * 1000) / speed;
    let delay = Math.max(0, nextEpochAt - now);
    if (this.history.length > 0) {
      const frameLeft = this.lastSnapshotAt + FRAME_MS - now;
      if (frameLeft > 0) delay = Math.min(delay, frameLeft);
      else if (this.waitingForAck(now)) delay = Math.min(delay, FRAME_MS);
      else this.sendSnapshot(true);
    }
    this.scheduleTick(delay);
  }

  /** One epoch, recorded; false (and the run diverged) when the loss or a weight is not finite. */
  private trainEpoch(): boolean {
    const b = this.b;
    const r = b.trainer.epoch();
    const epoch = this.epoch;
    let e: Evaluation | null = null;
    const finiteLoss = r.finite && Number.isFinite(r.loss);
    if (finiteLoss && epoch % evaluationStride(epoch) === 0) e = this.evaluate();
    this.history.push(
      epoch,
      r.loss,
      e ? e.trainLoss : NaN,
      e ? e.testLoss : NaN,
      e?.trainAccuracy ?? NaN,
      e?.testAccuracy ?? NaN,
    );
    if (finiteLoss) return true;
    // The engine's `finite` covers every minibatch loss and every parameter.
    if (!Number.isFinite(r.loss)) this.diverge(`The loss became ${String(r.loss)} at epoch ${epoch}.`);
    else this.diverge(`A weight became ${nonFiniteParam(b.net.params)} at epoch ${epoch}.`);
    return false;
  }

  private diverge(what: string): void {
    this.stopLoop();
    this.divergedMessage = `${what} Training stopped: the learning rate (${this.config.learningRate}) is probably too high. Lower it, then press Reset.`;
    this.status = 'diverged';
    this.sendSnapshot();
    this.postStatus(this.divergedMessage);
  }

  private evaluate(): Evaluation {
    const epoch = this.epoch;
    if (this.lastEval && this.lastEval.epoch === epoch) return this.lastEval;
    const { trainer, train, test } = this.b;
    const tr = trainer.evaluate(train);
    const te = test.n > 0 ? trainer.evaluate(test) : { loss: NaN, accuracy: null };
    this.lastEval = {
      epoch,
      trainLoss: tr.loss,
      testLoss: te.loss,
      trainAccuracy: tr.accuracy,
      testAccuracy: te.accuracy,
    };
    return this.lastEval;
  }

  /** K·K test-set counts (row true class, column predicted); null for regression. */
  private confusion(): Int32Array | null {
    const b = this.b;
    if (b.problem === 'regression') return null;
    const k = b.classes;
    const m = new Int32Array(k * k);
    const n = b.test.n;
    if (n === 0) return m;
    const out = this.testOut;
    b.trainer.predict(b.test.x, n, out);
    const labels = b.testSet.labels;
    if (b.problem === 'multiclass') {
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let c = 1; c < k; c++) if (out[i * k + c]! > out[i * k + best]!) best = c;
        m[labels[i]! * k + best]! += 1;
      }
    } else {
      const threshold = b.outputActivation === 'tanh' ? 0 : 0.5;
      for (let i = 0; i < n; i++) m[labels[i]! * 2 + (out[i]! > threshold ? 1 : 0)]! += 1;
    }
    return m;
  }

  /** `streamed`: sent by the running loop (subject to flow control), not in answer to a command. */
  private sendSnapshot(streamed = false): void {
    const env = this.env;
    const now = env.now();
    const b = this.b;
    const e = this.evaluate();
    const grids = this.gridResolution;
    predictGrid(b.net, b.info.features, b.info.region, grids, this.outputGrid, this.hiddenGrids);
    const elapsed = now - this.timeAtLastSnapshot;
    const trained = this.epoch - this.epochsAtLastSnapshot;
    const snapshot: Snapshot = {
      runId: this.runId,
      seq: ++this.seq,
      status: this.status,
      epoch: this.epoch,
      trainLoss: e.trainLoss,
      testLoss: e.testLoss,
      trainAccuracy: e.trainAccuracy,
      testAccuracy: e.testAccuracy,
      history: this.history.take(),
      params: b.net.params.slice(),
      outputGrid: this.outputGrid.slice(),
      hiddenGrids: this.hiddenGrids.slice(),
      confusion: this.confusion(),
      epochsPerSecond: elapsed > 0 ? (trained * 1000) / elapsed : 0,
      trainer: b.trainer.saveState(),
    };
    this.lastSnapshotAt = now;
    if (streamed && this.flowControl) this.unacked.push(snapshot.seq);
    this.timeAtLastSnapshot = now;
    this.epochsAtLastSnapshot = this.epoch;
    env.post({ type: 'snapshot', snapshot }, snapshotTransferables(snapshot));
  }
}

function nonFiniteParam(p: Float64Array): string {
  for (let i = 0; i < p.length; i++) if (!Number.isFinite(p[i]!)) return String(p[i]);
  return 'non-finite';
}

function clampResolution(r: number): number {
  const { min, max } = LIMITS.gridResolution;
  return Number.isFinite(r) ? Math.min(max, Math.max(min, Math.round(r))) : DEFAULT_GRID_RESOLUTION;
}
