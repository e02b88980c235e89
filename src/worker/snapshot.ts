/**
 * Evaluation and snapshot assembly for one run: what the page sees of the network at an epoch.
 * (The loop that decides when, runLoop.ts; the engine's own Trainer is src/nn/training.ts.)
 *
 * Evaluation: one forward pass per set. The training-set pass also counts stuck hidden units
 * (diagnose.ts UnitProbe); the test-set pass also counts the confusion matrix, or the training-set
 * pass does when there is no test set. Cached per epoch: a snapshot right after an evaluated epoch
 * costs no extra pass.
 *
 * Grids: the thumbnails (S×S, every hidden unit) come from one pass at S. The output heatmap is
 * R×R (R > S: up to 4× the cells): computing it exactly costs up to 4× that pass (≈ 40 ms for
 * 8 hidden layers of 16 on 9 features), so while streaming it is exact only within a time budget
 * (GRID_BUDGET of the wall clock) and otherwise interpolated from the S pass (bilinear, about
 * 0.1 ms). A snapshot answering a command (pause, step, an edited weight) is always exact.
 */
import { predictGrid } from '../nn/grid.ts';
import { hiddenUnitCount } from '../nn/network.ts';
import type { Built, GridSizes } from './build.ts';
import { UnitProbe } from './diagnose.ts';
import { confusionCounter, type ConfusionCounter } from './confusion.ts';
import type { HistoryChunk, RunId, RunStatus, Saturation, Snapshot } from './protocol.ts';

/** Share of the wall clock that exact R×R output grids may take while streaming. */
export const GRID_BUDGET = 0.05;
/** Saturated units are reported only while the training accuracy is below this (see stuck()). */
const STUCK_ACCURACY = 0.9;
const STUCK_EPOCHS = 50;
const STUCK_GAIN = 0.05;
/** Budget saved up while grids are cheap, at most this many ms (so a long pause buys no burst). */
const GRID_CREDIT_CAP_MS = 100;

export interface Evaluation {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  saturation: Saturation | null;
  /** Largest |z| of a hidden unit on the training set (a clue when the run diverges). */
  maxAbsZ: number;
}

/** What the loop adds to a snapshot. */
export interface SnapshotFields {
  runId: RunId;
  seq: number;
  status: RunStatus;
  history: HistoryChunk;
  epochsPerSecond: number;
  /** Streamed by the running loop: the exact output grid only within the time budget. */
  streamed: boolean;
}

export class SnapshotMaker {
  readonly grids: GridSizes;
  /** Exact output grids computed, and interpolated ones (for tests and the bench). */
  exactGrids = 0;
  interpolatedGrids = 0;
  private readonly b: Built;
  private readonly now: () => number;
  private readonly probe: UnitProbe;
  private readonly outputs: number;
  private readonly outputGrid: Float32Array;
  /** The output on the S grid, from the thumbnails' pass. */
  private readonly smallOutput: Float32Array;
  private readonly hiddenGrids: Float32Array;
  private readonly confusion: Int32Array | null;
  private readonly confusionSet: 'test' | 'train';
  private lastEval: Evaluation | null = null;
  /** The training loss at the run's first evaluation, and where the current stuck streak began. */
  private firstLoss: number | undefined;
  private streak: { epoch: number; loss: number } | null = null;
  private credit = 0;
  private creditAt: number;

  constructor(b: Built, grids: GridSizes, now: () => number) {
    this.b = b;
    this.grids = grids;
    this.now = now;
    const sizes = b.info.sizes;
    this.outputs = sizes[sizes.length - 1]!;
    this.probe = new UnitProbe(sizes.slice(1, -1), b.info.layers[0]!.activation);
    this.outputGrid = new Float32Array(grids.output * grids.output * this.outputs);
    this.smallOutput = new Float32Array(grids.hidden * grids.hidden * this.outputs);
    this.hiddenGrids = new Float32Array(grids.hidden * grids.hidden * hiddenUnitCount(b.net));
    this.confusion = b.problem === 'regression' ? null : new Int32Array(b.classes * b.classes);
    this.confusionSet = b.test.n > 0 ? 'test' : 'train';
    this.creditAt = now();
  }

  /** Largest |z| of a hidden unit at the last evaluation (0 before any). */
  get maxAbsZ(): number {
    return this.lastEval?.maxAbsZ ?? 0;
  }

  /** The weights changed outside training (a weight set by hand): evaluate afresh. */
  invalidate(): void {
    this.lastEval = null;
  }

  /** Train and test sets at the trainer's current epoch (cached per epoch). */
  evaluate(): Evaluation {
    const { trainer, train, test } = this.b;
    const epoch = trainer.epochCount;
    if (this.lastEval && this.lastEval.epoch === epoch) return this.lastEval;
    const probe = this.probe;
    const counting = this.confusion ? this.counter(this.confusion) : null;
    counting?.begin();
    probe.begin();
    const onTrain = this.confusionSet === 'train' && counting;
    const tr = trainer.evaluate(
      train,
      onTrain
        ? (ws, start, m) => {
            probe.visit(ws, start, m);
            counting.visit(ws, start, m);
          }
        : probe.visit,
    );
    const te = test.n > 0 ? trainer.evaluate(test, counting?.visit) : { loss: NaN, accuracy: null };
    this.lastEval = {
      epoch,
      trainLoss: tr.loss,
      testLoss: te.loss,
      trainAccuracy: tr.accuracy,
      testAccuracy: te.accuracy,
      saturation: this.stuck(epoch, tr.loss, tr.accuracy, probe.verdict()),
      maxAbsZ: probe.maxAbsZ,
    };
    return this.lastEval;
  }

  /**
   * The probe's verdict, when the run has really stopped learning: it has not learned its training
   * set (a network that fits it with saturated units, big weights and sharp boundaries, is fine:
   * classification under STUCK_ACCURACY right, regression above a tenth of the first loss) and
   * its loss has not improved by STUCK_GAIN for STUCK_EPOCHS epochs (saturated units can still
   * learn slowly).
   */
  private stuck(epoch: number, loss: number, accuracy: number | null, verdict: Saturation | null): Saturation | null {
    this.firstLoss ??= loss;
    const unlearned = accuracy !== null ? accuracy < STUCK_ACCURACY : !(loss <= 0.1 * this.firstLoss);
    if (!verdict || !unlearned) {
      this.streak = null;
      return null;
    }
    if (!this.streak || loss < (1 - STUCK_GAIN) * this.streak.loss) this.streak = { epoch, loss };
    return epoch - this.streak.epoch >= STUCK_EPOCHS ? verdict : null;
  }

  /** Counts (true class, predicted) into m over the set being evaluated (confusion.ts). */
  private counter(m: Int32Array): ConfusionCounter {
    return confusionCounter(this.b, this.confusionSet, m);
  }

  /** A snapshot of the network now; every buffer a fresh copy, safe to transfer. */
  assemble(f: SnapshotFields): Snapshot {
    const b = this.b;
    const e = this.evaluate();
    this.fillGrids(f.streamed);
    return {
      runId: f.runId,
      seq: f.seq,
      status: f.status,
      epoch: b.trainer.epochCount,
      trainLoss: e.trainLoss,
      testLoss: e.testLoss,
      trainAccuracy: e.trainAccuracy,
      testAccuracy: e.testAccuracy,
      history: f.history,
      params: b.net.params.slice(),
      outputGrid: this.outputGrid.slice(),
      hiddenGrids: this.hiddenGrids.slice(),
      confusion: this.confusion ? this.confusion.slice() : null,
      confusionSet: this.confusionSet,
      saturation: e.saturation,
      epochsPerSecond: f.epochsPerSecond,
      trainer: b.trainer.saveState(),
    };
  }

  private fillGrids(streamed: boolean): void {
    const { net, info } = this.b;
    const { output: r, hidden: s } = this.grids;
    predictGrid(net, info.features, info.region, s, this.smallOutput, this.hiddenGrids);
    if (r === s) {
      this.outputGrid.set(this.smallOutput);
      return;
    }
    const t0 = this.now();
    this.credit = Math.min(GRID_CREDIT_CAP_MS, this.credit + (t0 - this.creditAt) * GRID_BUDGET);
    this.creditAt = t0;
    if (!streamed || this.credit >= 0) {
      predictGrid(net, info.features, info.region, r, this.outputGrid);
      const t1 = this.now();
      this.credit -= t1 - t0;
      this.creditAt = t1;
      this.exactGrids++;
    } else {
      upsample(this.smallOutput, s, this.outputGrid, r, this.outputs);
      this.interpolatedGrids++;
    }
  }
}

/**
 * dst (R², K) from src (S², K), both sample-major grids over the same region with corners
 * included (grid.ts): each R cell bilinear between the four S cells around its position.
 */
export function upsample(src: Float32Array, s: number, dst: Float32Array, r: number, k: number): void {
  const scale = (s - 1) / (r - 1);
  for (let row = 0; row < r; row++) {
    const v = row * scale;
    const r0 = Math.min(s - 2, Math.floor(v));
    const fy = v - r0;
    for (let col = 0; col < r; col++) {
      const u = col * scale;
      const c0 = Math.min(s - 2, Math.floor(u));
      const fx = u - c0;
      const p00 = (r0 * s + c0) * k;
      const p10 = p00 + s * k;
      const out = (row * r + col) * k;
      for (let j = 0; j < k; j++) {
        const top = src[p00 + j]! + (src[p00 + k + j]! - src[p00 + j]!) * fx;
        const bottom = src[p10 + j]! + (src[p10 + k + j]! - src[p10 + j]!) * fx;
        dst[out + j] = top + (bottom - top) * fy;
      }
    }
  }
}
