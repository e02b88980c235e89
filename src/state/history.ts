/**
 * The loss history for the chart: bounded and downsampled, never dropped at random.
 *
 * Each point averages `n` consecutive epochs (its epoch is their mean epoch, each value the
 * mean of the finite values recorded in them, null when there were none). The buffer starts at one
 * epoch per point; when it would hold more than `max` points it merges neighbours pairwise and the
 * bucket doubles, so the points stay evenly spaced and their number stays in (max/2, max].
 * The points not yet filling a bucket show as one provisional last point.
 *
 * A point's state is its means and their counts (not sums), so the saved form (`save()`: the points
 * with `n` and `counts`, see src/share/file.ts) is the whole state: `load(save())` then more epochs
 * gives exactly, bit for bit, what the buffer would have held without the interruption.
 */
import type { HistoryCounts, HistoryPoint } from '../share/file.ts';
import type { HistoryChunk } from '../worker/protocol.ts';

export type { HistoryPoint };

/** Points the chart gets at most: more than a chart can show, few enough for a cheap re-render. */
export const MAX_HISTORY = 500;

const FIELDS = ['batchLoss', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const;
const F = FIELDS.length;

/** Means and counts of one point. */
interface Acc {
  /** Epochs in the point, and their mean. */
  n: number;
  epoch: number;
  mean: Float64Array; // F, meaningful where count > 0
  count: Float64Array; // F
}

function emptyAcc(): Acc {
  return { n: 0, epoch: 0, mean: new Float64Array(F), count: new Float64Array(F) };
}

/** The mean of (ma over ca values) and (mb over cb values); one side's mean as it is when the other is empty. */
function pooled(ma: number, ca: number, mb: number, cb: number): number {
  if (ca === 0) return mb;
  if (cb === 0) return ma;
  return (ma * ca + mb * cb) / (ca + cb);
}

function mergeInto(a: Acc, b: Acc): void {
  a.epoch = pooled(a.epoch, a.n, b.epoch, b.n);
  a.n += b.n;
  for (let f = 0; f < F; f++) {
    a.mean[f] = pooled(a.mean[f]!, a.count[f]!, b.mean[f]!, b.count[f]!);
    a.count[f]! += b.count[f]!;
  }
}

function toPoint(a: Acc): HistoryPoint {
  const v = (f: number) => (a.count[f]! > 0 ? a.mean[f]! : null);
  return {
    epoch: a.epoch,
    batchLoss: v(0),
    trainLoss: v(1),
    testLoss: v(2),
    trainAccuracy: v(3),
    testAccuracy: v(4),
  };
}

/** The saved form of a point: `n` only when not 1, `counts` only when some value's count is not `n`. */
function toSaved(a: Acc): HistoryPoint {
  const p: HistoryPoint = toPoint(a);
  if (a.n !== 1) p.n = a.n;
  let plain = true;
  for (let f = 0; f < F; f++) if (a.count[f]! !== 0 && a.count[f]! !== a.n) plain = false;
  if (!plain) {
    const counts = {} as HistoryCounts;
    for (let f = 0; f < F; f++) counts[FIELDS[f]!] = a.count[f]!;
    p.counts = counts;
  }
  return p;
}

/**
 * A saved point back into means and counts. Untrusted (a file): `n` a whole number ≥ 1 (else 1); a
 * value's count defaults to `n`, is clamped to [1, n] when the value is there and 0 when it is not.
 */
function fromSaved(p: HistoryPoint): Acc | null {
  if (!Number.isFinite(p.epoch)) return null;
  const n = typeof p.n === 'number' && Number.isInteger(p.n) && p.n >= 1 ? p.n : 1;
  const a: Acc = { n, epoch: p.epoch, mean: new Float64Array(F), count: new Float64Array(F) };
  for (let f = 0; f < F; f++) {
    const key = FIELDS[f]!;
    const x = p[key];
    if (typeof x !== 'number' || !Number.isFinite(x)) continue;
    const c = p.counts?.[key];
    a.mean[f] = x;
    a.count[f] = typeof c === 'number' && Number.isFinite(c) ? Math.min(n, Math.max(1, Math.round(c))) : n;
  }
  return a;
}

export class HistoryBuffer {
  readonly max: number;
  private accs: Acc[] = [];
  private points: HistoryPoint[] = [];
  private pending: Acc = emptyAcc();
  private bucketSize = 1;

  constructor(max: number = MAX_HISTORY) {
    if (!Number.isInteger(max) || max < 2) throw new RangeError(`max must be an integer ≥ 2, got ${max}`);
    this.max = max;
  }

  /** Raw epochs per complete point. */
  get bucket(): number {
    return this.bucketSize;
  }

  /** Number of points toArray() returns. */
  get length(): number {
    return this.points.length + (this.pending.n > 0 ? 1 : 0);
  }

  clear(): void {
    this.accs = [];
    this.points = [];
    this.pending = emptyAcc();
    this.bucketSize = 1;
  }

  /** One epoch's values (non-finite values count as not measured). */
  add(epoch: number, values: Partial<Record<(typeof FIELDS)[number], number | null>>): void {
    if (!Number.isFinite(epoch)) return;
    const p = this.pending;
    p.epoch = pooled(p.epoch, p.n, epoch, 1);
    p.n += 1;
    for (let f = 0; f < F; f++) {
      const x = values[FIELDS[f]!];
      if (typeof x === 'number' && Number.isFinite(x)) {
        p.mean[f] = pooled(p.mean[f]!, p.count[f]!, x, 1);
        p.count[f]! += 1;
      }
    }
    if (p.n >= this.bucketSize) this.commit();
  }

  addChunk(c: HistoryChunk): void {
    for (let i = 0; i < c.epochs.length; i++) {
      this.add(c.epochs[i]!, {
        batchLoss: c.batchLoss[i]!,
        trainLoss: c.trainLoss[i]!,
        testLoss: c.testLoss[i]!,
        trainAccuracy: c.trainAccuracy[i]!,
        testAccuracy: c.testAccuracy[i]!,
      });
    }
  }

  /** The points, oldest first; a new array each call (safe to hand to React). */
  toArray(): HistoryPoint[] {
    const out = this.points.slice();
    if (this.pending.n > 0) out.push(toPoint(this.pending));
    return out;
  }

  /** The points with their weights (`n`, `counts`): the whole state, for a file or a restart. */
  save(): HistoryPoint[] {
    const out = this.accs.map(toSaved);
    if (this.pending.n > 0) out.push(toSaved(this.pending));
    return out;
  }

  /**
   * Start again from saved points: exactly the saved buffer when they come from save() (the first
   * point's `n` is the bucket; a last point with fewer epochs is the provisional one). Points without
   * weights (older files) count one epoch each and are downsampled as they come, like epochs.
   */
  load(points: readonly HistoryPoint[]): void {
    this.clear();
    const accs: Acc[] = [];
    for (const p of points) {
      const a = fromSaved(p);
      if (a) accs.push(a);
    }
    if (accs.length === 0) return;
    this.bucketSize = accs[0]!.n;
    for (const a of accs) {
      mergeInto(this.pending, a);
      if (this.pending.n >= this.bucketSize) this.commit();
    }
  }

  /**
   * The saved points (as save()) of the epochs up to `epoch` only, for a run that branches there
   * ("Continue from here"). A point holds consecutive epochs around its mean epoch, so its last
   * is epoch + (n − 1)/2; a point reaching past `epoch` is left out whole, so up to one bucket of
   * epochs before `epoch` goes with it (none while a point is one epoch: the first 500).
   */
  truncated(epoch: number): HistoryPoint[] {
    return this.save().filter((p) => p.epoch + ((p.n ?? 1) - 1) / 2 <= epoch + 1e-9);
  }

  private commit(): void {
    this.accs.push(this.pending);
    this.points.push(toPoint(this.pending));
    this.pending = emptyAcc();
    if (this.accs.length > this.max) this.compact();
  }

  /** Merge neighbours pairwise; an odd last point becomes the start of the next (larger) bucket. */
  private compact(): void {
    const old = this.accs;
    const merged: Acc[] = [];
    for (let i = 0; i + 1 < old.length; i += 2) {
      const a = old[i]!;
      mergeInto(a, old[i + 1]!);
      merged.push(a);
    }
    if (old.length % 2 === 1) this.pending = old[old.length - 1]!;
    this.accs = merged;
    this.points = merged.map(toPoint);
    this.bucketSize *= 2;
  }
}
