/**
 * Training as TF Playground does (its oneStep()), over the engine's flat buffers.
 *
 * An epoch walks the training set in its fixed order (no reshuffle). Every sample adds its
 * unscaled gradient (δ = (o − y)·f'(z) at the output, loss ½(o − y)²) to the accumulators
 * (net.grads); after sample i, when (i + 1) is a multiple of batchSize, the weights are updated
 * from the c samples accumulated since the last update, then the accumulators are cleared:
 *   b ← b − lr·Σδ / c
 *   w' ← w − (lr / c)·Σδx,  then  w ← w' − (lr·λ)·R'(w)   (R' at the w before this update)
 * with R' = sign(w) for L1 (0 at 0) and w for L2. Under L1 a weight whose regularization step
 * crosses 0 is set to 0 and never trained again ("dead"), as TF does. Biases are not regularized.
 * Samples left after the last update of an epoch stay accumulated and join the next epoch's first
 * update (c then counts them too), since TF's counter restarts at i = 0 each epoch.
 *
 * Samples between two updates see the same weights, so they are run as one batch through the
 * engine's passes (pass.ts), whose sums keep TF's per-sample order (tfpg/pass.ts).
 * Reported losses are TF's getLoss: Σ ½(o − y)² over the set in order, divided by its size.
 *
 * Reference: tensorflow/playground src/nn.ts (backProp, updateWeights), src/playground.ts (oneStep, getLoss).
 */
import { countCorrect, isClassifier } from '../metrics.ts';
import type { Network } from '../network.ts';
import { backward, createWorkspace, type Workspace } from '../pass.ts';
import {
  DEFAULT_TRAIN_OPTIONS,
  Trainer,
  type Data,
  type EpochResult,
  type Evaluation,
  type TrainerState,
  type TrainOptions,
} from '../training.ts';
import type { RegularizationName } from '../types.ts';
import { forwardExact, halfSquaredSum } from './pass.ts';

/** The settings TF Playground trains with; the rest of TrainOptions has no meaning here. */
export type TfpgOptions = Pick<TrainOptions, 'learningRate' | 'batchSize' | 'regularization' | 'regularizationRate'>;

const EVAL_CHUNK = 256;

export class TfpgTrainer extends Trainer {
  private tf: TfpgOptions;
  private readonly train: Data;
  /** Samples accumulated in net.grads since the last update (TF's numAccumulatedDers). */
  private pending = 0;
  /** 1 where an L1 step crossed 0: the weight stays 0 and is never updated (TF's link.isDead). */
  private readonly dead: Uint8Array;
  private tws: Workspace;
  private readonly ews: Workspace;

  constructor(net: Network, train: Data, options: TfpgOptions) {
    super(net, train, { ...DEFAULT_TRAIN_OPTIONS, ...options }, 0);
    if (net.layers[net.layers.length - 1]!.outSize !== 1) throw new Error('TF Playground networks have one output');
    this.tf = { ...options };
    this.train = train;
    this.dead = new Uint8Array(net.params.length);
    this.tws = createWorkspace(net, Math.min(this.batch(), Math.max(1, train.n)));
    this.ews = createWorkspace(net, EVAL_CHUNK);
    net.grads.fill(0);
  }

  /** batchSize, with "every point" (anything above the set) as the whole set, so updates happen. */
  private batch(): number {
    return Math.max(1, Math.min(this.tf.batchSize, this.train.n));
  }

  override setOptions(partial: Partial<TrainOptions>): void {
    super.setOptions(partial);
    const o = this.options;
    this.tf = {
      learningRate: o.learningRate,
      batchSize: o.batchSize,
      regularization: o.regularization,
      regularizationRate: o.regularizationRate,
    };
    const cap = Math.min(this.batch(), Math.max(1, this.train.n));
    if (this.tws.capacity < cap) this.tws = createWorkspace(this.net, cap);
  }

  override epoch(): EpochResult {
    const { x, y, n } = this.train;
    const d = this.net.layers[0]!.inSize;
    const b = this.batch();
    const ws = this.tws;
    const last = this.net.layers.length - 1;
    let loss = 0;
    for (let start = 0; start < n;) {
      const end = Math.min(n, (Math.floor(start / b) + 1) * b);
      const m = end - start;
      const input = x.subarray(start * d, end * d);
      const target = y.subarray(start, end);
      forwardExact(this.net, ws, input, m, true);
      const o = ws.a[last]!;
      const dz = ws.dadz[last]!;
      const delta = ws.delta[last]!;
      for (let i = 0; i < m; i++) delta[i] = (o[i]! - target[i]!) * dz[i]!;
      loss = halfSquaredSum(o, target, m, loss);
      backward(this.net, ws, input, m);
      this.pending += m;
      if (end % b === 0) this.update();
      start = end;
    }
    this.epochCount++;
    let finite = Number.isFinite(loss);
    for (const p of this.net.params) if (!Number.isFinite(p)) finite = false;
    return { epoch: this.epochCount, loss: n > 0 ? loss / n : NaN, finite, learningRate: this.tf.learningRate };
  }

  /** TF's updateWeights from the accumulated gradients of `pending` samples; clears them. */
  private update(): void {
    const c = this.pending;
    if (c === 0) return;
    const { params: p, grads: g } = this.net;
    const lr = this.tf.learningRate;
    const step = lr * this.tf.regularizationRate;
    const reg: RegularizationName = this.tf.regularization;
    for (const L of this.net.layers) {
      for (let j = 0; j < L.outSize; j++) {
        const bi = L.bOffset + j;
        p[bi] = p[bi]! - (lr * g[bi]!) / c;
        for (let k = 0, wi = L.wOffset + j * L.inSize; k < L.inSize; k++, wi++) {
          if (this.dead[wi]) continue;
          const w = p[wi]!;
          const rd = reg === 'l2' ? w : reg === 'l1' ? (w < 0 ? -1 : w > 0 ? 1 : 0) : 0;
          const w1 = w - (lr / c) * g[wi]!;
          const w2 = w1 - step * rd;
          if (reg === 'l1' && w1 * w2 < 0) {
            p[wi] = 0;
            this.dead[wi] = 1;
          } else p[wi] = w2;
        }
      }
    }
    g.fill(0);
    this.pending = 0;
  }

  /** TF's getLoss (and the fraction right, by the sign of the tanh output); no change to the run. */
  override evaluate(data: Data, visit?: (ws: Workspace, start: number, m: number) => void): Evaluation {
    const ws = this.ews;
    const d = this.net.layers[0]!.inSize;
    const last = this.net.layers.length - 1;
    const act = this.net.layers[last]!.act;
    const classifier = isClassifier(act, 1);
    let loss = 0;
    let correct = 0;
    for (let start = 0; start < data.n; start += EVAL_CHUNK) {
      const m = Math.min(EVAL_CHUNK, data.n - start);
      const y = data.y.subarray(start, start + m);
      forwardExact(this.net, ws, data.x.subarray(start * d, (start + m) * d), m, false);
      loss = halfSquaredSum(ws.a[last]!, y, m, loss);
      if (classifier) correct += countCorrect(act, ws.a[last]!, y, m, 1);
      visit?.(ws, start, m);
    }
    return {
      loss: data.n > 0 ? loss / data.n : NaN,
      accuracy: classifier && data.n > 0 ? correct / data.n : null,
    };
  }

  /** A weight set by hand keeps the accumulated gradients, as in TF; there are no moments. */
  override resetParamMoments(index: number): void {
    if (!(Number.isInteger(index) && index >= 0 && index < this.net.params.length))
      throw new RangeError(`No parameter ${index}: the network has ${this.net.params.length}`);
  }

  /**
   * What the next epoch depends on, in the engine's TrainerState shape: optimizer.m holds the
   * accumulated gradients, optimizer.v the dead flags (0/1), optimizer.t the samples accumulated.
   */
  override saveState(): TrainerState {
    return {
      rng: 0,
      order: Array.from({ length: this.train.n }, (_, i) => i),
      optimizer: { m: Array.from(this.net.grads), v: Array.from(this.dead), t: this.pending },
    };
  }

  override restoreState(s: TrainerState): void {
    const P = this.net.params.length;
    const { m, v, t } = s.optimizer;
    if (m.length !== P || v.length !== P || !m.every(Number.isFinite) || !v.every((f) => f === 0 || f === 1))
      throw new Error(`a TF Playground run's state holds ${P} accumulated gradients and ${P} flags`);
    if (!(Number.isInteger(t) && t >= 0)) throw new Error(`accumulated samples must be a whole number, got ${t}`);
    this.net.grads.set(m);
    this.dead.set(v);
    this.pending = t;
  }
}
