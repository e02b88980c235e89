/**
 * The space a layer sees: the input plane and the training points mapped into the activations of
 * two units (A, B) of one hidden layer, a = f(z) of that layer (ConvNetJS's 2-D demo). Where the
 * layer is the last hidden one, the output layer reads it directly, so the output over the
 * (a_A, a_B) box is drawn behind: with the layer's other units held at their mean over the
 * training points (exact when the layer has two units).
 *
 * Shapes: grid lines are `lines` horizontal lines of the input plane (top to bottom) then `lines`
 * vertical ones (left to right), each `steps` points, as (a_A, a_B) pairs: 2·lines·steps·2 floats.
 * points: N·2 (a_A, a_B) of the training points. background: res·res·K, row 0 at the top (the
 * largest a_B), column 0 at the left (the smallest a_A), K = output units.
 */
import { inputSize, outputSize, type Network } from './network.ts';
import { createWorkspace, denseForward, forward, type Workspace } from './pass.ts';
import { ACT_SOFTMAX, activate, softmaxRows } from './activations.ts';
import type { Region } from './types.ts';

export interface SpaceOptions {
  /** Weight layer index of the hidden layer (0 = the first hidden layer); must not be the output. */
  layer: number;
  unitA: number;
  unitB: number;
  /** The input plane's region and a function from its (x, y) points (n·2) to the network's inputs (n·F). */
  region: Region;
  features: (points: Float64Array) => Float64Array;
  /** Training inputs (n·F, features applied). */
  train: { x: Float64Array; n: number };
  lines?: number;
  steps?: number;
  backgroundResolution?: number;
}

export interface SpaceView {
  layer: number;
  unitA: number;
  unitB: number;
  lines: number;
  steps: number;
  grid: Float32Array;
  points: Float32Array;
  /** The box the view shows: every mapped point and grid line inside, padded. */
  box: Region;
  /** Output over the box where the layer is the last hidden one; null otherwise. */
  background: Float32Array | null;
  backgroundResolution: number;
  outputs: number;
}

/** Columns A and B of layer `layer`'s activations for n inputs, into out (n·2), through ws in chunks. */
function mapInto(net: Network, ws: Workspace, x: Float64Array, n: number, o: SpaceOptions, out: Float32Array): void {
  const d = inputSize(net);
  const units = net.layers[o.layer]!.outSize;
  for (let start = 0; start < n; start += ws.capacity) {
    const m = Math.min(ws.capacity, n - start);
    forward(net, ws, x.subarray(start * d, (start + m) * d), m, false, 0, null);
    const a = ws.a[o.layer]!;
    for (let i = 0; i < m; i++) {
      out[(start + i) * 2] = a[i * units + o.unitA]!;
      out[(start + i) * 2 + 1] = a[i * units + o.unitB]!;
    }
  }
}

/** The box around every finite value of xy (pairs), padded 5 %, never thinner than 1e-3. */
function boxOf(...sets: Float32Array[]): Region {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const s of sets) {
    for (let i = 0; i + 1 < s.length; i += 2) {
      const x = s[i]!;
      const y = s[i + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  }
  if (!(xMin <= xMax)) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const pad = (lo: number, hi: number): [number, number] => {
    const m = Math.max(hi - lo, 1e-3) * 0.05;
    const c = (lo + hi) / 2;
    const h = Math.max(hi - lo, 1e-3) / 2 + m;
    return [c - h, c + h];
  };
  const [x0, x1] = pad(xMin, xMax);
  const [y0, y1] = pad(yMin, yMax);
  return { xMin: x0, xMax: x1, yMin: y0, yMax: y1 };
}

/** Throws when the layer or units do not exist, or the layer is the output. */
function checkChoice(net: Network, o: SpaceOptions): void {
  const L = net.layers[o.layer];
  const ok = (u: number) => L !== undefined && Number.isInteger(u) && u >= 0 && u < L.outSize;
  if (L === undefined || o.layer >= net.layers.length - 1 || !ok(o.unitA) || !ok(o.unitB))
    throw new RangeError(`No hidden layer ${o.layer} with units ${o.unitA} and ${o.unitB}`);
}

/** The transformed space of one hidden layer's two units (see the module comment). */
export function transformedSpace(net: Network, o: SpaceOptions): SpaceView {
  checkChoice(net, o);
  const lines = o.lines ?? 13;
  const steps = o.steps ?? 48;
  const res = o.backgroundResolution ?? 48;
  const r = o.region;
  const plane = new Float64Array(2 * lines * steps * 2);
  let p = 0;
  for (let li = 0; li < lines; li++) {
    const y = r.yMax - ((r.yMax - r.yMin) * li) / (lines - 1);
    for (let s = 0; s < steps; s++, p += 2) {
      plane[p] = r.xMin + ((r.xMax - r.xMin) * s) / (steps - 1);
      plane[p + 1] = y;
    }
  }
  for (let li = 0; li < lines; li++) {
    const x = r.xMin + ((r.xMax - r.xMin) * li) / (lines - 1);
    for (let s = 0; s < steps; s++, p += 2) {
      plane[p] = x;
      plane[p + 1] = r.yMax - ((r.yMax - r.yMin) * s) / (steps - 1);
    }
  }
  const ws = createWorkspace(net, 256);
  const nGrid = 2 * lines * steps;
  const grid = new Float32Array(nGrid * 2);
  mapInto(net, ws, o.features(plane), nGrid, o, grid);
  const points = new Float32Array(o.train.n * 2);
  mapInto(net, ws, o.train.x, o.train.n, o, points);
  const box = boxOf(grid, points);
  const last = o.layer === net.layers.length - 2;
  return {
    layer: o.layer,
    unitA: o.unitA,
    unitB: o.unitB,
    lines,
    steps,
    grid,
    points,
    box,
    background: last ? outputOverBox(net, ws, o, box, res) : null,
    backgroundResolution: res,
    outputs: outputSize(net),
  };
}

/** The output layer over a res×res grid of (a_A, a_B) in box, the layer's other units at their training mean. */
function outputOverBox(net: Network, ws: Workspace, o: SpaceOptions, box: Region, res: number): Float32Array {
  const L = net.layers[o.layer]!;
  const units = L.outSize;
  const mean = new Float64Array(units);
  const d = inputSize(net);
  for (let start = 0; start < o.train.n; start += ws.capacity) {
    const m = Math.min(ws.capacity, o.train.n - start);
    forward(net, ws, o.train.x.subarray(start * d, (start + m) * d), m, false, 0, null);
    const a = ws.a[o.layer]!;
    for (let i = 0; i < m * units; i++) mean[i % units]! += a[i]!;
  }
  for (let u = 0; u < units; u++) mean[u] = o.train.n > 0 ? mean[u]! / o.train.n : 0;
  const out = net.layers[o.layer + 1]!;
  const k = out.outSize;
  const n = res * res;
  const inp = new Float64Array(n * units);
  for (let row = 0; row < res; row++) {
    const b = box.yMax - ((box.yMax - box.yMin) * (row + 0.5)) / res;
    for (let col = 0; col < res; col++) {
      const a = box.xMin + ((box.xMax - box.xMin) * (col + 0.5)) / res;
      const at = (row * res + col) * units;
      inp.set(mean, at);
      inp[at + o.unitA] = a;
      inp[at + o.unitB] = b;
    }
  }
  const z = new Float64Array(n * k);
  const act = new Float64Array(n * k);
  denseForward(net.params, out, inp, z, n);
  if (out.act === ACT_SOFTMAX) softmaxRows(z, act, n, k);
  else activate(out.act, z, act, null, n * k);
  return Float32Array.from(act);
}
