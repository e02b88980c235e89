/**
 * TF Playground's data rules the oracle (circle, noise 0) does not reach, each worked by hand
 * from src/dataset.ts with a scripted stream: which draws make a point, in which order, and its label.
 */
import { describe, expect, it } from 'vitest';
import { generateTfpg, linearScale, shuffleTfpg, splitTfpg, type TfpgExamples } from '../../../src/nn/tfpg/data.ts';
import { tfpgRandom } from '../../../src/nn/tfpg/random.ts';
import { loadTfpg } from '../../../src/nn/tfpg/setup.ts';

/** A stream replaying `values` in a loop; count() says how many were drawn. */
function scripted(values: number[]) {
  let i = 0;
  const rand = () => values[i++ % values.length]!;
  return Object.assign(rand, { count: () => i });
}

const rows = (e: TfpgExamples) => e.x.map((x, i) => [x, e.y[i], e.label[i]]);

describe('TF Playground datasets with a scripted stream', () => {
  it('circle: r, angle, then two noise draws per point; positives first; the label is read at the noisy point', () => {
    // u = 0.5, 0.25, 0.5, 0.5: r = 1.25, angle = π/2, noise offsets (0.5·10 − 5)·f = 0.
    const rand = scripted([0.5, 0.25, 0.5, 0.5]);
    const e = generateTfpg('circle', 2, 0.5, rand);
    expect(rand.count()).toBe(8);
    expect(e.x[0]).toBe(1.25 * Math.sin(Math.PI / 2));
    expect(e.label).toEqual([1, -1]); // inner disc, then the ring r = 0.5·1.5 + 3.5 = 4.25
    expect(e.x[1]).toBe(4.25);
    // Noise moves the label only: u = 0.9 for the offsets gives +4·0.5 = 2 per axis.
    const noisy = generateTfpg('circle', 2, 0.5, scripted([0.5, 0.25, 0.9, 0.9]));
    expect(noisy.x[0]).toBe(1.25); // the point stays inside the disc…
    expect(noisy.label[0]).toBe(-1); // …but |(1.25 + 2, 0 + 2)| ≈ 3.8 ≥ 2.5 labels it outside
  });

  it('xor: ±0.3 padding away from the axes, class by the sign of x·y at the noisy point (0 counts as +1)', () => {
    const e = generateTfpg('xor', 1, 0, scripted([0.5, 0.8, 0.5, 0.5]));
    // x = 0 → not > 0 → −0.3; y = 3 → 3.3; product < 0 → −1.
    expect(rows(e)).toEqual([[-0.3, 0.8 * 10 - 5 + 0.3, -1]]);
  });

  it('gauss: the polar method rejects pairs outside the unit disc; variance from d3 scale [0, .5] → [.5, 4]', () => {
    // (0.9, 0.9) → v = (0.8, 0.8), s = 1.28 > 1: rejected; (0.75, 0.5) → v = (0.5, 0), s = 0.25.
    const rand = scripted([0.9, 0.9, 0.75, 0.5]);
    const e = generateTfpg('gauss', 2, 0.5, rand);
    const result = Math.sqrt((-2 * Math.log(0.25)) / 0.25) * 0.5;
    expect(e.x[0]).toBe(2 + Math.sqrt(4) * result); // noise 0.5 → variance 4
    expect(e.label).toEqual([1, -1]);
    expect(e.x[1]).toBe(-2 + 2 * result);
    expect(linearScale(0, 0.5, 0.5, 4)(0.25)).toBe(2.25);
  });

  it('spiral: r = i/n·5, t = 1.75·i/n·2π (+π for the negatives), one uniform ±1·noise per axis', () => {
    const e = generateTfpg('spiral', 4, 0.5, scripted([0.75]));
    // n = 2 per arm; i = 1: r = 2.5, t = 1.75π; offsets (0.75·2 − 1)·0.5 = 0.25.
    expect(e.x[0]).toBe(0.25);
    expect(e.x[1]).toBe(2.5 * Math.sin(((1.75 * 1) / 2) * 2 * Math.PI) + 0.25);
    expect(e.y[3]).toBe(2.5 * Math.cos(((1.75 * 1) / 2) * 2 * Math.PI + Math.PI) + 0.25);
    expect(e.label).toEqual([1, 1, -1, -1]);
  });

  it('reg-plane: the label is (x + y) scaled from [−10, 10] to [−1, 1], read at the noisy point', () => {
    // x = 0.75·12 − 6 = 3, y = 0.5·12 − 6 = 0, noise draws 0.5 → 0 offsets: (3 + 0)/10 = 0.3 (d3's arithmetic).
    const e = generateTfpg('regPlane', 1, 0.3, scripted([0.75, 0.5, 0.5, 0.5]));
    expect(e.x).toEqual([3]);
    expect(e.label[0]).toBeCloseTo(0.3, 15);
    expect(linearScale(-10, 10, -1, 1)(5)).toBe(0.5);
  });

  it('reg-gauss: the strongest of six signed bumps 1 − d/2 (clamped at 0)', () => {
    const at = (x: number, y: number) =>
      generateTfpg('regGauss', 1, 0, scripted([(x + 6) / 12, (y + 6) / 12, 0.5, 0.5]));
    expect(at(0, 2.5).label).toEqual([-1]);
    expect(at(-4, 2.5).label).toEqual([1]);
    expect(at(1, 2.5).label).toEqual([-0.5]);
    expect(at(6, 6).label).toEqual([0]);
  });

  it('shuffle: from the end, swap element counter−1 with floor(u·counter); split: the first floor(N·p/100) train', () => {
    const e: TfpgExamples = { x: [1, 2, 3], y: [1, 2, 3], label: [1, 2, 3] };
    shuffleTfpg(e, scripted([0]));
    expect(e.x).toEqual([2, 3, 1]);
    const s = splitTfpg({ x: [1, 2, 3, 4, 5], y: [1, 2, 3, 4, 5], label: [1, 2, 3, 4, 5] }, 50);
    expect(s.train.x).toEqual([1, 2]);
    expect(s.test.x).toEqual([3, 4, 5]);
  });
});

describe('a page load for the other datasets', () => {
  it('uses seedrandom with the seed string verbatim ("0.1" and "0.10" are different streams)', () => {
    expect(tfpgRandom('0.1')()).not.toBe(tfpgRandom('0.10')());
    expect(tfpgRandom('abc')()).toBe(tfpgRandom('abc')());
  });

  it.each([
    ['xor', 250, [-1, 1]],
    ['gauss', 250, [-1, 1]],
    ['spiral', 250, [-1, 1]],
    ['regPlane', 600, 1.44],
    ['regGauss', 600, 1],
  ] as const)('%s: N points, half train, labels ±1 (or values for regression)', (dataset, nTrain, classes) => {
    const run = loadTfpg({
      dataset,
      noise: 20,
      trainPercent: 50,
      features: ['x', 'y'],
      hidden: [3],
      activation: 'tanh',
      initZero: false,
      seed: '0.54321',
    });
    expect(run.train.x.length).toBe(nTrain);
    expect(run.test.x.length).toBe(nTrain);
    // reg-plane's scale is not clamped: with noise 20% a label reaches (6 + 6 + 2·1.2)/10 = 1.44.
    if (Array.isArray(classes)) expect([...new Set(run.train.label)].sort()).toEqual(classes);
    else for (const v of run.train.label) expect(Math.abs(v)).toBeLessThanOrEqual(classes as number);
    expect(run.regression).toBe(!Array.isArray(classes));
    expect(run.net.spec.activations.at(-1)).toBe(Array.isArray(classes) ? 'tanh' : 'linear');
  });
});
