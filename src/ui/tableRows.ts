/**
 * The rows of the table view for a tiny dataset: each point's inputs, its training target and the
 * network's output there, computed on the page from a snapshot's params with the engine's own
 * forward pass (the worker's heatmap grid does not pass through the points exactly).
 */
import { targets } from '../nn/data.ts';
import { computeFeatures } from '../nn/features.ts';
import { createNetwork, type Network } from '../nn/network.ts';
import { createWorkspace, forward, outputOf, type Workspace } from '../nn/pass.ts';
import type { RunInfo } from '../worker/protocol.ts';

/** Datasets up to this many points get a table (the XOR truth table has 4). */
export const TABLE_MAX_POINTS = 16;

export interface TableRow {
  x: number;
  y: number;
  /** The value the output is trained towards (0/1 for a sigmoid, ±1 for tanh, the value for regression). */
  target: number;
  /** The network's output at (x, y) with the snapshot's params; null before the first snapshot. */
  output: number | null;
  set: 'train' | 'test';
}

/** Whether a run gets a table: few points and a single output unit. */
export function hasTable(info: RunInfo | null): info is RunInfo {
  if (!info || (info.sizes.at(-1) ?? 0) !== 1) return false;
  return info.trainLabels.length + info.testLabels.length <= TABLE_MAX_POINTS;
}

interface Prepared {
  net: Network;
  ws: Workspace;
  /** n*F features of the rows, in row order. */
  inputs: Float64Array;
  rows: Omit<TableRow, 'output'>[];
}

const prepared = new WeakMap<RunInfo, Prepared>();

/** Rows in truth-table order (by x, then y), with targets, features and a network built once per run. */
function prepare(info: RunInfo): Prepared {
  const cached = prepared.get(info);
  if (cached) return cached;
  const all: Omit<TableRow, 'output'>[] = [];
  const add = (points: Float64Array, labels: Float64Array, set: TableRow['set']) => {
    const n = labels.length;
    const ds = { points, labels, n, problem: info.problem, classes: info.classes };
    const y = targets(ds, info.outputActivation);
    for (let i = 0; i < n; i++) all.push({ x: points[2 * i]!, y: points[2 * i + 1]!, target: y[i]!, set });
  };
  add(info.trainPoints, info.trainLabels, 'train');
  add(info.testPoints, info.testLabels, 'test');
  all.sort((a, b) => a.x - b.x || a.y - b.y);
  const xy = new Float64Array(all.length * 2);
  all.forEach((r, i) => {
    xy[2 * i] = r.x;
    xy[2 * i + 1] = r.y;
  });
  const net = createNetwork({ sizes: info.sizes, activations: info.layers.map((l) => l.activation) }, 'zero', 0);
  const p: Prepared = {
    net,
    ws: createWorkspace(net, Math.max(1, all.length)),
    inputs: computeFeatures(xy, info.features),
    rows: all,
  };
  prepared.set(info, p);
  return p;
}

/** The table's rows; outputs from `params` (the run's flat weights) when given and of the right size. */
export function tableRows(info: RunInfo, params: Float64Array | null): TableRow[] {
  const p = prepare(info);
  if (!params || params.length !== p.net.params.length || p.rows.length === 0)
    return p.rows.map((r) => ({ ...r, output: null }));
  p.net.params.set(params);
  forward(p.net, p.ws, p.inputs, p.rows.length, false, 0, null);
  const out = outputOf(p.ws);
  return p.rows.map((r, i) => ({ ...r, output: out[i]! }));
}
