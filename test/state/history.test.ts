import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readExperiment, writeExperimentFile } from '../../src/share/file.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
import { HistoryBuffer } from '../../src/state/history.ts';

describe('HistoryBuffer', () => {
  it('keeps one point per epoch until it is full', () => {
    const h = new HistoryBuffer(8);
    for (let e = 1; e <= 8; e++) h.add(e, { trainLoss: e / 10 });
    const pts = h.toArray();
    expect(pts.map((p) => p.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(pts[2]!.trainLoss).toBeCloseTo(0.3);
    expect(pts[2]!.testLoss).toBeNull();
    expect(h.bucket).toBe(1);
  });

  it('merges neighbours pairwise when full, so points stay evenly spaced and bounded', () => {
    const h = new HistoryBuffer(8);
    for (let e = 1; e <= 9; e++) h.add(e, { batchLoss: e });
    // 9 points > 8: pairs (1,2) (3,4) (5,6) (7,8) merged, 9 starts the next bucket of 2.
    expect(h.bucket).toBe(2);
    const pts = h.toArray();
    expect(pts.map((p) => p.epoch)).toEqual([1.5, 3.5, 5.5, 7.5, 9]);
    expect(pts.map((p) => p.batchLoss)).toEqual([1.5, 3.5, 5.5, 7.5, 9]);
    h.add(10, { batchLoss: 10 });
    expect(h.toArray().map((p) => p.epoch)).toEqual([1.5, 3.5, 5.5, 7.5, 9.5]);
  });

  it('never grows past max over a long run and never loses an epoch: the mean over all points is preserved', () => {
    const max = 1000;
    const h = new HistoryBuffer(max);
    const total = 100_003;
    let sum = 0;
    let longest = 0;
    for (let e = 1; e <= total; e++) {
      const v = Math.sin(e / 97) + 2;
      sum += v;
      h.add(e, { batchLoss: v });
      longest = Math.max(longest, h.length);
    }
    expect(longest).toBeLessThanOrEqual(max + 1);
    const pts = h.toArray();
    expect(pts.length).toBeGreaterThan(max / 2);
    expect(pts.length).toBeLessThanOrEqual(max + 1);
    // Weighted by the epochs each point stands for, the points sum to the raw sum.
    const b = h.bucket;
    const full = pts.slice(0, -1);
    const lastCount = total - full.length * b;
    const weighted = full.reduce((a, p) => a + p.batchLoss! * b, 0) + pts.at(-1)!.batchLoss! * lastCount;
    expect(weighted / sum).toBeCloseTo(1, 9);
    expect(pts.at(-1)!.epoch).toBeGreaterThan(total - b);
    // Evenly spaced
    for (let i = 1; i < full.length; i++) expect(full[i]!.epoch - full[i - 1]!.epoch).toBe(b);
  });

  it('averages only the epochs where a value was measured (evaluation stride, divergence)', () => {
    const h = new HistoryBuffer(2);
    h.add(1, { batchLoss: 1, testLoss: 0.5 });
    h.add(2, { batchLoss: 3, testLoss: NaN });
    h.add(3, { batchLoss: Infinity, testLoss: 0.25 });
    const [p] = h.toArray();
    expect(p!.batchLoss).toBe(2);
    expect(p!.testLoss).toBe(0.5);
    expect(h.toArray()[1]!.testLoss).toBe(0.25);
    expect(h.toArray()[1]!.batchLoss).toBeNull();
  });

  it('reads a snapshot history chunk and clears', () => {
    const h = new HistoryBuffer();
    const f = (...v: number[]) => Float64Array.from(v);
    h.addChunk({
      epochs: f(1, 2),
      batchLoss: f(0.9, 0.8),
      trainLoss: f(0.7, NaN),
      testLoss: f(0.75, NaN),
      trainAccuracy: f(0.5, NaN),
      testAccuracy: f(0.4, NaN),
    });
    expect(h.toArray()).toEqual([
      { epoch: 1, batchLoss: 0.9, trainLoss: 0.7, testLoss: 0.75, trainAccuracy: 0.5, testAccuracy: 0.4 },
      { epoch: 2, batchLoss: 0.8, trainLoss: null, testLoss: null, trainAccuracy: null, testAccuracy: null },
    ]);
    h.clear();
    expect(h.toArray()).toEqual([]);
    expect(h.bucket).toBe(1);
  });

  describe('save and load', () => {
    /** Epoch e's values as the worker records them: batch loss every epoch, the evaluation on a stride. */
    const values = (e: number) => {
      const evaluated = e % 3 === 0;
      return {
        batchLoss: Math.sin(e / 7) + 1.1 + e * 1e-3,
        trainLoss: evaluated ? 1 / (e + 0.3) : NaN,
        testLoss: evaluated ? 1 / (e + 0.7) : NaN,
        trainAccuracy: evaluated ? (e % 17) / 17 : NaN,
        testAccuracy: e % 5 === 0 ? 0.2 : NaN,
      };
    };
    const feed = (h: HistoryBuffer, from: number, to: number) => {
      for (let e = from; e <= to; e++) h.add(e, values(e));
    };

    it('a buffer restored from its saved form, then fed more epochs, equals one never interrupted, bit for bit', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 12 }),
          fc.integer({ min: 0, max: 200 }),
          fc.integer({ min: 0, max: 200 }),
          (max, cut, more) => {
            const whole = new HistoryBuffer(max);
            feed(whole, 1, cut + more);
            const first = new HistoryBuffer(max);
            feed(first, 1, cut);
            const restored = new HistoryBuffer(max);
            restored.load(first.save());
            expect(restored.save()).toEqual(first.save());
            expect(restored.bucket).toBe(first.bucket);
            feed(restored, cut + 1, cut + more);
            expect(restored.toArray()).toEqual(whole.toArray());
            expect(restored.save()).toEqual(whole.save());
            expect(restored.bucket).toBe(whole.bucket);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('the same through an experiment file (JSON): downsampled points keep their weights', () => {
      const whole = new HistoryBuffer();
      feed(whole, 1, 5000);
      const first = new HistoryBuffer();
      feed(first, 1, 3333);
      expect(first.bucket).toBeGreaterThan(1);
      const text = writeExperimentFile({ config: DEFAULT_CONFIG, epoch: 0, history: first.save() });
      const read = readExperiment(JSON.parse(text));
      if (!read.ok) throw new Error(read.error);
      const restored = new HistoryBuffer();
      restored.load(read.experiment.history);
      feed(restored, 3334, 5000);
      expect(restored.toArray()).toEqual(whole.toArray());
    });

    it('writes n and counts only where a point stands for more than one epoch or a value was not always measured', () => {
      const h = new HistoryBuffer(4);
      for (let e = 1; e <= 4; e++) h.add(e, { batchLoss: e, trainLoss: e % 2 === 0 ? e : NaN });
      expect(h.save()[0]).toEqual({
        epoch: 1,
        batchLoss: 1,
        trainLoss: null,
        testLoss: null,
        trainAccuracy: null,
        testAccuracy: null,
      });
      h.add(5, { batchLoss: 5, trainLoss: NaN });
      h.add(6, { batchLoss: 6, trainLoss: 6 });
      const [a, b, c] = h.save();
      expect(a).toMatchObject({ epoch: 1.5, batchLoss: 1.5, trainLoss: 2, n: 2 });
      expect(a!.counts).toEqual({ batchLoss: 2, trainLoss: 1, testLoss: 0, trainAccuracy: 0, testAccuracy: 0 });
      expect(b).toMatchObject({ n: 2 });
      expect(c).toEqual({
        epoch: 5.5,
        batchLoss: 5.5,
        trainLoss: 6,
        testLoss: null,
        trainAccuracy: null,
        testAccuracy: null,
        n: 2,
        counts: expect.any(Object),
      });
    });

    it('an older file without weights counts each point as one epoch, as it always did', () => {
      const h = new HistoryBuffer(4);
      h.load(
        [1, 2, 3, 4, 5].map((e) => ({
          epoch: e,
          batchLoss: e,
          trainLoss: null,
          testLoss: null,
          trainAccuracy: null,
          testAccuracy: null,
        })),
      );
      expect(h.bucket).toBe(2);
      expect(h.toArray().map((p) => [p.epoch, p.batchLoss])).toEqual([
        [1.5, 1.5],
        [3.5, 3.5],
        [5, 5],
      ]);
    });

    it('repairs weights that do not fit (a hand-edited file) instead of trusting them', () => {
      const h = new HistoryBuffer();
      h.load([
        {
          epoch: 2,
          batchLoss: 1,
          trainLoss: 3,
          testLoss: null,
          trainAccuracy: null,
          testAccuracy: null,
          n: 2,
          counts: { batchLoss: 9, trainLoss: 0, testLoss: 4, trainAccuracy: 0, testAccuracy: 0 },
        },
        { epoch: 4, batchLoss: 3, trainLoss: null, testLoss: null, trainAccuracy: null, testAccuracy: null, n: 0.5 },
      ]);
      // Counts clamped to [1, n] where a value is there, 0 where it is not; n not a whole number ≥ 1 → 1.
      expect(h.save()[0]!.counts).toEqual({
        batchLoss: 2,
        trainLoss: 1,
        testLoss: 0,
        trainAccuracy: 0,
        testAccuracy: 0,
      });
      expect(h.toArray().map((p) => p.epoch)).toEqual([2, 4]);
      h.add(5, { batchLoss: 5 });
      // The provisional point (epoch 4, one epoch) merges with epoch 5 into a full bucket of two.
      expect(h.toArray().map((p) => [p.epoch, p.batchLoss])).toEqual([
        [2, 1],
        [4.5, 4],
      ]);
    });
  });
});

describe('HistoryBuffer.truncated (Continue from here)', () => {
  const values = (e: number) => ({ trainLoss: 1 / (1 + e), testLoss: 2 / (1 + e) });

  it('while a point is one epoch: exactly the history up to the epoch, so going on gives the same buffer bit for bit', () => {
    const full = new HistoryBuffer(500);
    for (let e = 0; e <= 400; e++) full.add(e, values(e));
    const branch = new HistoryBuffer(500);
    branch.load(full.truncated(150));
    expect(branch.toArray().at(-1)!.epoch).toBe(150);
    for (let e = 151; e <= 400; e++) branch.add(e, values(e));
    expect(branch.save()).toEqual(full.save());
  });

  it('with bigger buckets: keeps only whole points that end by the epoch', () => {
    const full = new HistoryBuffer(8);
    for (let e = 0; e < 100; e++) full.add(e, values(e));
    const kept = full.truncated(50);
    const last = kept.at(-1)!;
    expect(last.epoch + ((last.n ?? 1) - 1) / 2).toBeLessThanOrEqual(50);
    expect(last.epoch + ((last.n ?? 1) - 1) / 2).toBeGreaterThan(50 - full.bucket);
    expect(kept.length).toBeLessThan(full.save().length);
  });
});
