/**
 * The replay timeline's checkpoints, kept in the worker: the weights and trainer state of a run at
 * log-spaced epochs, at most MAX_CHECKPOINTS. Each holds what the next epoch depends on (params,
 * shuffle RNG, data order, optimizer moments: see src/nn/training.ts TrainerState), so a run
 * restarted from one continues exactly as the original did ("Continue from here").
 *
 * Spacing: a checkpoint is taken after an epoch at least GROWTH (2%) past the last one (so every
 * epoch early on); past MAX_CHECKPOINTS the one whose removal leaves the smallest gap in
 * log(1 + epoch) goes, never the first or the last. The spacing stays about even on a log axis
 * however long the run goes.
 *
 * Memory per checkpoint: params P, moments m and v (P each) as Float64 and the order N as Int32:
 * 24·P + 4·N bytes. The largest network (9 features, 8 hidden layers of 16, 1 output: P = 2081)
 * with the most training points (N = 2000): 57,944 bytes, so 256 checkpoints ≈ 14.8 MB
 * (checkpointBytes(); docs/replay-and-history.md).
 */
import { predictGrid } from '../nn/grid.ts';
import type { Built, GridSizes } from './build.ts';
import { confusionCounter } from './confusion.ts';
import type { RunId, Snapshot, TrainerState, WorkerEvent } from './protocol.ts';

export const MAX_CHECKPOINTS = 256;
const GROWTH = 0.02;

export interface Checkpoint {
  epoch: number;
  params: Float64Array;
  rng: number;
  order: Int32Array;
  m: Float64Array;
  v: Float64Array;
  t: number;
}

/** Bytes one checkpoint of a network of P parameters and N training points takes (its arrays). */
export function checkpointBytes(p: number, n: number): number {
  return 3 * 8 * p + 4 * n;
}

/** The trainer state a checkpoint holds, in the protocol's plain-array form. */
export function trainerStateOf(c: Checkpoint): TrainerState {
  return { rng: c.rng, order: Array.from(c.order), optimizer: { m: Array.from(c.m), v: Array.from(c.v), t: c.t } };
}

/** Log-spaced checkpoints of one run (see the module comment). */
export class CheckpointStore {
  readonly max: number;
  private list: Checkpoint[];

  constructor(initial: readonly Checkpoint[] = [], max = MAX_CHECKPOINTS) {
    this.max = max;
    this.list = initial.slice(-max);
  }

  get epochs(): number[] {
    return this.list.map((c) => c.epoch);
  }

  get length(): number {
    return this.list.length;
  }

  /** Whether a checkpoint is due after `epoch`. */
  due(epoch: number): boolean {
    const last = this.list.at(-1);
    return !last || epoch >= last.epoch + Math.max(1, last.epoch * GROWTH);
  }

  take(epoch: number, params: Float64Array, trainer: TrainerState): void {
    const last = this.list.at(-1);
    if (last && last.epoch >= epoch) return;
    this.list.push({
      epoch,
      params: params.slice(),
      rng: trainer.rng,
      order: Int32Array.from(trainer.order),
      m: Float64Array.from(trainer.optimizer.m),
      v: Float64Array.from(trainer.optimizer.v),
      t: trainer.optimizer.t,
    });
    if (this.list.length > this.max) this.thin();
  }

  /** The oldest checkpoint: the run's starting weights (never thinned away). */
  get first(): Checkpoint | undefined {
    return this.list[0];
  }

  at(epoch: number): Checkpoint | undefined {
    return this.list.find((c) => c.epoch === epoch);
  }

  /** The checkpoints up to and including `epoch` (a branch keeps them). */
  upTo(epoch: number): Checkpoint[] {
    return this.list.filter((c) => c.epoch <= epoch);
  }

  private thin(): void {
    const l = this.list;
    let best = -1;
    let bestGap = Infinity;
    for (let i = 1; i < l.length - 1; i++) {
      const gap = Math.log1p(l[i + 1]!.epoch) - Math.log1p(l[i - 1]!.epoch);
      if (gap < bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    if (best > 0) l.splice(best, 1);
  }
}

/**
 * The run as it was at checkpoint `c`, as a snapshot (status 'paused', no history): the output and
 * thumbnail grids, both sets' losses and accuracies and the confusion counts computed with its weights. The
 * network's own weights are put back afterwards, so the run is untouched.
 */
export function checkpointSnapshot(b: Built, grids: GridSizes, runId: RunId, c: Checkpoint): Snapshot {
  const { net, info, trainer } = b;
  const saved = net.params.slice();
  net.params.set(c.params);
  try {
    const sizes = info.sizes;
    const k = sizes[sizes.length - 1]!;
    const hiddenUnits = sizes.slice(1, -1).reduce((a, n) => a + n, 0);
    const outputGrid = new Float32Array(grids.output * grids.output * k);
    const small = new Float32Array(grids.hidden * grids.hidden * k);
    const hiddenGrids = new Float32Array(grids.hidden * grids.hidden * hiddenUnits);
    predictGrid(net, info.features, info.region, grids.hidden, small, hiddenGrids);
    predictGrid(net, info.features, info.region, grids.output, outputGrid);
    // The confusion matrix as the live run counted it at that epoch (snapshot.ts): the test set, or the training set without one.
    const set = b.test.n > 0 ? 'test' : 'train';
    const confusion = b.problem === 'regression' ? null : new Int32Array(b.classes * b.classes);
    const counting = confusion ? confusionCounter(b, set, confusion) : null;
    counting?.begin();
    const tr = trainer.evaluate(b.train, set === 'train' ? counting?.visit : undefined);
    const te = b.test.n > 0 ? trainer.evaluate(b.test, counting?.visit) : { loss: NaN, accuracy: null };
    const empty = new Float64Array(0);
    return {
      runId,
      seq: 0,
      status: 'paused',
      epoch: c.epoch,
      trainLoss: tr.loss,
      testLoss: te.loss,
      trainAccuracy: tr.accuracy,
      testAccuracy: te.accuracy,
      history: {
        epochs: empty,
        batchLoss: empty.slice(),
        trainLoss: empty.slice(),
        testLoss: empty.slice(),
        trainAccuracy: empty.slice(),
        testAccuracy: empty.slice(),
      },
      params: c.params.slice(),
      outputGrid,
      hiddenGrids,
      confusion,
      confusionSet: set,
      saturation: null,
      epochsPerSecond: 0,
      trainer: trainerStateOf(c),
    };
  } finally {
    net.params.set(saved);
  }
}

/**
 * One run's checkpoints with what the run loop needs of them: take one when due after an epoch,
 * announce the list when it changed (before the next snapshot), answer a request to view one.
 */
export class CheckpointKeeper {
  readonly store: CheckpointStore;
  private changed = true;
  private readonly b: Built;
  private readonly grids: GridSizes;
  private readonly post: (event: WorkerEvent, transfer: ArrayBuffer[]) => void;

  constructor(
    b: Built,
    grids: GridSizes,
    post: (event: WorkerEvent, transfer: ArrayBuffer[]) => void,
    initial?: readonly Checkpoint[],
  ) {
    this.b = b;
    this.grids = grids;
    this.post = post;
    this.store = new CheckpointStore(initial);
  }

  /** After an epoch trained (or at the start): keep a checkpoint when one is due. */
  afterEpoch(): void {
    const epoch = this.b.trainer.epochCount;
    if (!this.store.due(epoch)) return;
    this.store.take(epoch, this.b.net.params, this.b.trainer.saveState());
    this.changed = true;
  }

  /** Post the list of checkpoint epochs if it changed since the last time. */
  announce(): void {
    if (!this.changed) return;
    this.changed = false;
    this.post({ type: 'checkpoints', runId: this.b.info.runId, epochs: this.store.epochs }, []);
  }

  /** Answer a 'viewCheckpoint': the run at that checkpoint, or a null snapshot when there is none. */
  view(epoch: number, requestId: number): void {
    const runId = this.b.info.runId;
    const c = this.store.at(epoch);
    const snapshot = c ? checkpointSnapshot(this.b, this.grids, runId, c) : null;
    const transfer = snapshot
      ? ([snapshot.params.buffer, snapshot.outputGrid.buffer, snapshot.hiddenGrids.buffer] as ArrayBuffer[])
      : [];
    this.post({ type: 'checkpoint', runId, requestId, epoch, snapshot }, transfer);
  }
}
