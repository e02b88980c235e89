import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDataset, problemOf, type Dataset, type GeneratedDatasetName } from '../../src/nn/data.ts';
import { DATASETS, DOMAIN, LIMITS } from '../../src/nn/types.ts';

const GENERATED = DATASETS.filter((d): d is GeneratedDatasetName => d !== 'custom');
const RANDOM = GENERATED.filter((d) => d !== 'xorTable');
/** Label noise: points stay, labels flip. Position noise: points move. */
const LABEL_NOISE: GeneratedDatasetName[] = ['circle', 'xor', 'checkerboard', 'rings', 'heart', 'regPlane', 'regGauss'];
const POSITION_NOISE: GeneratedDatasetName[] = ['gauss', 'spiral', 'moons', 'blobs', 'multiSpiral'];
/** Sets that give each class exactly its share of the points (at any noise for position noise). */
const BALANCED_AT_ZERO: GeneratedDatasetName[] = [
  'circle',
  'gauss',
  'spiral',
  'moons',
  'checkerboard',
  'rings',
  'heart',
];

function counts(ds: Dataset): number[] {
  const c = new Array<number>(ds.classes).fill(0);
  for (const l of ds.labels) c[l] = (c[l] ?? 0) + 1;
  return c;
}

function expectValid(ds: Dataset, name: GeneratedDatasetName, samples: number, classes = 3): void {
  const problem = problemOf(name);
  expect(ds.problem).toBe(problem);
  expect(ds.n).toBe(name === 'xorTable' ? 4 : samples);
  expect(ds.points.length).toBe(ds.n * 2);
  expect(ds.labels.length).toBe(ds.n);
  expect(ds.classes).toBe(problem === 'regression' ? 1 : problem === 'multiclass' ? classes : 2);
  const badPoints = Array.from(ds.points).filter((v) => !(Math.abs(v) <= DOMAIN));
  expect(badPoints).toEqual([]);
  const badLabels = Array.from(ds.labels).filter((l) =>
    problem === 'regression' ? !(l >= -1 && l <= 1) : !(Number.isInteger(l) && l >= 0 && l < ds.classes),
  );
  expect(badLabels).toEqual([]);
}

describe('generateDataset', () => {
  it('noise kinds cover every random set', () => {
    expect([...LABEL_NOISE, ...POSITION_NOISE].sort()).toEqual([...RANDOM].sort());
  });

  describe.each(RANDOM)('%s', (name) => {
    it('is valid: count, points in the plane, labels in range (noise 0 and 50)', () => {
      for (const noise of [0, 50]) expectValid(generateDataset(name, { samples: 300, noise, seed: 5 }), name, 300);
    });

    it('same seed → identical arrays; another seed → different points', () => {
      const a = generateDataset(name, { samples: 200, noise: 20, seed: 42 });
      const b = generateDataset(name, { samples: 200, noise: 20, seed: 42 });
      const c = generateDataset(name, { samples: 200, noise: 20, seed: 43 });
      expect(b.points).toEqual(a.points);
      expect(b.labels).toEqual(a.labels);
      expect(c.points).not.toEqual(a.points);
    });

    it('noise 50 changes the data', () => {
      const a = generateDataset(name, { samples: 400, noise: 0, seed: 9 });
      const b = generateDataset(name, { samples: 400, noise: 50, seed: 9 });
      if (LABEL_NOISE.includes(name)) {
        // Label noise: the same points, some labels changed.
        expect(b.points).toEqual(a.points);
        expect(b.labels).not.toEqual(a.labels);
      } else {
        expect(b.points).not.toEqual(a.points);
      }
    });

    it('handles an odd sample count exactly', () => {
      expectValid(generateDataset(name, { samples: 7, noise: 10, seed: 1 }), name, 7);
    });
  });

  it.each(BALANCED_AT_ZERO)('%s is balanced at noise 0 (odd n: class 1 gets the extra point)', (name) => {
    expect(counts(generateDataset(name, { samples: 500, noise: 0, seed: 3 }))).toEqual([250, 250]);
    expect(counts(generateDataset(name, { samples: 101, noise: 0, seed: 3 }))).toEqual([50, 51]);
  });

  it.each(['gauss', 'spiral', 'moons'] as const)('%s stays balanced at noise 50 (position noise)', (name) => {
    expect(counts(generateDataset(name, { samples: 500, noise: 50, seed: 3 }))).toEqual([250, 250]);
  });

  it('xor is roughly balanced (uniform points)', () => {
    const [c0, c1] = counts(generateDataset('xor', { samples: 2000, noise: 0, seed: 11 }));
    expect(Math.abs(c0! - c1!)).toBeLessThan(200);
  });

  it.each(['blobs', 'multiSpiral'] as const)('%s: K classes share the points evenly, K = 2..6', (name) => {
    for (let k = LIMITS.classes.min; k <= LIMITS.classes.max; k++) {
      const ds = generateDataset(name, { samples: 302, noise: 30, seed: 4, classes: k });
      expectValid(ds, name, 302, k);
      const c = counts(ds);
      expect(c.reduce((s, v) => s + v, 0)).toBe(302);
      expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
    }
  });

  it('multiclass defaults to 3 classes and rejects K outside 2..6', () => {
    expect(generateDataset('blobs', { samples: 30, noise: 0, seed: 1 }).classes).toBe(3);
    expect(() => generateDataset('blobs', { samples: 30, noise: 0, seed: 1, classes: 7 })).toThrow(/classes/);
    expect(() => generateDataset('multiSpiral', { samples: 30, noise: 0, seed: 1, classes: 1 })).toThrow(/classes/);
    // Binary sets ignore `classes`.
    expect(generateDataset('circle', { samples: 30, noise: 0, seed: 1, classes: 6 }).classes).toBe(2);
  });

  it('the classes of a set are where they should be (noise 0)', () => {
    const at = (ds: Dataset, i: number) => [ds.points[2 * i]!, ds.points[2 * i + 1]!] as const;
    const circle = generateDataset('circle', { samples: 200, noise: 0, seed: 2 });
    for (let i = 0; i < circle.n; i++) {
      const r = Math.hypot(...at(circle, i));
      expect(circle.labels[i] === 1 ? r < 2.5 : r >= 3.5).toBe(true);
    }
    const xor = generateDataset('xor', { samples: 200, noise: 0, seed: 2 });
    for (let i = 0; i < xor.n; i++) {
      const [x, y] = at(xor, i);
      expect(Math.min(Math.abs(x), Math.abs(y))).toBeGreaterThanOrEqual(0.3);
      expect(xor.labels[i]).toBe(x * y >= 0 ? 1 : 0);
    }
    const gauss = generateDataset('gauss', { samples: 200, noise: 0, seed: 2 });
    let meanPos = 0;
    for (let i = 0; i < gauss.n; i++) if (gauss.labels[i] === 1) meanPos += at(gauss, i)[0] / 100;
    expect(meanPos).toBeCloseTo(2, 0);
    const board = generateDataset('checkerboard', { samples: 200, noise: 0, seed: 2 });
    for (let i = 0; i < board.n; i++) {
      const [x, y] = at(board, i);
      const parity = (Math.floor((x + 6) / 3) + Math.floor((y + 6) / 3)) % 2;
      expect(board.labels[i]).toBe(parity === 0 ? 1 : 0);
    }
    const rings = generateDataset('rings', { samples: 200, noise: 0, seed: 2 });
    for (let i = 0; i < rings.n; i++) {
      const band = Math.floor(Math.hypot(...at(rings, i)) / 1.4);
      expect(band).toBeLessThan(4);
      expect(rings.labels[i]).toBe(band % 2 === 0 ? 1 : 0);
    }
    const heart = generateDataset('heart', { samples: 300, noise: 0, seed: 2 });
    let outside = 0;
    for (let i = 0; i < heart.n; i++) {
      const [x, y] = at(heart, i);
      if (heart.labels[i] === 1) {
        expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThan(3.65);
        if (Math.hypot(x, y) > 2.9) outside++; // the heart is not a disc: its lobes reach further
      } else {
        expect(Math.hypot(x, y)).toBeGreaterThan(3.5); // outside the heart grown ×1.25
      }
    }
    expect(outside).toBeGreaterThan(0);
    const moons = generateDataset('moons', { samples: 300, noise: 0, seed: 2 });
    for (let i = 0; i < moons.n; i++) {
      const [x, y] = at(moons, i);
      // Upper moon: centre (−1.5, −0.75), radius 3, upper half; lower moon: centre (1.5, 0.75), lower half.
      const [cx, cy] = moons.labels[i] === 1 ? [-1.5, -0.75] : [1.5, 0.75];
      expect(Math.hypot(x - cx, y - cy)).toBeCloseTo(3, 9);
      expect(moons.labels[i] === 1 ? y >= cy - 1e-9 : y <= cy + 1e-9).toBe(true);
    }
    const plane = generateDataset('regPlane', { samples: 200, noise: 0, seed: 2 });
    for (let i = 0; i < plane.n; i++) {
      const [x, y] = at(plane, i);
      expect(plane.labels[i]).toBeCloseTo(Math.max(-1, Math.min(1, (x + y) / 10)), 12);
    }
  });

  it('spiral follows TF Playground: radius grows along each arm, noise 0 puts points on r ≤ 5', () => {
    const ds = generateDataset('spiral', { samples: 500, noise: 0, seed: 1 });
    for (let i = 0; i < ds.n; i++) expect(Math.hypot(ds.points[2 * i]!, ds.points[2 * i + 1]!)).toBeLessThan(5);
    // Point-symmetric arms: class 0 is class 1 turned by π, so both have the same radii.
    const radii = (label: number) =>
      Array.from({ length: ds.n }, (_, i) => i)
        .filter((i) => ds.labels[i] === label)
        .map((i) => Math.hypot(ds.points[2 * i]!, ds.points[2 * i + 1]!))
        .sort((a, b) => a - b);
    const r0 = radii(0);
    const r1 = radii(1);
    r0.forEach((r, i) => expect(r).toBeCloseTo(r1[i]!, 9));
  });

  it('xorTable is the exact truth table whatever samples, noise and seed', () => {
    for (const [samples, noise, seed] of [
      [4, 0, 0],
      [2000, 50, 123],
      [500, 25, 7],
    ] as const) {
      const ds = generateDataset('xorTable', { samples, noise, seed });
      expect(Array.from(ds.points)).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
      expect(Array.from(ds.labels)).toEqual([0, 1, 1, 0]);
      expect(ds.n).toBe(4);
      expect(ds.problem).toBe('classification');
      expect(ds.classes).toBe(2);
    }
  });

  it('rejects options outside LIMITS with a clear message', () => {
    const ok = { samples: 100, noise: 0, seed: 1 };
    expect(() => generateDataset('circle', { ...ok, samples: 3 })).toThrow(/samples/);
    expect(() => generateDataset('circle', { ...ok, samples: 2001 })).toThrow(/samples/);
    expect(() => generateDataset('circle', { ...ok, samples: 10.5 })).toThrow(/samples/);
    expect(() => generateDataset('circle', { ...ok, noise: -1 })).toThrow(/noise/);
    expect(() => generateDataset('circle', { ...ok, noise: 51 })).toThrow(/noise/);
    expect(() => generateDataset('circle', { ...ok, noise: NaN })).toThrow(/noise/);
    expect(() => generateDataset('circle', { ...ok, seed: Infinity })).toThrow(/seed/);
    expect(() => generateDataset('custom' as GeneratedDatasetName, ok)).toThrow(/Unknown dataset/);
  });

  it('property: any seed, sample count, noise and K gives a valid dataset', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GENERATED),
        fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }),
        fc.integer({ min: LIMITS.samples.min, max: 300 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.integer({ min: 2, max: 6 }),
        (name, seed, samples, noise, classes) => {
          const ds = generateDataset(name, { samples, noise, seed, classes });
          expectValid(ds, name, samples, classes);
        },
      ),
      { numRuns: 150 },
    );
  });
});
