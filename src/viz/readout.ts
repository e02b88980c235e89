/**
 * What the run's grids say at a point of the plane: the nearest grid cell's value (no model
 * evaluated here: the worker's grids are the network's answer), and the side of each grid.
 * Grids (nn/grid.ts): row 0 = top (yMax), col 0 = left (xMin), corners included, so cell
 * (row, col) sits at x = xMin + col·(xMax−xMin)/(R−1), y = yMax − row·(yMax−yMin)/(R−1).
 */
import type { RunInfo, Snapshot } from '../worker/protocol.ts';

export type GridKind = 'output' | 'hidden' | 'input';

/**
 * The side R of a run's grid of this kind. Today every grid shares `gridResolution`; when hidden
 * units and input features get a resolution of their own in RunInfo, read it here (one place).
 */
export function gridSide(info: RunInfo, kind: GridKind): number {
  return kind === 'output' ? info.gridResolution : info.hiddenGridResolution;
}

/** Index row·R + col of the grid cell nearest (x, y); points off the plane take the edge cell. */
export function nearestCell(region: RunInfo['region'], side: number, x: number, y: number): number {
  const clamp = (v: number) => Math.max(0, Math.min(side - 1, Math.round(v)));
  const col = clamp(((x - region.xMin) / (region.xMax - region.xMin)) * (side - 1));
  const row = clamp(((region.yMax - y) / (region.yMax - region.yMin)) * (side - 1));
  return row * side + col;
}

/** What the plane shows: the network's output, or one hidden unit / input feature (index into its grids). */
export type PlaneSource = { kind: 'output' } | { kind: 'hidden' | 'input'; index: number };

export type Readout =
  | { kind: 'value'; x: number; y: number; value: number }
  | { kind: 'class'; x: number; y: number; classIndex: number; probability: number };

/** The value under (x, y) of what the plane shows; null before the run's first snapshot. */
export function readoutAt(
  info: RunInfo,
  snap: Snapshot | null,
  x: number,
  y: number,
  source: PlaneSource = { kind: 'output' },
): Readout | null {
  if (source.kind === 'input') {
    const side = gridSide(info, 'input');
    const v = info.inputGrids[source.index * side * side + nearestCell(info.region, side, x, y)];
    return v === undefined ? null : { kind: 'value', x, y, value: v };
  }
  if (!snap || snap.runId !== info.runId) return null;
  if (source.kind === 'hidden') {
    const side = gridSide(info, 'hidden');
    const v = snap.hiddenGrids[source.index * side * side + nearestCell(info.region, side, x, y)];
    return v === undefined ? null : { kind: 'value', x, y, value: v };
  }
  const side = gridSide(info, 'output');
  const cell = nearestCell(info.region, side, x, y);
  const outputs = info.sizes.at(-1) ?? 1;
  if (info.problem === 'multiclass' && outputs > 1) {
    let best = 0;
    for (let k = 1; k < outputs; k++)
      if ((snap.outputGrid[cell * outputs + k] ?? -Infinity) > (snap.outputGrid[cell * outputs + best] ?? -Infinity))
        best = k;
    const p = snap.outputGrid[cell * outputs + best];
    return p === undefined ? null : { kind: 'class', x, y, classIndex: best, probability: p };
  }
  const v = snap.outputGrid[cell];
  return v === undefined ? null : { kind: 'value', x, y, value: v };
}

const signed = (v: number, digits: number) => v.toFixed(digits).replace('-', '−');

/** "x 1.20, y −0.40 → 0.93"; multi-class "x 1.20, y −0.40 → class 2 (87%)". */
export function formatReadout(r: Readout): string {
  const at = `x ${signed(r.x, 2)}, y ${signed(r.y, 2)}`;
  if (r.kind === 'class') return `${at} → class ${r.classIndex + 1} (${Math.round(r.probability * 100)}%)`;
  return `${at} → ${signed(r.value, 2)}`;
}
