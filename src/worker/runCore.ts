/**
 * One run's state and what it records (the base of TrainingRun, runLoop.ts): the network and
 * trainer (build.ts), status, epoch recording (history, gradient flow, checkpoints, stop
 * conditions, divergence), snapshots and their flow control, and the commands that do not train
 * (hyperparameters, stop conditions, a weight set by hand, export, ack). How and when it trains
 * (play, pause, step, pacing, lockstep's limit) is runLoop.ts.
 */
import { evaluationStride } from './protocol.ts';
import type { Divergence, Hyperparameters, RestoreState, RunId, RunStatus, WorkerEvent } from './protocol.ts';
import { runInfoTransferables, snapshotTransferables } from './protocol.ts';
import type { Cancel } from './schedule.ts';
import { HistoryRecorder } from './recorder.ts';
import { buildRun, gridSizes, pickHyperparameters, weightIndex, type Built } from './build.ts';
import { nonFiniteParam } from './diagnose.ts';
import { DivergenceWatch } from './divergence.ts';
import { SnapshotFlow } from './flow.ts';
import { SnapshotMaker } from './snapshot.ts';
import { GradFlowRecorder } from './hood.ts';
import { StopRule, type StopConditions, type StopReason } from './stopRule.ts';
import { CheckpointKeeper, type Checkpoint } from './checkpoints.ts';
import type { ExperimentConfig, Speed } from '../share/config.ts';
import type { EpochResult } from '../nn/training.ts';

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

export abstract class RunCore {
  readonly runId: RunId;
  readonly config: ExperimentConfig;
  readonly flowControl: boolean;
  status: RunStatus = 'idle';
  speed: Speed;
  protected readonly b: Built;
  /** The replay timeline's checkpoints (checkpoints.ts). */
  readonly keeper: CheckpointKeeper;
  protected readonly env: LoopEnv;
  protected readonly history = new HistoryRecorder();
  private readonly gradFlow = new GradFlowRecorder();
  protected readonly view: SnapshotMaker;
  /** Started from given weights at epoch N: the page already has the history up to N. */
  private readonly restored: boolean;
  protected cancel: Cancel | null = null;
  /** Snapshot seqs, timing and acks (flow.ts). */
  protected readonly flow: SnapshotFlow;
  /** The epoch a step command trains to; null when not stepping. */
  protected stepTarget: number | null = null;
  /** Divergence clues and, once diverged, why (divergence.ts). */
  protected readonly divergence = new DivergenceWatch();
  /** Stop at epoch N / when the test loss falls below x (the config's stop conditions). */
  private readonly stops: StopRule;

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
    this.flow = new SnapshotFlow(this.flowControl, this.epoch, env.now());
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
    return this.flow.unackedCount;
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

  setHyperparameters(h: Partial<Hyperparameters>): void {
    const clean = pickHyperparameters(h);
    const newOptimizer = clean.optimizer !== undefined && clean.optimizer !== this.config.optimizer;
    this.b.trainer.setOptions(clean);
    Object.assign(this.config, clean);
    // A new optimizer starts with fresh moments: while not training, send the trainer state that
    // goes with it, so a restart (a worker death, a reload) continues from what the worker holds.
    if (newOptimizer && this.status !== 'running') this.sendSnapshot();
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
    this.divergence.setByHand(value, this.epoch);
    this.view.invalidate();
    this.sendSnapshot();
  }

  /** The page has drawn snapshot `seq`: the next one may stream. */
  ack(seq: number): void {
    this.flow.ack(seq);
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

  protected setStatus(status: RunStatus): void {
    this.status = status;
    this.postStatus();
  }

  protected postStatus(message?: string, divergence?: Divergence): void {
    const event: WorkerEvent = { type: 'status', runId: this.runId, status: this.status, epoch: this.epoch };
    if (message) event.message = message;
    if (divergence) event.divergence = divergence;
    this.env.post(event, []);
  }

  protected stopLoop(): void {
    if (this.cancel) {
      this.cancel();
      this.cancel = null;
    }
  }

  /** One epoch, recorded; false when the run diverged (a loss or weight not finite) or a stop condition paused it. */
  protected trainEpoch(): boolean {
    return this.recordEpoch(this.b.trainer.epoch());
  }

  protected recordEpoch(r: EpochResult): boolean {
    const b = this.b;
    const epoch = this.epoch;
    const evaluated = epoch % evaluationStride(epoch) === 0;
    // Gradient norms on the epochs the losses are evaluated on: the chart's points thin out as the
    // test loss's do, and the page adds a few hundred rows per doubling of the epoch, not every epoch's.
    if (evaluated) this.gradFlow.record(epoch, b.net, b.trainer.clipFactor);
    const finiteLoss = r.finite && Number.isFinite(r.loss);
    const e = finiteLoss && evaluated ? this.view.evaluate() : null;
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
      this.divergence.loss(r.loss);
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
    const diagnosis = this.divergence.diagnose(what, this.epoch, this.config, this.view.maxAbsZ);
    this.status = 'diverged';
    this.sendSnapshot();
    this.postStatus(diagnosis.message, diagnosis.divergence);
  }

  /** `streamed`: sent by the running loop (subject to flow control), not in answer to a command. */
  protected sendSnapshot(streamed = false): void {
    const env = this.env;
    const now = env.now();
    const { seq, epochsPerSecond } = this.flow.next(this.epoch, now);
    const snapshot = this.view.assemble({
      runId: this.runId,
      seq,
      status: this.status,
      history: this.history.take(),
      epochsPerSecond,
      streamed,
    });
    const flow = this.gradFlow.take(this.b.net.layers.length);
    if (flow) snapshot.gradFlow = flow;
    const pos = this.b.trainer.position;
    if (pos.batches > 0) snapshot.batch = { done: pos.batches, of: pos.of };
    this.flow.sent(seq, this.epoch, now, streamed);
    this.keeper.announce();
    env.post({ type: 'snapshot', snapshot }, snapshotTransferables(snapshot));
  }
}
