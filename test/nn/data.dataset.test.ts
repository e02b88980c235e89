import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  datasetFromPoints,
  generateDataset,
  problemOf,
  splitDataset,
  targets,
  type Dataset,
} from '../../src/nn/data.ts';
import { DATASETS } from '../../src/nn/types.ts';

/** The (x, y, label) triples of a dataset, as strings, to compare sets of points. */
function rows(ds: Dataset): string[] {
  return Array.from({ length: ds.n }, (_, i) => `${ds.points[2 * i]},${ds.points[2 * i + 1]},${ds.labels[i]}`);
}

describe('problemOf', () => {
  it('names the problem of every dataset', () => {
    expect(problemOf('circle')).toBe('classification');
    expect(problemOf('xorTable')).toBe('classification');
    expect(problemOf('heart')).toBe('classification');
    expect(problemOf('regPlane')).toBe('regression');
    expect(problemOf('regGauss')).toBe('regression');
    expect(problemOf('blobs')).toBe('multiclass');
    expect(problemOf('multiSpiral')).toBe('multiclass');
    expect(problemOf('custom')).toBe('classification');
    expect(problemOf('custom', 'regression')).toBe('regression');
    for (const d of DATASETS) expect(['classification', 'regression', 'multiclass']).toContain(problemOf(d));
  });
});

describe('splitDataset', () => {
  const ds = generateDataset('circle', { samples: 500, noise: 10, seed: 1 });

  it('splits by the percentage into disjoint parts that together are the dataset', () => {
    const { train, test } = splitDataset(ds, 50, 1);
    expect(train.n).toBe(250);
    expect(test.n).toBe(250);
    expect(train.points.length).toBe(500);
    expect(test.labels.length).toBe(250);
    expect([...rows(train), ...rows(test)].sort()).toEqual(rows(ds).sort());
    const trainSet = new Set(rows(train));
    expect(rows(test).filter((r) => trainSet.has(r))).toEqual([]);
    expect(train.problem).toBe('classification');
    expect(test.classes).toBe(2);
  });

  it('rounds n·p/100 and keeps one point on each side when n ≥ 2, below 100%', () => {
    expect(splitDataset(ds, 10, 1).train.n).toBe(50);
    expect(splitDataset(ds, 90, 1).test.n).toBe(50);
    expect(splitDataset(ds, 33, 1).train.n).toBe(165);
    const four = generateDataset('xorTable', { samples: 4, noise: 0, seed: 0 });
    expect(splitDataset(four, 10, 1).train.n).toBe(1);
    expect(splitDataset(four, 90, 1).test.n).toBe(1);
    expect(splitDataset(four, 0, 1).train.n).toBe(1);
    expect(splitDataset(four, 99, 1).test.n).toBe(1);
    const two = datasetFromPoints(
      [
        { x: 0, y: 0, label: 0 },
        { x: 1, y: 1, label: 1 },
      ],
      'classification',
      2,
    );
    expect([splitDataset(two, 50, 3).train.n, splitDataset(two, 50, 3).test.n]).toEqual([1, 1]);
    const empty = datasetFromPoints([], 'classification', 2);
    expect([splitDataset(empty, 50, 3).train.n, splitDataset(empty, 50, 3).test.n]).toEqual([0, 0]);
  });

  it('at 100% trains on every point and leaves the test set empty', () => {
    const four = generateDataset('xorTable', { samples: 4, noise: 0, seed: 0 });
    const { train, test } = splitDataset(four, 100, 1);
    expect(train.n).toBe(4);
    expect(rows(train).sort()).toEqual(rows(four).sort());
    expect(test.n).toBe(0);
    expect(test.points.length).toBe(0);
    expect(splitDataset(ds, 100, 1).train.n).toBe(500);
  });

  it('is seeded: same seed → same split, another seed → another', () => {
    const a = splitDataset(ds, 50, 7);
    const b = splitDataset(ds, 50, 7);
    const c = splitDataset(ds, 50, 8);
    expect(b.train.points).toEqual(a.train.points);
    expect(b.test.labels).toEqual(a.test.labels);
    expect(c.train.points).not.toEqual(a.train.points);
  });

  it('mixes the classes into both sides (the generator output is not split in class order)', () => {
    const { train } = splitDataset(ds, 50, 1);
    const ones = Array.from(train.labels).filter((l) => l === 1).length;
    expect(ones).toBeGreaterThan(80);
    expect(ones).toBeLessThan(170);
  });

  it('rejects a non-finite percentage or seed', () => {
    expect(() => splitDataset(ds, NaN, 1)).toThrow(/trainPercent/);
    expect(() => splitDataset(ds, 50, NaN)).toThrow(/seed/);
  });

  it('property: sizes add up and each side is non-empty for n ≥ 2', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 200 }), fc.integer({ min: 10, max: 90 }), fc.integer(), (n, p, seed) => {
        const d = generateDataset('xor', { samples: n, noise: 0, seed });
        const { train, test } = splitDataset(d, p, seed);
        return train.n + test.n === n && train.n >= 1 && test.n >= 1 && Math.abs(train.n - (n * p) / 100) <= 1;
      }),
      { numRuns: 100 },
    );
  });
});

describe('datasetFromPoints', () => {
  it('builds a dataset from given points', () => {
    const ds = datasetFromPoints(
      [
        { x: 1, y: -2, label: 1 },
        { x: -6, y: 6, label: 0 },
      ],
      'classification',
      5, // ignored: binary classification has 2 classes
    );
    expect(Array.from(ds.points)).toEqual([1, -2, -6, 6]);
    expect(Array.from(ds.labels)).toEqual([1, 0]);
    expect(ds).toMatchObject({ n: 2, problem: 'classification', classes: 2 });
    const reg = datasetFromPoints([{ x: 0, y: 0, label: -0.25 }], 'regression', 3);
    expect(reg).toMatchObject({ n: 1, problem: 'regression', classes: 1 });
    expect(reg.labels[0]).toBe(-0.25);
    const multi = datasetFromPoints([{ x: 0, y: 0, label: 3 }], 'multiclass', 4);
    expect(multi.classes).toBe(4);
  });

  it('names the bad point', () => {
    const good = { x: 0, y: 0, label: 0 };
    const bad =
      (p: { x: number; y: number; label: number }, problem = 'classification' as const, k = 2) =>
      () =>
        datasetFromPoints([good, good, p], problem, k);
    expect(bad({ x: NaN, y: 0, label: 0 })).toThrow(/Point 2.*finite/);
    expect(bad({ x: 0, y: Infinity, label: 0 })).toThrow(/Point 2.*finite/);
    expect(bad({ x: 7, y: 0, label: 0 })).toThrow(/Point 2.*outside/);
    expect(bad({ x: 0, y: 0, label: 2 })).toThrow(/Point 2.*label/);
    expect(bad({ x: 0, y: 0, label: 0.5 })).toThrow(/Point 2.*label/);
    expect(bad({ x: 0, y: 0, label: -1 })).toThrow(/Point 2.*label/);
    expect(bad({ x: 0, y: 0, label: NaN })).toThrow(/Point 2.*label/);
    expect(bad({ x: '1' as unknown as number, y: 0, label: 0 })).toThrow(/Point 2/);
    expect(() => datasetFromPoints([good, { x: 0, y: 0, label: 4 }], 'multiclass', 4)).toThrow(/Point 1.*0\.\.3/);
    expect(() => datasetFromPoints([good, { x: 0, y: 0, label: Infinity }], 'regression', 1)).toThrow(/Point 1/);
    expect(() => datasetFromPoints([good], 'multiclass', 7)).toThrow(/classes/);
    expect(() => datasetFromPoints([good, null as unknown as typeof good], 'regression', 1)).toThrow(/Point 1/);
  });
});

describe('targets', () => {
  const binary = datasetFromPoints(
    [
      { x: 0, y: 0, label: 1 },
      { x: 1, y: 0, label: 0 },
      { x: 0, y: 1, label: 1 },
    ],
    'classification',
    2,
  );
  const multi = datasetFromPoints(
    [
      { x: 0, y: 0, label: 2 },
      { x: 1, y: 0, label: 0 },
    ],
    'multiclass',
    3,
  );
  const reg = datasetFromPoints(
    [
      { x: 0, y: 0, label: -0.5 },
      { x: 1, y: 0, label: 1 },
    ],
    'regression',
    1,
  );

  it('tanh: ±1; sigmoid: 0/1; linear: the label; softmax: one-hot', () => {
    expect(Array.from(targets(binary, 'tanh'))).toEqual([1, -1, 1]);
    expect(Array.from(targets(binary, 'sigmoid'))).toEqual([1, 0, 1]);
    expect(Array.from(targets(binary, 'linear'))).toEqual([1, 0, 1]);
    expect(Array.from(targets(binary, 'softmax'))).toEqual([0, 1, 1, 0, 0, 1]);
    expect(Array.from(targets(multi, 'softmax'))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(Array.from(targets(reg, 'linear'))).toEqual([-0.5, 1]);
    expect(Array.from(targets(reg, 'tanh'))).toEqual([-0.5, 1]);
    expect(Array.from(targets(reg, 'sigmoid'))).toEqual([0.25, 1]);
  });

  it('rejects outputs that cannot represent the labels', () => {
    expect(() => targets(multi, 'tanh')).toThrow(/softmax/);
    expect(() => targets(multi, 'linear')).toThrow(/softmax/);
    expect(() => targets(reg, 'softmax')).toThrow(/regression/);
  });

  it('a generated multiclass set gives rows that each sum to 1', () => {
    const ds = generateDataset('blobs', { samples: 60, noise: 0, seed: 2, classes: 5 });
    const t = targets(ds, 'softmax');
    expect(t.length).toBe(60 * 5);
    for (let i = 0; i < ds.n; i++) {
      const row = Array.from(t.subarray(i * 5, i * 5 + 5));
      expect(row.reduce((a, b) => a + b, 0)).toBe(1);
      expect(row[ds.labels[i]!]).toBe(1);
    }
  });
});
