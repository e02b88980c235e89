import { describe, expect, it } from 'vitest';
import {
  axisScale,
  epochAxis,
  formatEpochTick,
  formatValueTick,
  linePath,
  nearestIndex,
  thin,
  valueAxis,
  type ChartPoint,
} from '../../src/viz/lineChart.ts';

type P = ChartPoint<'trainLoss' | 'testLoss'>;
const h = (epoch: number, trainLoss: number | null, testLoss: number | null): P => ({ epoch, trainLoss, testLoss });
const BOTH = ['trainLoss', 'testLoss'] as const;

describe('chart thinning', () => {
  it('keeps at most max points, evenly spaced, always the last', () => {
    const pts = Array.from({ length: 1000 }, (_, i) => i);
    const t = thin(pts, 200);
    expect(t.length).toBeLessThanOrEqual(200);
    expect(t.at(-1)).toBe(999);
    expect(t[1]! - t[0]!).toBe(5);
    expect(thin([1, 2, 3], 200)).toEqual([1, 2, 3]);
  });
});

describe('chart axes', () => {
  it('linear: from 0 to a round value at or above the largest loss', () => {
    const pts = [h(1, 0.5, 0.62), h(250, 0.1, 0.2)];
    expect(epochAxis(pts)).toEqual({ domain: [0, 250], ticks: [0, 100, 200], log: false });
    const y = valueAxis(pts, BOTH, false);
    expect(y.domain[0]).toBe(0);
    expect(y.domain[1]).toBeGreaterThanOrEqual(0.62);
    expect(y.ticks.at(-1)).toBe(y.domain[1]);
  });

  it('log: whole decades around the positive losses, zeros ignored', () => {
    const y = valueAxis([h(1, 0.5, 0), h(2, 0.003, null)], BOTH, true);
    expect(y.domain).toEqual([0.001, 1]);
    expect(y.ticks).toEqual([0.001, 0.01, 0.1, 1]);
    expect(y.log).toBe(true);
  });

  it('at most five epoch ticks, with short labels', () => {
    expect(epochAxis([h(13307, 1, 1)]).ticks).toEqual([0, 5000, 10000]);
    expect([0, 2500, 10000, 125000, 1500000].map(formatEpochTick)).toEqual(['0', '2500', '10k', '125k', '1.5M']);
  });

  it('whole epochs only, a handful of loss ticks', () => {
    const a = [h(1, 0.7, 0.68)];
    expect(epochAxis(a).ticks).toEqual([0, 1]);
    const ya = valueAxis(a, BOTH, false);
    expect(ya.ticks.length).toBeLessThanOrEqual(6);
    expect(ya.domain[1]).toBeGreaterThanOrEqual(0.7);
    const yb = valueAxis([h(1, 0.492, 0.506)], BOTH, false);
    expect(yb.ticks.length).toBeLessThanOrEqual(6);
    expect(yb.ticks.at(-1)).toBe(yb.domain[1]);
    expect(yb.domain[1]).toBeGreaterThanOrEqual(0.506);
  });

  it('an empty or all-missing history still has axes', () => {
    expect(valueAxis([], ['trainLoss'], false).domain).toEqual([0, 1]);
    expect(valueAxis([h(1, null, Number.NaN)], BOTH, true).domain).toEqual([0.01, 1]);
    expect(epochAxis([]).domain).toEqual([0, 1]);
  });
});

describe('axisScale', () => {
  it('maps a linear domain onto pixels, either direction', () => {
    const x = axisScale({ domain: [0, 100], ticks: [], log: false }, 50, 250);
    expect([x(0), x(50), x(100)]).toEqual([50, 150, 250]);
    const y = axisScale({ domain: [0, 1], ticks: [], log: false }, 200, 0);
    expect([y(0), y(0.25), y(1)]).toEqual([200, 150, 0]);
  });

  it('spaces decades evenly on a log axis and has no place for values ≤ 0', () => {
    const y = axisScale({ domain: [0.001, 1], ticks: [], log: true }, 300, 0);
    expect(y(0.001)).toBeCloseTo(300);
    expect(y(0.01)).toBeCloseTo(200);
    expect(y(0.1)).toBeCloseTo(100);
    expect(y(1)).toBeCloseTo(0);
    expect(y(0)).toBeNaN();
    expect(y(-1)).toBeNaN();
  });

  it('a zero-width domain does not divide by zero', () => {
    const x = axisScale({ domain: [3, 3], ticks: [], log: false }, 0, 10);
    expect(Number.isFinite(x(3))).toBe(true);
  });
});

describe('linePath', () => {
  const x = (e: number) => e * 10;
  const y = (v: number) => 100 - v * 100;

  it('moves to the first point and draws lines through the rest, rounded to 0.1 px', () => {
    expect(linePath([h(1, 0.5, null), h(2, 0.25, null), h(3, 0.123456, null)], 'trainLoss', x, y)).toBe(
      'M10,50L20,75L30,87.7',
    );
  });

  it('skips missing and non-finite values and joins across them', () => {
    const pts = [h(1, 0.5, 0.5), h(2, null, 0.4), h(3, Number.NaN, 0.3), h(4, 0.1, Number.POSITIVE_INFINITY)];
    expect(linePath(pts, 'trainLoss', x, y)).toBe('M10,50L40,90');
    expect(linePath(pts, 'testLoss', x, y)).toBe('M10,50L20,60L30,70');
  });

  it('skips values the scale cannot place (≤ 0 on a log axis); empty when nothing is drawable', () => {
    const logY = axisScale({ domain: [0.01, 1], ticks: [], log: true }, 100, 0);
    expect(linePath([h(1, 0, null), h(2, 0.1, null)], 'trainLoss', x, logY)).toBe('M20,50');
    expect(linePath([h(1, null, null)], 'trainLoss', x, y)).toBe('');
    expect(linePath([], 'trainLoss', x, y)).toBe('');
  });
});

describe('nearestIndex', () => {
  const pts = [1, 5, 9, 20].map((e) => ({ epoch: e }));
  it('finds the point with the nearest epoch, the earlier one on a tie', () => {
    expect(nearestIndex(pts, 0)).toBe(0);
    expect(nearestIndex(pts, 2.9)).toBe(0);
    expect(nearestIndex(pts, 3)).toBe(0);
    expect(nearestIndex(pts, 3.1)).toBe(1);
    expect(nearestIndex(pts, 9)).toBe(2);
    expect(nearestIndex(pts, 15)).toBe(3);
    expect(nearestIndex(pts, 1e9)).toBe(3);
  });
  it('-1 when there are no points', () => {
    expect(nearestIndex([], 4)).toBe(-1);
  });
});

describe('formatValueTick', () => {
  const lin = (ticks: number[]) => ({ domain: [ticks[0]!, ticks.at(-1)!] as [number, number], ticks, log: false });
  const log = { domain: [1e-5, 10] as [number, number], ticks: [], log: true };

  it('labels log decades briefly, with exponents beyond 0.001 and 10⁵', () => {
    expect([10, 1, 0.1, 0.01, 0.001, 1e-4, 1e-5, 1e5].map((v) => formatValueTick(v, log))).toEqual([
      '10',
      '1',
      '0.1',
      '0.01',
      '0.001',
      '1e−4',
      '1e−5',
      '1e5',
    ]);
  });

  it('gives linear ticks the decimals their step needs', () => {
    expect([0, 0.25, 0.5, 0.75].map((v) => formatValueTick(v, lin([0, 0.25, 0.5, 0.75])))).toEqual([
      '0',
      '0.25',
      '0.50',
      '0.75',
    ]);
    expect([0, 0.2, 0.4].map((v) => formatValueTick(v, lin([0, 0.2, 0.4])))).toEqual(['0', '0.2', '0.4']);
    expect([0, 5000, 10000].map((v) => formatValueTick(v, lin([0, 5000, 10000])))).toEqual(['0', '5000', '10000']);
    expect(formatValueTick(2e6, lin([0, 1e6, 2e6]))).toBe('2e6');
    expect(formatValueTick(-0.5, lin([-0.5, 0, 0.5]))).toBe('−0.5');
  });

  it('fits the axis: no label longer than six characters for the axes a loss gets', () => {
    for (const [lo, hi] of [
      [1e-9, 1],
      [0.3, 0.7],
      [0, 123456],
      [0, 0.004],
    ] as const) {
      const y = valueAxis([{ epoch: 1, trainLoss: lo, testLoss: hi }], BOTH, false);
      for (const t of y.ticks) expect(formatValueTick(t, y).length).toBeLessThanOrEqual(6);
      const l = valueAxis([{ epoch: 1, trainLoss: lo, testLoss: hi }], BOTH, true);
      for (const t of l.ticks) expect(formatValueTick(t, l).length).toBeLessThanOrEqual(6);
    }
  });
});
