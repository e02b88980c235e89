/**
 * The one source of truth for every message between the page and the training worker.
 * Both directions are discriminated unions on `type`. Typed arrays travel as transferables:
 * the worker copies from its own buffers, then transfers the copies.
 *
 * Runs: every `init` starts a run with a fresh `runId` chosen by the page. Commands
 * name the run they are for and the worker ignores commands for another run; every event names
 * its run and the page drops events of a run it has left (a snapshot still in flight after a
 * reset must not paint the old network over the new one).
 *
 * Dimension legend: R output grid resolution (R×R points over the input plane), S the thumbnails'
 * grid resolution (S×S, small: they are drawn at about 40 px), F input features,
 * H total hidden units (all hidden layers), O outputs (1, or K classes for multiclass),
 * P parameters, E epochs in a history chunk, N samples.
 */
import type { ExperimentConfig, Speed } from '../share/config.ts';
import type { StopConditions, StopReason } from './stopRule.ts';
import type { LayerOffsets, NestedWeights } from '../nn/network.ts';
import type { TrainerState } from '../nn/training.ts';
import type { BreakKind } from '../nn/breakage.ts';
import type { GradCheckResult } from '../nn/gradcheck.ts';
import type { SpaceView } from '../nn/transformed.ts';
import type { StepTrace } from '../nn/trace.ts';
import type {
  ActivationName,
  FeatureName,
  LossName,
  OptimizerName,
  OutputActivation,
  ProblemType,
  Region,
  RegularizationName,
  ScheduleName,
} from '../nn/types.ts';

export const PROTOCOL_VERSION = 3;

/** Without an ack for this long, the worker streams the next snapshot anyway (a hidden tab gets 4 a second). */
export const ACK_TIMEOUT_MS = 250;

/** Chosen by the page, strictly increasing; 0 means "no run yet". */
export type RunId = number;

export type RunStatus = 'idle' | 'running' | 'paused' | 'diverged';

/** Training options that apply live, without rebuilding the network or resetting the run. */
export interface Hyperparameters {
  learningRate: number;
  batchSize: number;
  optimizer: OptimizerName;
  momentum: number;
  regularization: RegularizationName;
  regularizationRate: number;
  dropout: number;
  schedule: ScheduleName;
  clipNorm: number;
}
export const HYPERPARAMETER_KEYS = [
  'learningRate',
  'batchSize',
  'optimizer',
  'momentum',
  'regularization',
  'regularizationRate',
  'dropout',
  'schedule',
  'clipNorm',
] as const satisfies readonly (keyof Hyperparameters & keyof ExperimentConfig)[];

/**
 * Weights to start a run from instead of the seeded initialisation (a loaded file or link): per
 * layer W as (out, in) row-major nested arrays, and b (out), the golden/JSON layout.
 */
export interface RestoreState extends NestedWeights {
  /** Epochs already trained; the run continues counting from here. */
  epoch: number;
  /** Shuffle RNG, data order and optimizer moments: with them the run continues exactly as the original. Ignored when they do not fit. */
  trainer?: TrainerState;
}

export type { TrainerState, StepTrace };
/** Flat params → nested W and b: the engine's, re-exported for the page. */
export { unpackParams } from '../nn/network.ts';

/** Page → worker. */
export type Command =
  | { type: 'hello'; protocol: number; nonce: number }
  /**
   * Liveness (client.ts): answered at once with a 'pong' of the same nonce, whatever the run is doing.
   * A running loop yields between slices of about a frame, so the answer waits one slice at most.
   */
  | { type: 'ping'; nonce: number }
  /**
   * Build data, features, network and trainer from the config; the run starts idle at epoch 0 (or
   * `restore.epoch`). With `flowControl`, while running the worker keeps at most two streamed
   * snapshots unacknowledged ('ack', sent by the page when it has drawn a frame), or waits
   * ACK_TIMEOUT_MS: a page that draws slower gets fewer snapshots and the worker trains more.
   */
  | {
      type: 'init';
      runId: RunId;
      config: ExperimentConfig;
      /** R, the output heatmap's grid (default 100). */
      gridResolution?: number;
      /** S, the input and hidden-unit thumbnails' grid (default 50). */
      hiddenGridResolution?: number;
      restore?: RestoreState;
      flowControl?: boolean;
      /** With `restore` from a checkpoint ("Continue from here"): keep the current run's checkpoints up to its epoch. */
      keepCheckpoints?: boolean;
    }
  | { type: 'play'; runId: RunId }
  | { type: 'pause'; runId: RunId }
  /**
   * Train `epochs` epochs (at most MAX_STEP_EPOCHS), then a snapshot and status 'paused'. Trained
   * in slices of about a frame like play: a step longer than one slice reports 'running' (so the
   * page offers Pause, and 'pause' stops it at the next slice) and streams snapshots meanwhile.
   */
  | { type: 'step'; runId: RunId; epochs: number }
  | { type: 'setHyperparameters'; runId: RunId; hyperparameters: Partial<Hyperparameters> }
  | { type: 'setSpeed'; runId: RunId; speed: Speed }
  /** New stop conditions for this run (src/worker/stopRule.ts), applied from the next epoch. */
  | { type: 'setStop'; runId: RunId; stop: StopConditions }
  /** W[layer][to][from] = value, layer 0 being the first weight layer; `from: -1` sets the bias b[layer][to]. */
  | { type: 'setWeight'; runId: RunId; layer: number; to: number; from: number; value: number }
  /** The page has drawn snapshot `seq` (flow control, see init). */
  | { type: 'ack'; runId: RunId; seq: number }
  /** Capture weights and trainer state at one epoch (for a file export); answered by an 'export' event with the same requestId. */
  | { type: 'requestExport'; runId: RunId; requestId: number }
  /** Break backprop on purpose (nn/breakage.ts), or mend it with 'none': run state, never in the config. */
  | { type: 'setBreak'; runId: RunId; kind: BreakKind }
  /** Check backprop against finite differences on the current minibatch; answered by a 'gradCheck' event. */
  | { type: 'gradCheck'; runId: RunId; requestId: number }
  /** The input plane and training points as hidden layer `layer`'s units A and B see them; answered by a 'space' event. */
  | { type: 'requestSpace'; runId: RunId; requestId: number; layer: number; unitA: number; unitB: number }
  /**
   * Lockstep (two runs compared, src/state/lockstep.ts): while running, train no further than epoch
   * `epoch` and wait there (status stays 'running', no CPU used) until the limit is raised; with
   * `pause`, pause on reaching it. null: no limit. A step is not limited.
   */
  | { type: 'setLimit'; runId: RunId; epoch: number | null; pause?: boolean }
  /**
   * Pause and train the run's real next minibatch, then a snapshot. With `explain`, the engine
   * records the step (src/nn/trace.ts) and sends it first, as one 'trace' event with this requestId.
   */
  | { type: 'batchStep'; runId: RunId; explain: boolean; requestId: number }
  /** The run as it was at a checkpoint epoch (the replay timeline): answered by a 'checkpoint' event. */
  | { type: 'viewCheckpoint'; runId: RunId; epoch: number; requestId: number }
  /** The learning-rate range test from the run's initial weights (src/worker/lrFinder.ts): answered by 'lrRange'. */
  | { type: 'findLearningRate'; runId: RunId; requestId: number };

export type CommandType = Command['type'];

/** Where each layer's W (outSize × inSize, row-major) and b (outSize) sit in the flat params, and its activation. */
export interface LayerLayout extends LayerOffsets {
  activation: ActivationName;
}

/** Sent once per run, before its first snapshot: everything that does not change while training. */
export interface RunInfo {
  runId: RunId;
  /** [F, ...hidden, O] */
  sizes: number[];
  layers: LayerLayout[];
  paramCount: number;
  features: FeatureName[];
  problem: ProblemType;
  classes: number; // K for multiclass, 2 for classification, 1 for regression
  outputActivation: OutputActivation;
  loss: LossName;
  /** Grids cover x in [xMin, xMax], y in [yMin, yMax]; row 0 is the top (yMax), column 0 the left (xMin). */
  region: Region;
  /** R: the output grid's resolution. */
  gridResolution: number;
  /** S: the thumbnails' resolution (input and hidden units), at most R. */
  hiddenGridResolution: number;
  /** F·S·S, feature-major: the input-node thumbnails. */
  inputGrids: Float32Array;
  /** Train and test points: N·2 (x, y); labels N (class index or regression value). */
  trainPoints: Float64Array;
  trainLabels: Float64Array;
  testPoints: Float64Array;
  testLabels: Float64Array;
}

/**
 * Loss history since the previous snapshot, one entry per epoch trained (E entries, all Float64Array):
 * - `batchLoss`: the mean minibatch loss over that epoch, what the optimizer saw while the weights
 *   moved (as Keras reports it; with dropout it includes the dropout noise). Free to record.
 * - `trainLoss`, `testLoss`, `trainAccuracy`, `testAccuracy`: the whole train and test sets evaluated
 *   after that epoch (no dropout, never changes the trajectory). Evaluating costs a forward pass over
 *   every sample, so it is done on a deterministic stride ({@link evaluationStride}: every epoch up to
 *   512, then every 2nd, 4th, ... so about 256 evaluations per doubling of the epoch count); NaN on the
 *   other epochs, and accuracies NaN for regression. The stride depends on the epoch only, never on
 *   snapshot timing, so the same seed gives the same history.
 */
export interface HistoryChunk {
  epochs: Float64Array;
  batchLoss: Float64Array;
  trainLoss: Float64Array;
  testLoss: Float64Array;
  trainAccuracy: Float64Array;
  testAccuracy: Float64Array;
}

export interface Snapshot {
  runId: RunId;
  /** Counts snapshots within a run, from 1. */
  seq: number;
  status: RunStatus;
  epoch: number;
  /** Evaluated at this snapshot's epoch on the whole train and test sets. Accuracy null for regression. */
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  history: HistoryChunk;
  /** P: every layer's W then b, as the engine's flat params (see RunInfo.layers). */
  params: Float64Array;
  /** R·R·O sample-major: the output heatmap. */
  outputGrid: Float32Array;
  /** H·S·S unit-major, unit after unit, layer after layer: the hidden-node thumbnails. */
  hiddenGrids: Float32Array;
  /** K·K counts, row = true class, column = predicted; null for regression. */
  confusion: Int32Array | null;
  /** The set the confusion counts come from: the test set, or the training set when there is no test set. */
  confusionSet: 'test' | 'train';
  /** Most hidden units stuck at their limits on the training set (so the run has stopped learning); null when not. */
  saturation: Saturation | null;
  /** Epochs per second trained since the previous snapshot (wall clock of the worker). */
  epochsPerSecond: number;
  /**
   * The trainer's state after `epoch` (shuffle RNG, data order, optimizer moments), matching
   * `params`: with both, a fresh worker (after a crash or a reload) continues exactly.
   */
  trainer: TrainerState;
  /** Inside an epoch (after a batch step): minibatches trained of the epoch's `of`. Absent at an epoch boundary. */
  batch?: { done: number; of: number };
  /** Per-layer gradient norms since the previous snapshot, one row per epoch trained (see GradFlowChunk). */
  gradFlow?: GradFlowChunk;
}

/**
 * Gradient flow: for each epoch trained (E), ‖∂L/∂(W_l, b_l)‖₂ of every weight layer (L of them) on
 * that epoch's last minibatch, before clipping. norms: E·L, epoch-major.
 */
export interface GradFlowChunk {
  epochs: Float64Array;
  norms: Float64Array;
  layers: number;
}

/**
 * Hidden units stuck on most training samples: 'saturated' (tanh, sigmoid: |z| beyond ~4, slope
 * near 0; `fraction` of (unit, sample) pairs) or 'dead' (ReLU: z ≤ 0 on every sample; `fraction`
 * of the units). Sent when `fraction` ≥ 0.5 (diagnose.ts).
 */
export interface Saturation {
  kind: 'saturated' | 'dead';
  fraction: number;
}

/** The likely reason a run diverged: see diagnose.ts. */
export type DivergenceCause = 'learningRate' | 'activations' | 'handSetWeight';

export interface Divergence {
  /** What became non-finite, and when, in lower case: "the loss became NaN at epoch 312". */
  what: string;
  cause: DivergenceCause;
  /** The fix to offer: this learning rate (about 10× lower, on the 1-3-10 steps), then Reset. Absent: Reset alone. */
  fix?: { learningRate: number };
}

/** The learning-rate range test: rate, raw and smoothed loss per minibatch; the suggested rate (null: none). */
export interface LrRangeResult {
  rates: number[];
  losses: number[];
  smoothed: number[];
  suggestion: number | null;
  /** Stopped early because the smoothed loss blew up. */
  exploded: boolean;
}

/** Worker → page. */
export type WorkerEvent =
  | { type: 'hello'; protocol: number; nonce: number }
  | { type: 'pong'; nonce: number }
  | { type: 'runInfo'; info: RunInfo }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'export'; runId: RunId; requestId: number; epoch: number; params: Float64Array; trainer: TrainerState }
  /** The recorded minibatch step of a 'batchStep' with `explain` (StepTrace: the engine's numbers). */
  | { type: 'trace'; runId: RunId; requestId: number; trace: StepTrace }
  /** Something the person should know that is not an error (e.g. nothing to train on yet). */
  | { type: 'notice'; runId: RunId; message: string }
  | { type: 'gradCheck'; runId: RunId; requestId: number; result: GradCheckResult }
  | { type: 'space'; runId: RunId; requestId: number; view: SpaceView }
  /** The epochs the run keeps checkpoints at (src/worker/checkpoints.ts), sent when the list changes. */
  | { type: 'checkpoints'; runId: RunId; epochs: number[] }
  /** The run at a checkpoint, or null when the worker no longer has it. */
  | { type: 'checkpoint'; runId: RunId; requestId: number; epoch: number; snapshot: Snapshot | null }
  | { type: 'lrRange'; runId: RunId; requestId: number; result: LrRangeResult }
  /**
   * A status change. For 'diverged', `message` says what became non-finite, when, the likely
   * cause and what to do, and `divergence` the same as data (for the page's buttons).
   */
  | {
      type: 'status';
      runId: RunId;
      status: RunStatus;
      epoch: number;
      message?: string;
      divergence?: Divergence;
      /** A 'paused' the run chose itself: a stop condition was met. */
      stopped?: StopReason;
    }
  /** An exception in the worker or the worker dying. runId absent when it cannot be tied to a run. `fatal`: the worker is gone. */
  | { type: 'error'; runId?: RunId; message: string; fatal?: boolean };

export type WorkerEventType = WorkerEvent['type'];

/** Evaluate train and test sets after epoch `epoch` when `epoch % evaluationStride(epoch) === 0`. */
export function evaluationStride(epoch: number): number {
  if (epoch < 512) return 1;
  return 2 ** Math.floor(Math.log2(epoch / 256));
}

/** The buffers of a snapshot, for postMessage's transfer list. */
export function snapshotTransferables(s: Snapshot): ArrayBuffer[] {
  const h = s.history;
  const list: ArrayBufferLike[] = [
    h.epochs.buffer,
    h.batchLoss.buffer,
    h.trainLoss.buffer,
    h.testLoss.buffer,
    h.trainAccuracy.buffer,
    h.testAccuracy.buffer,
    s.params.buffer,
    s.outputGrid.buffer,
    s.hiddenGrids.buffer,
  ];
  if (s.confusion) list.push(s.confusion.buffer);
  if (s.gradFlow) list.push(s.gradFlow.epochs.buffer, s.gradFlow.norms.buffer);
  return list as ArrayBuffer[];
}

export function runInfoTransferables(info: RunInfo): ArrayBuffer[] {
  return [
    info.inputGrids.buffer,
    info.trainPoints.buffer,
    info.trainLabels.buffer,
    info.testPoints.buffer,
    info.testLabels.buffer,
  ] as ArrayBuffer[];
}

/** The run a message belongs to, or undefined for messages that belong to none. */
export function eventRunId(event: WorkerEvent): RunId | undefined {
  switch (event.type) {
    case 'runInfo':
      return event.info.runId;
    case 'snapshot':
      return event.snapshot.runId;
    case 'status':
    case 'error':
    case 'export':
    case 'trace':
    case 'notice':
    case 'gradCheck':
    case 'space':
    case 'checkpoints':
    case 'checkpoint':
    case 'lrRange':
      return event.runId;
    case 'hello':
    case 'pong':
      return undefined;
  }
}
