/**
 * TF Playground's datasets, exactly: its generators, noise, shuffle and train/test split, drawing
 * from its seeded stream (random.ts) in its order, with its arithmetic (d3 v3's linear scales
 * written out: uninterpolate (x − a)/(b − a), interpolate a·(1 − t) + b·t).
 *
 * Legend: N = 500 points for classification, 1,200 for regression (TF_SAMPLES); labels ±1 for
 * classification, a value in [−1, 1] for regression. Noise is TF's fraction (link's noise / 100).
 * Reference: tensorflow/playground src/dataset.ts, generateData() in src/playground.ts.
 * Why not src/nn/data/generators.ts: the shapes are alike, but those draw a + (b − a)·u, Box–Muller
 * Gaussians, Math.hypot and 0/1 labels, so their points differ from TF's in the last bits.
 */
import type { TfpgDataset } from './names.ts';
import type { TfpgRandom } from './random.ts';

/** Examples as parallel arrays, in generation (or shuffled) order: x[i], y[i], label[i]. */
export interface TfpgExamples {
  x: number[];
  y: number[];
  label: number[];
}

/** d3.scale.linear().domain([d0, d1]).range([r0, r1]) (clamped when asked), d3 v3.5's arithmetic. */
export function linearScale(d0: number, d1: number, r0: number, r1: number, clamp = false): (v: number) => number {
  const span = d1 - d0 || 1 / (d1 - d0);
  return (v) => {
    let t = (v - d0) / span;
    if (clamp) t = Math.max(0, Math.min(1, t));
    return r0 * (1 - t) + r1 * t;
  };
}

function uniform(rand: TfpgRandom, a: number, b: number): number {
  return rand() * (b - a) + a;
}

/** Marsaglia's polar method, as TF's normalRandom(mean, variance). */
function normal(rand: TfpgRandom, mean: number, variance: number): number {
  let v1: number;
  let s: number;
  do {
    v1 = 2 * rand() - 1;
    const v2 = 2 * rand() - 1;
    s = v1 * v1 + v2 * v2;
  } while (s > 1);
  const result = Math.sqrt((-2 * Math.log(s)) / s) * v1;
  return mean + Math.sqrt(variance) * result;
}

function dist(ax: number, ay: number, bx: number, by: number): number {
  const dx = ax - bx;
  const dy = ay - by;
  return Math.sqrt(dx * dx + dy * dy);
}

function push(e: TfpgExamples, x: number, y: number, label: number): void {
  e.x.push(x);
  e.y.push(y);
  e.label.push(label);
}

function circle(rand: TfpgRandom, n: number, noise: number, e: TfpgExamples): void {
  const radius = 5;
  // Inside the circle (r < 2.5), then outside (3.5 ≤ r < 5); the label is judged after the noise.
  for (const [r0, r1] of [
    [0, radius * 0.5],
    [radius * 0.7, radius],
  ] as const) {
    for (let i = 0; i < n / 2; i++) {
      const r = uniform(rand, r0, r1);
      const angle = uniform(rand, 0, 2 * Math.PI);
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const noiseX = uniform(rand, -radius, radius) * noise;
      const noiseY = uniform(rand, -radius, radius) * noise;
      push(e, x, y, dist(x + noiseX, y + noiseY, 0, 0) < radius * 0.5 ? 1 : -1);
    }
  }
}

function xor(rand: TfpgRandom, n: number, noise: number, e: TfpgExamples): void {
  const padding = 0.3;
  for (let i = 0; i < n; i++) {
    let x = uniform(rand, -5, 5);
    x += x > 0 ? padding : -padding;
    let y = uniform(rand, -5, 5);
    y += y > 0 ? padding : -padding;
    const noiseX = uniform(rand, -5, 5) * noise;
    const noiseY = uniform(rand, -5, 5) * noise;
    push(e, x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1);
  }
}

function gauss(rand: TfpgRandom, n: number, noise: number, e: TfpgExamples): void {
  const variance = linearScale(0, 0.5, 0.5, 4)(noise);
  for (const [c, label] of [
    [2, 1],
    [-2, -1],
  ] as const) {
    for (let i = 0; i < n / 2; i++) {
      const x = normal(rand, c, variance);
      const y = normal(rand, c, variance);
      push(e, x, y, label);
    }
  }
}

function spiral(rand: TfpgRandom, n: number, noise: number, e: TfpgExamples): void {
  const half = n / 2;
  for (const [deltaT, label] of [
    [0, 1],
    [Math.PI, -1],
  ] as const) {
    for (let i = 0; i < half; i++) {
      const r = (i / half) * 5;
      const t = ((1.75 * i) / half) * 2 * Math.PI + deltaT;
      const x = r * Math.sin(t) + uniform(rand, -1, 1) * noise;
      const y = r * Math.cos(t) + uniform(rand, -1, 1) * noise;
      push(e, x, y, label);
    }
  }
}

/** Regression: uniform points on [−6, 6]², labelled at the noisy point. */
function regression(
  rand: TfpgRandom,
  n: number,
  noise: number,
  e: TfpgExamples,
  label: (x: number, y: number) => number,
) {
  const radius = 6;
  for (let i = 0; i < n; i++) {
    const x = uniform(rand, -radius, radius);
    const y = uniform(rand, -radius, radius);
    const noiseX = uniform(rand, -radius, radius) * noise;
    const noiseY = uniform(rand, -radius, radius) * noise;
    push(e, x, y, label(x + noiseX, y + noiseY));
  }
}

const planeScale = linearScale(-10, 10, -1, 1);
const planeLabel = (x: number, y: number) => planeScale(x + y);

/** Six bumps of sign ±1; a point takes the strongest (largest |value|, first on ties). */
const BUMPS = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
] as const;
const bumpScale = linearScale(0, 2, 1, 0, true);
function bumpsLabel(x: number, y: number): number {
  let label = 0;
  for (const [cx, cy, sign] of BUMPS) {
    const v = sign * bumpScale(dist(x, y, cx, cy));
    if (Math.abs(v) > Math.abs(label)) label = v;
  }
  return label;
}

/** A dataset's N examples in generation order. noise: TF's fraction (0..0.5). */
export function generateTfpg(name: TfpgDataset, n: number, noise: number, rand: TfpgRandom): TfpgExamples {
  const e: TfpgExamples = { x: [], y: [], label: [] };
  switch (name) {
    case 'circle':
      circle(rand, n, noise, e);
      break;
    case 'xor':
      xor(rand, n, noise, e);
      break;
    case 'gauss':
      gauss(rand, n, noise, e);
      break;
    case 'spiral':
      spiral(rand, n, noise, e);
      break;
    case 'regPlane':
      regression(rand, n, noise, e, planeLabel);
      break;
    case 'regGauss':
      regression(rand, n, noise, e, bumpsLabel);
      break;
    default:
      throw new Error(`Not a TF Playground dataset: ${String(name)}`);
  }
  return e;
}

/** TF's shuffle, in place: from the end, swap element counter−1 with a drawn index in [0, counter). */
export function shuffleTfpg(e: TfpgExamples, rand: TfpgRandom): void {
  for (let counter = e.x.length; counter > 0;) {
    const index = Math.floor(rand() * counter);
    counter--;
    for (const a of [e.x, e.y, e.label]) {
      const t = a[counter]!;
      a[counter] = a[index]!;
      a[index] = t;
    }
  }
}

/** The first floor(N·percent/100) train, the rest test. */
export function splitTfpg(e: TfpgExamples, percent: number): { train: TfpgExamples; test: TfpgExamples } {
  const at = Math.floor((e.x.length * percent) / 100);
  const part = (from: number, to?: number): TfpgExamples => ({
    x: e.x.slice(from, to),
    y: e.y.slice(from, to),
    label: e.label.slice(from, to),
  });
  return { train: part(0, at), test: part(at) };
}
