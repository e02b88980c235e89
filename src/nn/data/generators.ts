/**
 * Seeded dataset generators. Every random number comes from createRng(seed); Gaussians are
 * Box–Muller over that stream. Points lie in [-DOMAIN, DOMAIN]² (xorTable keeps its 0/1 corners).
 *
 * Noise: the option is a percent 0..50, used as f = noise/100 in 0..0.5 as TF Playground does.
 * Two kinds, as TF Playground:
 * - label noise (circle, xor, checkerboard, rings, heart, regPlane, regGauss): the point stays
 *   where it was drawn; its label is read at the point moved by a uniform offset of ±scale·f
 *   per axis, so labels near a boundary flip. The random draws do not depend on f, so the same
 *   seed gives the same points at every noise level, only labels change.
 * - position noise (gauss, spiral, moons, blobs, multiSpiral): the point itself moves.
 * Gaussian offsets are redrawn when they would leave the plane (a truncated Gaussian), so no
 * point piles up on the border.
 *
 * Output order: the points are shuffled (seeded) at the end, so any prefix mixes the classes.
 */
import { createRng, gaussian, type Rng } from '../rng.ts';
import { DOMAIN, LIMITS, type DatasetName } from '../types.ts';
import { classCount, problemOf, type Dataset } from './dataset.ts';

export type GeneratedDatasetName = Exclude<DatasetName, 'custom'>;

export interface GenerateOptions {
  /** Number of points, LIMITS.samples (4..2000). xorTable ignores it: always 4. */
  samples: number;
  /** Percent 0..50. xorTable ignores it. */
  noise: number;
  seed: number;
  /** K for blobs and multiSpiral, 2..6 (default 3). Ignored by the other sets. */
  classes?: number;
}

/** Writes points and labels in order; `rng` is the one stream of the generator. */
interface Sink {
  rng: Rng;
  push(x: number, y: number, label: number): void;
}

type Generator = (n: number, f: number, out: Sink, classes: number) => void;

const TAU = 2 * Math.PI;

function uniform(rng: Rng, a: number, b: number): number {
  return a + (b - a) * rng.next();
}

/** mean + sd·N(0,1), redrawn until inside [-DOMAIN, DOMAIN] (a fallback keeps the loop bounded). */
function normalInDomain(rng: Rng, mean: number, sd: number): number {
  for (let tries = 0; tries < 1000; tries++) {
    const v = mean + sd * gaussian(rng);
    if (v >= -DOMAIN && v <= DOMAIN) return v;
  }
  return Math.max(-DOMAIN, Math.min(DOMAIN, mean));
}

/** How many of n points class c gets when K classes share them (the first n mod K get one more). */
function share(n: number, k: number, c: number): number {
  return Math.floor(n / k) + (c < n % k ? 1 : 0);
}

/** Binary sets: positives (class 1) first; with odd n they get the extra point. */
function binaryCounts(n: number): [positives: number, negatives: number] {
  return [share(n, 2, 0), share(n, 2, 1)];
}

// ---- TF Playground's sets --------------------------------------------------------------------

/** Disc r < 2.5 (class 1) and ring 3.5..5 (class 0); label noise ±5·f (TF Playground). */
const circle: Generator = (n, f, { rng, push }) => {
  const radius = 5;
  const label = (x: number, y: number) => (Math.hypot(x, y) < radius * 0.5 ? 1 : 0);
  const [pos, neg] = binaryCounts(n);
  const one = (rMin: number, rMax: number) => {
    const r = uniform(rng, rMin, rMax);
    const a = uniform(rng, 0, TAU);
    const x = r * Math.sin(a);
    const y = r * Math.cos(a);
    const nx = uniform(rng, -radius, radius) * f;
    const ny = uniform(rng, -radius, radius) * f;
    push(x, y, label(x + nx, y + ny));
  };
  for (let i = 0; i < pos; i++) one(0, radius * 0.5);
  for (let i = 0; i < neg; i++) one(radius * 0.7, radius);
};

/** Uniform in [-5.3, 5.3]² with a 0.3 gap at the axes; class 1 where x·y ≥ 0; label noise ±5·f. */
const xor: Generator = (n, f, { rng, push }) => {
  const padding = 0.3;
  for (let i = 0; i < n; i++) {
    let x = uniform(rng, -5, 5);
    x += x > 0 ? padding : -padding;
    let y = uniform(rng, -5, 5);
    y += y > 0 ? padding : -padding;
    const nx = uniform(rng, -5, 5) * f;
    const ny = uniform(rng, -5, 5) * f;
    push(x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0);
  }
};

/** Two Gaussians at (2, 2) (class 1) and (−2, −2); position noise: variance 0.5 + 7f (0.5..4). */
const gauss: Generator = (n, f, { rng, push }) => {
  const sd = Math.sqrt(0.5 + 7 * f);
  const [pos, neg] = binaryCounts(n);
  for (let i = 0; i < pos; i++) push(normalInDomain(rng, 2, sd), normalInDomain(rng, 2, sd), 1);
  for (let i = 0; i < neg; i++) push(normalInDomain(rng, -2, sd), normalInDomain(rng, -2, sd), 0);
};

/** Arm k of K interleaved spirals (TF Playground's formula); position noise ±f per axis. */
function spiralArm(rng: Rng, push: Sink['push'], m: number, deltaT: number, f: number, label: number): void {
  for (let i = 0; i < m; i++) {
    const r = (i / m) * 5;
    const t = ((1.75 * i) / m) * TAU + deltaT;
    push(r * Math.sin(t) + uniform(rng, -1, 1) * f, r * Math.cos(t) + uniform(rng, -1, 1) * f, label);
  }
}

/** Two interleaved spirals, radius up to 5: class 1 from angle 0, class 0 from π. */
const spiral: Generator = (n, f, { rng, push }) => {
  const [pos, neg] = binaryCounts(n);
  spiralArm(rng, push, pos, 0, f, 1);
  spiralArm(rng, push, neg, Math.PI, f, 0);
};

/** Value at (x, y), label noise ±6·f; the value is (x + y)/10 (TF Playground), clamped to [-1, 1]. */
const regPlane: Generator = (n, f, { rng, push }) => {
  for (let i = 0; i < n; i++) {
    const x = uniform(rng, -DOMAIN, DOMAIN);
    const y = uniform(rng, -DOMAIN, DOMAIN);
    const nx = uniform(rng, -DOMAIN, DOMAIN) * f;
    const ny = uniform(rng, -DOMAIN, DOMAIN) * f;
    push(x, y, Math.max(-1, Math.min(1, (x + nx + y + ny) / 10)));
  }
};

/** Six signed bumps (TF Playground): the strongest of ±max(0, 1 − d/2); label noise ±6·f. */
const REG_GAUSSIANS: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];
const regGauss: Generator = (n, f, { rng, push }) => {
  const value = (x: number, y: number) => {
    let best = 0;
    for (const [cx, cy, sign] of REG_GAUSSIANS) {
      const v = sign * Math.max(0, 1 - Math.hypot(x - cx, y - cy) / 2);
      if (Math.abs(v) > Math.abs(best)) best = v;
    }
    return best;
  };
  for (let i = 0; i < n; i++) {
    const x = uniform(rng, -DOMAIN, DOMAIN);
    const y = uniform(rng, -DOMAIN, DOMAIN);
    const nx = uniform(rng, -DOMAIN, DOMAIN) * f;
    const ny = uniform(rng, -DOMAIN, DOMAIN) * f;
    push(x, y, value(x + nx, y + ny));
  }
};

// ---- Our own sets ----------------------------------------------------------------------------

/**
 * Two moons (sklearn's make_moons shape): upper moon (cos t, sin t) is class 1, lower moon
 * (1 − cos t, 0.5 − sin t) class 0, t uniform in [0, π], centred and scaled ×3 (x in ±4.5).
 * Position noise: Gaussian with sd = 0.6f moon units (1.8f in the plane), truncated to the plane.
 */
const moons: Generator = (n, f, { rng, push }) => {
  const s = 3;
  const sd = s * 0.6 * f;
  const [pos, neg] = binaryCounts(n);
  const one = (upper: boolean) => {
    const t = uniform(rng, 0, Math.PI);
    const mx = upper ? Math.cos(t) : 1 - Math.cos(t);
    const my = upper ? Math.sin(t) : 0.5 - Math.sin(t);
    push(normalInDomain(rng, s * (mx - 0.5), sd), normalInDomain(rng, s * (my - 0.25), sd), upper ? 1 : 0);
  };
  for (let i = 0; i < pos; i++) one(true);
  for (let i = 0; i < neg; i++) one(false);
};

/**
 * A 4×4 board of 3×3 cells over the plane; class 1 where (column + row) is even. Each class
 * gets half the points, uniform in its 8 cells with a 0.3 margin inside each cell (XOR's axis gap).
 * Label noise ±3·f (one cell, as XOR's ±5 is one quadrant).
 */
const checkerboard: Generator = (n, f, { rng, push }) => {
  const cell = (2 * DOMAIN) / 4;
  const pad = 0.3;
  const parity = (x: number, y: number) => {
    const s = Math.floor((x + DOMAIN) / cell) + Math.floor((y + DOMAIN) / cell);
    return ((s % 2) + 2) % 2 === 0 ? 1 : 0;
  };
  const [pos, neg] = binaryCounts(n);
  const one = (label: number) => {
    const k = Math.floor(rng.next() * 8);
    const row = k >> 1;
    const col = 2 * (k & 1) + ((row + (label === 1 ? 0 : 1)) & 1);
    const x = -DOMAIN + col * cell + uniform(rng, pad, cell - pad);
    const y = -DOMAIN + row * cell + uniform(rng, pad, cell - pad);
    const nx = uniform(rng, -cell, cell) * f;
    const ny = uniform(rng, -cell, cell) * f;
    push(x, y, parity(x + nx, y + ny));
  };
  for (let i = 0; i < pos; i++) one(1);
  for (let i = 0; i < neg; i++) one(0);
};

/**
 * Four concentric bands of pitch 1.4 (the inner one a disc) separated by 0.3 gaps, out to 5.45;
 * class 1 in bands 0 and 2, class 0 in bands 1 and 3. A point's radius is uniform over its class's
 * bands (like TF's circle, denser inside). Label noise ±2.8·f (up to one band at 50%).
 */
const RING_PITCH = 1.4;
const RING_GAP = 0.3;
const ringBand = (k: number): [number, number] => [
  k === 0 ? 0 : k * RING_PITCH + RING_GAP / 2,
  (k + 1) * RING_PITCH - RING_GAP / 2,
];
const rings: Generator = (n, f, { rng, push }) => {
  const label = (x: number, y: number) => (Math.floor(Math.hypot(x, y) / RING_PITCH) % 2 === 0 ? 1 : 0);
  const [pos, neg] = binaryCounts(n);
  const one = (bandA: number, bandB: number) => {
    const [a0, a1] = ringBand(bandA);
    const [b0, b1] = ringBand(bandB);
    const u = uniform(rng, 0, a1 - a0 + (b1 - b0));
    const r = u < a1 - a0 ? a0 + u : b0 + (u - (a1 - a0));
    const a = uniform(rng, 0, TAU);
    const x = r * Math.cos(a);
    const y = r * Math.sin(a);
    const nx = uniform(rng, -2, 2) * RING_PITCH * f;
    const ny = uniform(rng, -2, 2) * RING_PITCH * f;
    push(x, y, label(x + nx, y + ny));
  };
  for (let i = 0; i < pos; i++) one(0, 2);
  for (let i = 0; i < neg; i++) one(1, 3);
};

/**
 * The algebraic heart (u² + v² − 1)³ − u²v³ ≤ 0, scaled ×3.2 and centred (about ±3.6 wide).
 * Class 1 uniform inside; class 0 uniform in the plane outside the heart grown ×1.25 (a margin,
 * like the circle's gap). Label noise ±4.5·f (the grown heart's half-width, as the circle's ±5).
 */
const HEART_SCALE = 3.2;
const HEART_SHIFT = 0.118;
function inHeart(x: number, y: number): boolean {
  const u = x / HEART_SCALE;
  const v = y / HEART_SCALE + HEART_SHIFT;
  const q = u * u + v * v - 1;
  return q * q * q - u * u * v * v * v <= 0;
}
const heart: Generator = (n, f, { rng, push }) => {
  const grow = 1.25;
  const [pos, neg] = binaryCounts(n);
  const one = (inside: boolean) => {
    // Rejection sampling; acceptance is over 40%, the bound only keeps the loop finite.
    let x = inside ? 0 : -DOMAIN;
    let y = inside ? 0 : -DOMAIN;
    for (let tries = 0; tries < 1000; tries++) {
      const cx = inside ? uniform(rng, -3.7, 3.7) : uniform(rng, -DOMAIN, DOMAIN);
      const cy = inside ? uniform(rng, -3.7, 3.7) : uniform(rng, -DOMAIN, DOMAIN);
      if (inside ? inHeart(cx, cy) : !inHeart(cx / grow, cy / grow)) {
        x = cx;
        y = cy;
        break;
      }
    }
    const nx = uniform(rng, -4.5, 4.5) * f;
    const ny = uniform(rng, -4.5, 4.5) * f;
    push(x, y, inHeart(x + nx, y + ny) ? 1 : 0);
  };
  for (let i = 0; i < pos; i++) one(true);
  for (let i = 0; i < neg; i++) one(false);
};

/**
 * K Gaussian blobs centred on a circle of radius 3.5 (class k at angle π/2 + 2πk/K).
 * Position noise: variance 0.25 + 3.5f (sd 0.5..1.4), truncated to the plane.
 */
const blobs: Generator = (n, f, { rng, push }, k) => {
  const sd = Math.sqrt(0.25 + 3.5 * f);
  for (let c = 0; c < k; c++) {
    const a = Math.PI / 2 + (TAU * c) / k;
    const cx = 3.5 * Math.cos(a);
    const cy = 3.5 * Math.sin(a);
    const m = share(n, k, c);
    for (let i = 0; i < m; i++) push(normalInDomain(rng, cx, sd), normalInDomain(rng, cy, sd), c);
  }
};

/** K interleaved spiral arms (arm k starts at angle 2πk/K), TF's spiral formula; position noise ±f. */
const multiSpiral: Generator = (n, f, { rng, push }, k) => {
  for (let c = 0; c < k; c++) spiralArm(rng, push, share(n, k, c), (TAU * c) / k, f, c);
};

const GENERATORS: Record<Exclude<GeneratedDatasetName, 'xorTable'>, Generator> = {
  circle,
  xor,
  gauss,
  spiral,
  moons,
  checkerboard,
  rings,
  heart,
  regPlane,
  regGauss,
  blobs,
  multiSpiral,
};

/** The article's XOR truth table: exactly (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0, in that order. */
function xorTable(): Dataset {
  return {
    points: Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]),
    labels: Float64Array.from([0, 1, 1, 0]),
    n: 4,
    problem: 'classification',
    classes: 2,
  };
}

function checkOptions(opts: GenerateOptions): void {
  const { samples, noise, seed } = opts;
  const s = LIMITS.samples;
  if (!Number.isInteger(samples) || samples < s.min || samples > s.max) {
    throw new RangeError(`samples must be an integer in ${s.min}..${s.max}, got ${samples}`);
  }
  const nz = LIMITS.noise;
  if (!Number.isFinite(noise) || noise < nz.min || noise > nz.max) {
    throw new RangeError(`noise must be a percent in ${nz.min}..${nz.max}, got ${noise}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
}

/**
 * Generate a dataset. Same name and options → identical arrays. The seed is used as a 32-bit
 * unsigned integer (createRng). Options outside LIMITS throw a RangeError. xorTable ignores
 * samples and noise and always returns its 4 exact points (options are still checked).
 */
export function generateDataset(name: GeneratedDatasetName, opts: GenerateOptions): Dataset {
  checkOptions(opts);
  if (name === 'xorTable') return xorTable();
  const gen = (GENERATORS as Partial<Record<string, Generator>>)[name];
  if (gen === undefined) throw new Error(`Unknown dataset: ${String(name)}`);
  const problem = problemOf(name);
  const classes = classCount(problem, opts.classes ?? 3);
  const n = opts.samples;
  const points = new Float64Array(n * 2);
  const labels = new Float64Array(n);
  const rng = createRng(opts.seed);
  let i = 0;
  const sink: Sink = {
    rng,
    push(x, y, label) {
      points[2 * i] = x;
      points[2 * i + 1] = y;
      labels[i] = label;
      i++;
    },
  };
  gen(n, opts.noise / 100, sink, classes);
  if (i !== n) throw new Error(`Internal: ${name} generated ${i} points, expected ${n}`);
  // Seeded Fisher–Yates over (point, label) pairs.
  for (let a = n - 1; a > 0; a--) {
    const b = Math.floor(rng.next() * (a + 1));
    const x = points[2 * a]!;
    const y = points[2 * a + 1]!;
    const l = labels[a]!;
    points[2 * a] = points[2 * b]!;
    points[2 * a + 1] = points[2 * b + 1]!;
    labels[a] = labels[b]!;
    points[2 * b] = x;
    points[2 * b + 1] = y;
    labels[b] = l;
  }
  return { points, labels, n, problem, classes };
}
