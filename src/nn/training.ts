/**
 * The trainer: one object per run (several can coexist, e.g. two runs side by side).
 *
 * An epoch is one pass over the training set in minibatches of batchSize samples (the last one
 * may be smaller), in an order the trainer's own seeded RNG shuffles at the start of every epoch
 * (Fisher–Yates over the previous order). That RNG also draws the dropout masks, and nothing else
 * touches it: evaluate() and predict() use their own workspace, no RNG and no dropout, so how
 * often they are called never changes the trajectory. Same seed + config → same numbers.
 *
 * Per minibatch of m samples: forward (training mode) → data loss and dL/dz of the MEAN loss →
 * backward into grads (zeroed first) → + regularization grad → clip by global norm → optimizer.
 * Reported losses (epoch() and evaluate()) are the data loss alone, without the regularization
 * penalty (regularization.ts has regularizationPenalty for the full objective).
 *
 * batchStep() trains one minibatch and may record a glass-box trace of it (trace.ts): the trainer
 * then sits inside the epoch (batchPos), and the next batchStep() or epoch() goes on from there,
 * adding the same losses in the same order, so the run is bit for bit the one without the stop.
 *
 * Its options, data and result types (and their checks) are trainOptions.ts.
 */
import { lossCode, lossDelta, lossSum } from './losses.ts';
import { countCorrect, isClassifier } from './metrics.ts';
import { outputSize, inputSize, type Network } from './network.ts';
import {
  clipFactor,
  clipGradNorm,
  createOptimizerState,
  optimizerCode,
  optimizerStep,
  resetOptimizerState,
  type OptimizerState,
} from './optimizers.ts';
import { backwardBroken, BREAK_NONE, breakCode, type BreakKind } from './breakage.ts';
import { backward, createWorkspace, forward, type DropoutSource, type Workspace } from './pass.ts';
import { addRegularizationGrad, regularizationCode } from './regularization.ts';
import { createRng, type Rng } from './rng.ts';
import { checkTrainerState, type TrainerState } from './trainerState.ts';
import { traceAfter, traceBefore, traceGrads, type StepTrace } from './trace.ts';
import { scheduledRate } from './schedules.ts';
import {
  checkData,
  checkOptions,
  type BatchResult,
  type Data,
  type EpochResult,
  type Evaluation,
  type TrainOptions,
} from './trainOptions.ts';

export type { TrainerState };
export { DEFAULT_TRAIN_OPTIONS } from './trainOptions.ts';
export type { BatchResult, Data, EpochResult, Evaluation, TrainOptions } from './trainOptions.ts';

/** Evaluation and prediction run in chunks of this many samples, so their workspace stays small. */
const EVAL_CHUNK = 256;

export class Trainer {
  /** Epochs trained; the schedule reads it (settable, e.g. when restoring a saved run). */
  epochCount = 0;
  /** Test hook: dropout draws come from here instead of the run's RNG when set (golden.ts replays reference masks). */
  dropoutSource: DropoutSource | null = null;
  /** A break of backprop on purpose (breakage.ts), run state only; BREAK_NONE in every normal run. */
  private breakC = BREAK_NONE;
  /** The factor clipping scaled the last minibatch's gradient by (1: not clipped). */
  private clipScale = 1;
  readonly net: Network;
  private readonly data: Data;
  private opts: TrainOptions;
  private rng: Rng;
  private order: Int32Array;
  private ws: Workspace;
  /** The epoch in progress: next minibatch's start in `order` (0: at a boundary), batches done, their loss sum. */
  private batchPos = 0;
  private batchesDone = 0;
  private partialLoss = 0;
  private readonly evalWs: Workspace;
  private readonly opt: OptimizerState;
  private lossC: number;
  private optC: number;
  private regC: number;
  private readonly outAct: number;
  private readonly inputs: number;
  private readonly outputs: number;

  constructor(net: Network, data: Data, options: TrainOptions, seed: number) {
    this.net = net;
    this.opts = { ...options };
    checkOptions(this.opts);
    this.lossC = lossCode(this.opts.loss);
    this.optC = optimizerCode(this.opts.optimizer);
    this.regC = regularizationCode(this.opts.regularization);
    this.inputs = inputSize(net);
    this.outputs = outputSize(net);
    this.outAct = net.layers[net.layers.length - 1]!.act;
    this.rng = createRng(seed);
    checkData(net, data);
    this.data = data;
    this.order = identity(data.n);
    this.ws = createWorkspace(net, Math.min(this.opts.batchSize, Math.max(1, data.n)));
    this.evalWs = createWorkspace(net, EVAL_CHUNK);
    this.opt = createOptimizerState(net.params.length);
  }

  get options(): Readonly<TrainOptions> {
    return this.opts;
  }

  /** Change options between steps, no rebuild. Optimizer state is reset only when the optimizer changes. */
  setOptions(partial: Partial<TrainOptions>): void {
    const next: TrainOptions = { ...this.opts };
    for (const key of Object.keys(partial) as (keyof TrainOptions)[]) {
      if (partial[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = partial[key];
    }
    checkOptions(next);
    if (next.optimizer !== this.opts.optimizer) resetOptimizerState(this.opt);
    this.opts = next;
    this.lossC = lossCode(next.loss);
    this.optC = optimizerCode(next.optimizer);
    this.regC = regularizationCode(next.regularization);
  }

  /** Break backprop on purpose (breakage.ts) or mend it ('none'); takes effect at the next minibatch. */
  setBreak(kind: BreakKind): void {
    this.breakC = breakCode(kind);
  }

  get breakCode(): number {
    return this.breakC;
  }

  /** The factor clipping scaled the last minibatch's gradient (net.grads) by; 1 when not clipped. */
  get clipFactor(): number {
    return this.clipScale;
  }

  /**
   * The first minibatch of the current epoch order (the rows order[0 .. m)), copied: what the
   * gradient check compares on. m = min(batchSize, n).
   */
  currentBatch(): Data {
    const m = Math.min(this.opts.batchSize, this.data.n);
    const d = this.inputs;
    const k = this.outputs;
    const x = new Float64Array(m * d);
    const y = new Float64Array(m * k);
    for (let i = 0; i < m; i++) {
      const s = this.order[i]!;
      x.set(this.data.x.subarray(s * d, s * d + d), i * d);
      y.set(this.data.y.subarray(s * k, s * k + k), i * k);
    }
    return { x, y, n: m };
  }

  /** A copy of the state the next epoch depends on (see TrainerState). */
  saveState(): TrainerState {
    const s: TrainerState = {
      rng: this.rng.state(),
      order: Array.from(this.order),
      optimizer: { m: Array.from(this.opt.m), v: Array.from(this.opt.v), t: this.opt.t },
    };
    if (this.batchPos > 0) s.batch = { pos: this.batchPos, batches: this.batchesDone, lossSum: this.partialLoss };
    return s;
  }

  /** Where the trainer is inside the epoch: minibatches done and the epoch's count at the current batch size. */
  get position(): { batches: number; of: number } {
    const left = Math.ceil((this.data.n - this.batchPos) / this.opts.batchSize);
    return { batches: this.batchesDone, of: this.batchesDone + left };
  }

  /** Continue from a saved state; throws (changing nothing) when it does not fit this network and data. */
  restoreState(s: TrainerState): void {
    checkTrainerState(s, this.data.n, this.net.params.length);
    const bt = s.batch ?? { pos: 0, batches: 0, lossSum: 0 };
    this.batchPos = bt.pos;
    this.batchesDone = bt.batches;
    this.partialLoss = bt.lossSum;
    this.rng = createRng(s.rng);
    this.order = Int32Array.from(s.order);
    this.opt.m.set(s.optimizer.m);
    this.opt.v.set(s.optimizer.v);
    this.opt.t = s.optimizer.t;
  }

  /**
   * Forget one parameter's moments (m, v at `index`) after it was set by hand, so they do not push
   * it straight back. Adam's step count and every other parameter's moments stay: zeroing them all
   * would restart the bias correction and jolt every weight by about lr·sign(g) on the next update.
   */
  resetParamMoments(index: number): void {
    if (!(Number.isInteger(index) && index >= 0 && index < this.opt.m.length))
      throw new RangeError(`No parameter ${index}: the network has ${this.opt.m.length}`);
    this.opt.m[index] = 0;
    this.opt.v[index] = 0;
  }

  /** Train the rest of the epoch (all of it at a boundary). */
  epoch(): EpochResult {
    const n = this.data.n;
    const lr = this.beginBatch();
    const b = this.opts.batchSize;
    let total = this.partialLoss;
    let seen = this.batchPos;
    let finite = true;
    for (let start = this.batchPos; start < n; start += b) {
      const m = Math.min(b, n - start);
      this.gather(start, m);
      const loss = this.trainBatch(m, lr, null);
      total += loss;
      seen += m;
      if (!Number.isFinite(loss)) {
        finite = false;
        break;
      }
    }
    return this.endEpoch(total, seen, finite, lr);
  }

  /**
   * Train the next minibatch only (shuffling first at an epoch boundary), recording it into
   * `trace` when given. Ends the epoch (as epoch() would) when it was the last one or not finite.
   */
  batchStep(trace: StepTrace | null = null): BatchResult {
    const n = this.data.n;
    if (n === 0) return { loss: NaN, samples: 0, epochDone: this.epoch() };
    const lr = this.beginBatch();
    const start = this.batchPos;
    const m = Math.min(this.opts.batchSize, n - start);
    if (trace) {
      const { batches, of } = this.position;
      Object.assign(trace, { options: { ...this.opts }, learningRate: lr, epoch: this.epochCount });
      Object.assign(trace, { batch: batches + 1, batches: of });
      trace.rows.set(this.order.subarray(start, start + m));
    }
    this.gather(start, m);
    const loss = this.trainBatch(m, lr, trace);
    this.partialLoss += loss;
    this.batchesDone++;
    this.batchPos = start + m;
    const finite = Number.isFinite(loss);
    const done = !finite || this.batchPos >= n;
    const epochDone = done ? this.endEpoch(this.partialLoss, this.batchPos, finite, lr) : null;
    return { loss: loss / m, samples: m, epochDone };
  }

  /** The epoch's rate; at a boundary, shuffle (Fisher–Yates over the previous order) first. */
  private beginBatch(): number {
    const n = this.data.n;
    if (this.batchPos === 0) {
      const order = this.order;
      const rng = this.rng;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
    }
    const cap = Math.min(this.opts.batchSize, n);
    if (this.ws.capacity < cap) this.ws = createWorkspace(this.net, cap);
    return scheduledRate(this.opts.schedule, this.opts.learningRate, this.epochCount);
  }

  private endEpoch(total: number, seen: number, finite: boolean, lr: number): EpochResult {
    this.batchPos = 0;
    this.batchesDone = 0;
    this.partialLoss = 0;
    const ok = finite && allFinite(this.net.params);
    this.epochCount++;
    return { epoch: this.epochCount, loss: seen > 0 ? total / seen : NaN, finite: ok, learningRate: lr };
  }

  /** Copy the rows order[start .. start+m) of the training set into the workspace's x and y. */
  private gather(start: number, m: number): void {
    const { x, y } = this.data;
    const wx = this.ws.x;
    const wy = this.ws.y;
    const d = this.inputs;
    const k = this.outputs;
    const order = this.order;
    for (let i = 0; i < m; i++) {
      const s = order[start + i]!;
      for (let c = 0; c < d; c++) wx[i * d + c] = x[s * d + c]!;
      for (let c = 0; c < k; c++) wy[i * k + c] = y[s * k + c]!;
    }
  }

  /** One update from the m samples in the workspace; returns their summed data loss (before the update). */
  private trainBatch(m: number, lr: number, trace: StepTrace | null): number {
    const net = this.net;
    const ws = this.ws;
    const o = this.opts;
    const last = net.layers.length - 1;
    if (trace) traceBefore(trace, net, this.opt, m);
    forward(net, ws, ws.x, m, true, o.dropout, this.dropoutSource ?? this.rng);
    const loss = lossSum(this.lossC, this.outAct, ws.z[last]!, ws.a[last]!, ws.y, m, this.outputs);
    lossDelta(this.lossC, this.outAct, ws.a[last]!, ws.y, ws.dadz[last]!, ws.delta[last]!, m, this.outputs, 1 / m);
    net.grads.fill(0);
    if (this.breakC === BREAK_NONE) backward(net, ws, ws.x, m);
    else
      backwardBroken(net, ws, ws.x, m, this.breakC, { loss: this.lossC, act: this.outAct, y: ws.y, k: this.outputs });
    if (trace) traceGrads(trace, 'data', net.grads);
    addRegularizationGrad(net, this.regC, o.regularizationRate);
    if (trace) traceGrads(trace, 'reg', net.grads);
    if (o.clipNorm > 0 || trace) {
      const norm = clipGradNorm(net.grads, o.clipNorm);
      this.clipScale = clipFactor(norm, o.clipNorm);
      if (trace) Object.assign(trace, { gradNorm: norm, clipFactor: this.clipScale });
    } else this.clipScale = 1;
    if (trace) traceGrads(trace, 'final', net.grads);
    optimizerStep(this.optC, net.params, net.grads, this.opt, lr, o);
    if (trace) traceAfter(trace, net, ws, this.opt, { loss: this.lossC, optimizer: this.optC, outAct: this.outAct });
    return loss;
  }

  /**
   * Loss and accuracy of the current weights on `data`: no dropout, no RNG, no change to the run.
   * `visit`, if given, sees each chunk right after its forward pass: rows [start, start+m) of
   * `data`, with ws.z[l] and ws.a[l] (m, out_l) filled (e.g. to count a confusion matrix or
   * saturated units in the same pass).
   */
  evaluate(data: Data, visit?: (ws: Workspace, start: number, m: number) => void): Evaluation {
    checkData(this.net, data);
    const ws = this.evalWs;
    const net = this.net;
    const last = net.layers.length - 1;
    const d = this.inputs;
    const k = this.outputs;
    const classifier = isClassifier(this.outAct, k);
    let loss = 0;
    let correct = 0;
    for (let start = 0; start < data.n; start += EVAL_CHUNK) {
      const m = Math.min(EVAL_CHUNK, data.n - start);
      const x = data.x.subarray(start * d, (start + m) * d);
      const y = data.y.subarray(start * k, (start + m) * k);
      forward(net, ws, x, m, false, 0, null);
      loss += lossSum(this.lossC, this.outAct, ws.z[last]!, ws.a[last]!, y, m, k);
      if (classifier) correct += countCorrect(this.outAct, ws.a[last]!, y, m, k);
      visit?.(ws, start, m);
    }
    return {
      loss: data.n > 0 ? loss / data.n : NaN,
      accuracy: classifier && data.n > 0 ? correct / data.n : null,
    };
  }

  /** out (n, outputs) = the network's outputs for x (n, inputs); no dropout, no RNG. */
  predict(x: Float64Array, n: number, out: Float64Array): void {
    predictInto(this.net, this.evalWs, x, n, out);
  }
}

/** out (n, outputs) = outputs for x (n, inputs), evaluated in chunks through ws. */
export function predictInto(net: Network, ws: Workspace, x: Float64Array, n: number, out: Float64Array): void {
  const d = inputSize(net);
  const k = outputSize(net);
  if (x.length < n * d || out.length < n * k) throw new Error(`predict: need x of ${n * d} and out of ${n * k} values`);
  const last = net.layers.length - 1;
  for (let start = 0; start < n; start += ws.capacity) {
    const m = Math.min(ws.capacity, n - start);
    forward(net, ws, x.subarray(start * d, (start + m) * d), m, false, 0, null);
    out.set(ws.a[last]!.subarray(0, m * k), start * k);
  }
}

function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
}
