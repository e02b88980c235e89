/**
 * Grid prediction for the heatmap and the neuron thumbnails: the output and every hidden unit's
 * activation over an R×R grid of the input plane, in one batched forward pass (in chunks so the
 * workspace stays in cache), written into caller-provided Float32Arrays.
 *
 * Grid: row 0 = top (yMax), col 0 = left (xMin); cell (row, col) sits at
 *   x = xMin + col·(xMax−xMin)/(R−1),  y = yMax − row·(yMax−yMin)/(R−1)
 * (corners included, as TF Playground's heatmap). Cell index p = row·R + col.
 * Buffers:
 *   out     (R², outputs)        sample-major: cell p's outputs at [p·K, (p+1)·K)
 *   hidden  (H, R²)              unit-major: hidden unit h (layer after layer, unit after unit)
 *                                 at [h·R², (h+1)·R²); H = hiddenUnitCount(net)
 * No dropout, no RNG: drawing never changes a run.
 */
import { computeFeatures } from './features.ts';
import { hiddenUnitCount, inputSize, outputSize, type Network } from './network.ts';
import { createWorkspace, forward, type Workspace } from './pass.ts';
import { LIMITS, type FeatureName, type Region } from './types.ts';

/** Cells per forward chunk: (CHUNK, units) buffers of a 16-wide layer stay within L1/L2. */
const CHUNK = 512;

interface Scratch {
  ws: Workspace;
  /** (CHUNK, 2) cell coordinates. */
  points: Float64Array;
  /** (CHUNK, inputs) features of the cells. */
  inputs: Float64Array;
}

/** One scratch per network, reused frame after frame (no allocation per call once warm). */
const scratches = new WeakMap<Network, Scratch>();

function scratchFor(net: Network): Scratch {
  let s = scratches.get(net);
  if (s === undefined) {
    s = {
      ws: createWorkspace(net, CHUNK),
      points: new Float64Array(CHUNK * 2),
      inputs: new Float64Array(CHUNK * inputSize(net)),
    };
    scratches.set(net, s);
  }
  return s;
}

function checkResolution(resolution: number): void {
  const { min, max } = LIMITS.gridResolution;
  if (!(Number.isInteger(resolution) && resolution >= min && resolution <= max)) {
    throw new Error(`Grid resolution must be an integer ${min}..${max}, got ${resolution}`);
  }
}

/** Coordinates of cells [start, start+m) into points (m, 2). */
function fillPoints(region: Region, r: number, start: number, m: number, points: Float64Array): void {
  const dx = (region.xMax - region.xMin) / (r - 1);
  const dy = (region.yMax - region.yMin) / (r - 1);
  for (let i = 0; i < m; i++) {
    const p = start + i;
    const row = Math.floor(p / r);
    const col = p - row * r;
    points[2 * i] = region.xMin + col * dx;
    points[2 * i + 1] = region.yMax - row * dy;
  }
}

/** The (R², 2) coordinates of every cell, in the grid's order (for input-feature thumbnails). */
export function gridPoints(region: Region, resolution: number): Float64Array {
  checkResolution(resolution);
  const pts = new Float64Array(resolution * resolution * 2);
  fillPoints(region, resolution, 0, resolution * resolution, pts);
  return pts;
}

export function predictGrid(
  net: Network,
  features: readonly FeatureName[],
  region: Region,
  resolution: number,
  out: Float32Array,
  hidden?: Float32Array,
): void {
  checkResolution(resolution);
  const d = inputSize(net);
  const k = outputSize(net);
  const cells = resolution * resolution;
  if (features.length !== d) throw new Error(`The network takes ${d} inputs, got ${features.length} features`);
  if (out.length < cells * k) throw new Error(`out needs ${cells * k} values, has ${out.length}`);
  const h = hiddenUnitCount(net);
  if (hidden !== undefined && hidden.length < h * cells)
    throw new Error(`hidden needs ${h * cells} values, has ${hidden.length}`);

  const { ws, points, inputs } = scratchFor(net);
  const layers = net.layers;
  const last = layers.length - 1;
  for (let start = 0; start < cells; start += CHUNK) {
    const m = Math.min(CHUNK, cells - start);
    fillPoints(region, resolution, start, m, points);
    computeFeatures(points.subarray(0, 2 * m), features, inputs);
    forward(net, ws, inputs, m, false, 0, null);
    const o = ws.a[last]!;
    const base = start * k;
    for (let i = 0; i < m * k; i++) out[base + i] = o[i]!;
    if (hidden === undefined) continue;
    // (m, units) sample-major chunk → unit-major planes of R² cells.
    let unit = 0;
    for (let l = 0; l < last; l++) {
      const a = ws.a[l]!;
      const u = layers[l]!.outSize;
      for (let j = 0; j < u; j++, unit++) {
        const plane = unit * cells + start;
        for (let i = 0, src = j; i < m; i++, src += u) hidden[plane + i] = a[src]!;
      }
    }
  }
}
