/**
 * The training loop as plain code: pacing and flow control of one run (play, pause, step, the
 * tick, acks), no `self`, no timers of its own. The clock and the scheduler are injected, so Node
 * tests drive it deterministically and the worker drives it with performance.now() and a
 * zero-delay yield (src/worker/schedule.ts). What a snapshot holds is snapshot.ts; the engine's
 * Trainer is src/nn/training.ts.
 *
 * TrainingRun is one run: network, trainer, status (idle | running | paused | diverged), loop,
 * snapshots. TrainerHost (host.ts) routes commands to it.
 *
 * Speeds: 'max' trains epoch after epoch for one display frame (FRAME_MS), sends one snapshot,
 * yields so commands get through, and goes on: never more than one snapshot per frame. A number is
 * epochs per second for teaching (1, 10, 100), paced against the clock; snapshots at most per frame.
 * A step trains like 'max' until its target epoch: a ping or a pause gets through between slices.
 */
import { evaluationStride } from './protocol.ts';
import type { Divergence, Hyperparameters, RestoreState, RunId, RunStatus, WorkerEvent } from './protocol.ts';
import { ACK_TIMEOUT_MS, runInfoTransferables, snapshotTransferables } from './protocol.ts';
import type { Cancel } from './schedule.ts';
import { HistoryRecorder } from './recorder.ts';
import { buildRun, gridSizes, pickHyperparameters, weightIndex, type Built } from './build.ts';
import { diagnoseDivergence, nonFiniteParam } from './diagnose.ts';
import { SnapshotMaker } from './snapshot.ts';
import { GradFlowRecorder } from './hood.ts';
import { StopRule, type StopConditions, type StopReason } from './stopRule.ts';
import { CheckpointKeeper, type Checkpoint } from './checkpoints.ts';
import type { ExperimentConfig, Speed } from '../share/config.ts';
import { createTrace } from '../nn/trace.ts';
import type { EpochResult } from '../nn/training.ts';

export const FRAME_MS = 1000 / 60;
export const NO_DATA = 'There are no training points yet: draw some on the output, or pick a dataset.';
/** Streamed snapshots allowed in flight without an ack (flow control); also the most the worker remembers. */
export const MAX_IN_FLIGHT = 2;
/** While waiting for an ack, train in slices this long so the ack is seen soon after it arrives. */
export const ACK_SLICE_MS = 4;
/** Upper bound of epochs one `step` command trains. */
export const MAX_STEP_EPOCHS = 10_000;
/** Batch losses kept for the divergence diagnosis. */
const RECENT_LOSSES = 20;

export interface RunOptions {
  gridResolution?: number | undefined;
  hiddenGridResolution?: number | undefined;
  restore?: RestoreState | undefined;
  /** Stream snapshots only as fast as the page acknowledges them (see protocol.ts init). */
  flowControl?: boolean | undefined;
  /** Checkpoints carried over from the run this one branches from (up to its restore epoch). */
  checkpoints?: readonly Checkpoint[] | undefined;
}

export interface LoopEnv {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Run fn after delayMs (0: as soon as pending messages are handled). */
  schedule(fn: () => void, delayMs: number): Cancel;
  post(event: WorkerEvent, transfer: ArrayBuffer[]): void;
}

export class TrainingRun {
  readonly runId: RunId;
  readonly config: ExperimentConfig;
  readonly flowControl: boolean;
  status: RunStatus = 'idle';
  speed: Speed;
  private readonly b: Built;
  /** The replay timeline's checkpoints (checkpoints.ts). */
  readonly keeper: CheckpointKeeper;
  private readonly env: LoopEnv;
  private readonly history = new HistoryRecorder();
  private readonly gradFlow = new GradFlowRecorder();
  private readonly view: SnapshotMaker;
  /** Started from given weights at epoch N: the page already has the history up to N. */
  private readonly restored: boolean;
  private cancel: Cancel | null = null;
  private seq = 0;
  private lastSnapshotAt = -Infinity;
  private epochsAtLastSnapshot = 0;
  private timeAtLastSnapshot = 0;
  /** Pacing for numeric speeds: epoch count and time when the current pace started. */
  private paceEpoch = 0;
  private paceTime = 0;
  /** The epoch a step command trains to; null when not stepping. */
  private stepTarget: number | null = null;
  /** Why the run diverged: repeated when play or step is refused. */
  private diverged: { message: string; divergence: Divergence } | null = null;
  /** The last batch losses (finite ones), oldest first, and the last weight set by hand: divergence clues. */
  private recentLosses: number[] = [];
  private handSet: { value: number; epoch: number } | null = null;
  /** seqs of streamed snapshots the page has not acknowledged yet, the newest MAX_IN_FLIGHT at most. */
  private unacked: number[] = [];
  /** Stop at epoch N / when the test loss falls below x (the config's stop conditions). */
  private readonly stops: StopRule;
  /** Lockstep: the epoch a running run waits at (protocol.ts setLimit), and whether it pauses there. */
  private limit = Infinity;
  private pauseAtLimit = false;

  constructor(runId: RunId, config: ExperimentConfig, env: LoopEnv, options: RunOptions = {}) {
    this.runId = runId;
    this.config = { ...config, hidden: [...config.hidden], features: [...config.features] };
    this.flowControl = options.flowControl ?? false;
    this.env = env;
    this.speed = config.speed;
    this.stops = new StopRule(config);
    const grids = gridSizes(options.gridResolution, options.hiddenGridResolution);
    this.b = buildRun(runId, this.config, grids, options.restore);
    this.view = new SnapshotMaker(this.b, grids, env.now);
    this.keeper = new CheckpointKeeper(this.b, grids, (e, t) => env.post(e, t), options.checkpoints);
    this.restored = options.restore !== undefined;
    this.epochsAtLastSnapshot = this.epoch;
    this.timeAtLastSnapshot = env.now();
  }

  /** The engine objects (the learning-rate finder and the hood's commands read them). */
  get built(): Built {
    return this.b;
  }

  get epoch(): number {
    return this.b.trainer.epochCount;
  }

  /** Snapshots streamed and not acknowledged yet (flow control). */
  get unackedCount(): number {
    return this.unacked.length;
  }

  /**
   * Announce the run: its static info, then a first snapshot. A fresh run's first snapshot carries
   * the starting loss as a history point; a restored one's none (the page has epoch N already).
   */
  start(): void {
    const info = this.b.info;
    this.env.post({ type: 'runInfo', info }, runInfoTransferables(info));
    if (!this.restored) {
      const e = this.view.evaluate();
      this.history.push(e.epoch, NaN, e.trainLoss, e.testLoss, e.trainAccuracy ?? NaN, e.testAccuracy ?? NaN);
      this.stops.observe(e.testLoss);
    }
    this.keeper.afterEpoch();
    this.sendSnapshot();
  }

  play(): void {
    if (this.status === 'running') {
      this.stepTarget = null; // Play during a long step: go on playing
      return;
    }
    if (this.refuseToTrain()) return;
    this.setStatus('running');
    this.repace();
    this.lastSnapshotAt = this.env.now();
    this.scheduleTick(0);
  }

  pause(): void {
    if (this.status !== 'running') return;
    this.stopLoop();
    this.stepTarget = null;
    this.setStatus('paused');
    this.sendSnapshot();
  }

  /** Train `epochs` epochs in slices (see the protocol's 'step'); the first slice runs now. */
  step(epochs: number): void {
    if (this.refuseToTrain()) return;
    const n = Math.max(1, Math.min(MAX_STEP_EPOCHS, Math.floor(Number.isFinite(epochs) ? epochs : 1)));
    this.stopLoop();
    // The page shows a step as paused (it says so itself): a step that outlasts its first slice says 'running' again.
    if (this.status === 'running') this.status = 'paused';
    this.stepTarget = this.epoch + n;
    this.lastSnapshotAt = this.env.now();
    this.fullSpeedSlice();
  }

  setHyperparameters(h: Partial<Hyperparameters>): void {
    const clean = pickHyperparameters(h);
    const newOptimizer = clean.optimizer !== undefined && clean.optimizer !== this.config.optimizer;
    this.b.trainer.setOptions(clean);
    Object.assign(this.config, clean);
    // A new optimizer starts with fresh moments: while not training, send the trainer state that
    // goes with it, so a restart (a worker death, a reload) continues from what the worker holds.
    if (newOptimizer && this.status !== 'running') this.sendSnapshot();
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

  setStop(stop: StopConditions): void {
    this.stops.set(stop);
    this.config.stopEpoch = stop.stopEpoch;
    this.config.stopTestLoss = stop.stopTestLoss;
  }

  setWeight(layer: number, to: number, from: number, value: number): void {
    const index = weightIndex(this.b.net, layer, to, from, value);
    this.b.net.params[index] = value;
    // Its momentum or Adam moments would push the edited weight straight back: forget them (its own only).
    this.b.trainer.resetParamMoments(index);
    this.handSet = { value, epoch: this.epoch };
    this.view.invalidate();
    this.sendSnapshot();
  }

  /**
   * A diverged run, or one without training points (a drawn dataset not drawn yet), does not
   * train: the status is repeated (so an optimistic "running" on the page is corrected) and, for
   * missing data, a notice says what to do.
   */
  private refuseToTrain(): boolean {
    if (this.status === 'diverged') {
      this.postStatus(this.diverged?.message, this.diverged?.divergence);
      return true;
    }
    if (this.b.train.n === 0) {
      this.postStatus();
      this.env.post({ type: 'notice', runId: this.runId, message: NO_DATA }, []);
      return true;
    }
    return false;
  }

  /** Lockstep's barrier (protocol.ts setLimit): a run waiting at the old limit goes on, or pauses. */
  setLimit(epoch: number | null, pause: boolean): void {
    this.limit = epoch === null || !Number.isFinite(epoch) ? Infinity : Math.max(0, Math.floor(epoch));
    this.pauseAtLimit = pause;
    // Waiting at the limit means running with no tick scheduled (atLimit).
    if (this.status !== 'running' || this.cancel !== null || this.stepTarget !== null) return;
    if (this.epoch >= this.limit) {
      if (pause) this.pause();
      return;
    }
    this.repace();
    this.scheduleTick(0);
  }

  /**
   * At the lockstep limit: pause there, or send what was trained and wait (no tick scheduled)
   * until setLimit raises it. A step ignores the limit.
   */
  private atLimit(): boolean {
    if (this.stepTarget !== null || this.epoch < this.limit) return false;
    if (this.pauseAtLimit) this.pause();
    else if (this.history.length > 0) this.sendSnapshot(true);
    return true;
  }

  /** The page has drawn snapshot `seq`: the next one may stream. */
  ack(seq: number): void {
    this.unacked = this.unacked.filter((s) => s > seq);
  }

  /** Two snapshots may be in flight, so a page that keeps up gets one per frame despite the ack's latency. */
  private waitingForAck(now: number): boolean {
    return this.flowControl && this.unacked.length >= MAX_IN_FLIGHT && now - this.lastSnapshotAt < ACK_TIMEOUT_MS;
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

  private setStatus(status: RunStatus): void {
    this.status = status;
    this.postStatus();
  }

  private postStatus(message?: string, divergence?: Divergence): void {
    const event: WorkerEvent = { type: 'status', runId: this.runId, status: this.status, epoch: this.epoch };
    if (message) event.message = message;
    if (divergence) event.divergence = divergence;
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
        this.stepTarget = null;
        this.status = 'paused';
        const message = err instanceof Error ? err.message : String(err);
        this.env.post({ type: 'error', runId: this.runId, message: `Training stopped: ${message}` }, []);
      }
    }, delay);
  }

  private tick(): void {
    if (this.status !== 'running') return;
    if (this.speed === 'max' || this.stepTarget !== null) {
      this.fullSpeedSlice();
      return;
    }
    const env = this.env;
    const speed = this.speed;
    let due = this.paceEpoch + Math.floor(((env.now() - this.paceTime) * speed) / 1000);
    // More than a second behind (a slow machine, a hidden tab): start pacing afresh, no burst.
    if (due - this.epoch > speed) {
      this.paceEpoch = this.epoch;
      this.paceTime = env.now() - 1000 / speed;
      due = this.epoch + 1;
    }
    while (this.epoch < due) {
      if (this.atLimit()) return;
      if (!this.trainEpoch()) return;
    }
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

  /**
   * Train for what is left of this frame (a whole frame while the page has not caught up), or up to
   * the step's target, then one snapshot, then yield to messages. A step still short of its target
   * after its first slice reports 'running', so the page offers Pause.
   */
  private fullSpeedSlice(): void {
    const env = this.env;
    const sliceStart = env.now();
    let now: number;
    do {
      if (this.stepTarget !== null && this.epoch >= this.stepTarget) {
        this.finishStep();
        return;
      }
      if (this.atLimit()) return;
      if (!this.trainEpoch()) return;
      now = env.now();
    } while (now - this.lastSnapshotAt < FRAME_MS || (this.waitingForAck(now) && now - sliceStart < ACK_SLICE_MS));
    if (this.stepTarget !== null && this.epoch >= this.stepTarget) {
      this.finishStep();
      return;
    }
    if (this.status !== 'running') this.setStatus('running');
    if (!this.waitingForAck(now)) this.sendSnapshot(true);
    this.scheduleTick(0);
  }

  private finishStep(): void {
    this.stepTarget = null;
    if (this.status !== 'paused') this.setStatus('paused');
    this.sendSnapshot();
  }

  /**
   * One minibatch (the protocol's 'batchStep'), then paused with a snapshot; with `explain`, the
   * engine's trace of it goes first. An epoch it completes is recorded as trainEpoch records it.
   */
  batchStep(explain: boolean, requestId: number): void {
    if (this.refuseToTrain()) return;
    this.stopLoop();
    this.stepTarget = null;
    const trainer = this.b.trainer;
    const trace = explain ? createTrace(this.b.net, Math.min(trainer.options.batchSize, this.b.train.n)) : null;
    const r = trainer.batchStep(trace);
    this.view.invalidate();
    if (trace) this.env.post({ type: 'trace', runId: this.runId, requestId, trace }, []);
    if (r.epochDone && !this.recordEpoch(r.epochDone)) return;
    if (this.status !== 'paused') this.setStatus('paused');
    this.sendSnapshot();
  }

  /** One epoch, recorded; false when the run diverged (a loss or weight not finite) or a stop condition paused it. */
  private trainEpoch(): boolean {
    return this.recordEpoch(this.b.trainer.epoch());
  }

  private recordEpoch(r: EpochResult): boolean {
    const b = this.b;
    const epoch = this.epoch;
    this.gradFlow.record(epoch, b.net, b.trainer.clipFactor);
    const finiteLoss = r.finite && Number.isFinite(r.loss);
    const e = finiteLoss && epoch % evaluationStride(epoch) === 0 ? this.view.evaluate() : null;
    this.history.push(
      epoch,
      r.loss,
      e ? e.trainLoss : NaN,
      e ? e.testLoss : NaN,
      e?.trainAccuracy ?? NaN,
      e?.testAccuracy ?? NaN,
    );
    if (finiteLoss) {
      this.keeper.afterEpoch();
      this.recentLosses.push(r.loss);
      if (this.recentLosses.length > RECENT_LOSSES) this.recentLosses.shift();
      const stop = this.stops.check(epoch, e?.testLoss);
      if (stop) this.stopFor(stop);
      return stop === null;
    }
    // The engine's `finite` covers every minibatch loss and every parameter.
    if (!Number.isFinite(r.loss)) this.diverge(`the loss became ${String(r.loss)} at epoch ${epoch}`);
    else this.diverge(`a weight became ${nonFiniteParam(b.net.params)} at epoch ${epoch}`);
    return false;
  }

  /** A stop condition was met: pause here (every loop checks after each epoch), and say why. */
  private stopFor(stopped: StopReason): void {
    this.stopLoop();
    this.stepTarget = null;
    this.status = 'paused';
    this.sendSnapshot();
    this.env.post({ type: 'status', runId: this.runId, status: 'paused', epoch: this.epoch, stopped }, []);
  }

  private diverge(what: string): void {
    this.stopLoop();
    this.stepTarget = null;
    const diagnosis = diagnoseDivergence({
      what,
      epoch: this.epoch,
      learningRate: this.config.learningRate,
      optimizer: this.config.optimizer,
      activation: this.config.activation,
      recentLosses: this.recentLosses,
      maxAbsZ: this.view.maxAbsZ,
      handSet: this.handSet,
    });
    this.diverged = diagnosis;
    this.status = 'diverged';
    this.sendSnapshot();
    this.postStatus(diagnosis.message, diagnosis.divergence);
  }

  /** `streamed`: sent by the running loop (subject to flow control), not in answer to a command. */
  private sendSnapshot(streamed = false): void {
    const env = this.env;
    const now = env.now();
    const elapsed = now - this.timeAtLastSnapshot;
    const trained = this.epoch - this.epochsAtLastSnapshot;
    const snapshot = this.view.assemble({
      runId: this.runId,
      seq: ++this.seq,
      status: this.status,
      history: this.history.take(),
      epochsPerSecond: elapsed > 0 ? (trained * 1000) / elapsed : 0,
      streamed,
    });
    const flow = this.gradFlow.take(this.b.net.layers.length);
    if (flow) snapshot.gradFlow = flow;
    const pos = this.b.trainer.position;
    if (pos.batches > 0) snapshot.batch = { done: pos.batches, of: pos.of };
    this.lastSnapshotAt = now;
    if (streamed && this.flowControl) {
      // Bounded: in a hidden tab no acks come, and the ack timeout lets one through every
      // ACK_TIMEOUT_MS; the older entries are dropped then, never piled up.
      this.unacked.push(snapshot.seq);
      if (this.unacked.length > MAX_IN_FLIGHT) this.unacked.splice(0, this.unacked.length - MAX_IN_FLIGHT);
    }
    this.timeAtLastSnapshot = now;
    this.epochsAtLastSnapshot = this.epoch;
    this.keeper.announce();
    env.post({ type: 'snapshot', snapshot }, snapshotTransferables(snapshot));
  }
}
