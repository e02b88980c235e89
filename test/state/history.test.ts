import { describe, expect, it } from 'vitest';
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
});
