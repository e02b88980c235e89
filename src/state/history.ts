/**
 * The loss history for the chart: bounded and downsampled, never dropped at random.
 *
 * Each point averages `bucket` consecutive epochs (its epoch is their mean epoch, each value the
 * mean of the finite values recorded in them, null when there were none). The buffer starts at one
 * epoch per point; when it would hold more than `max` points it merges neighbours pairwise and the
 * bucket doubles, so the points stay evenly spaced and their number stays in (max/2, max].
 * The points not yet filling a bucket show as one provisional last point.
 */
import type { HistoryPoint } from '../share/file.ts';
import type { HistoryChunk } from '../worker/protocol.ts';

export type { HistoryPoint };

/** Points the chart gets at most: more than a chart can show, few enough for a cheap re-render. */
export const MAX_HISTORY = 500;

const FIELDS = ['batchLoss', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const;
const F = FIELDS.length;

/** Sums and counts of one point. */
interface Acc {
  n: number;
  epochSum: number;
  sum: Float64Array; // F
  count: Float64Array; // F
}

function emptyAcc(): Acc {
  return { n: 0, epochSum: 0, sum: new Float64Array(F), count: new Float64Array(F) };
}

function mergeInto(a: Acc, b: Acc): void {
  a.n += b.n;
  a.epochSum += b.epochSum;
  for (let f = 0; f < F; f++) {
    a.sum[f]! += b.sum[f]!;
    a.count[f]! += b.count[f]!;
  }
}

function toPoint(a: Acc): HistoryPoint {
  const v = (f: number) => (a.count[f]! > 0 ? a.sum[f]! / a.count[f]! : null);
  return {
    epoch: a.epochSum / a.n,
    batchLoss: v(0),
    trainLoss: v(1),
    testLoss: v(2),
    trainAccuracy: v(3),
    testAccuracy: v(4),
  };
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
    p.n += 1;
    p.epochSum += epoch;
    for (let f = 0; f < F; f++) {
      const x = values[FIELDS[f]!];
      if (typeof x === 'number' && Number.isFinite(x)) {
        p.sum[f]! += x;
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
