/**
 * Network-diagram geometry as pure functions: where every node and link goes, how thick and
 * which colour a link is, and which link or node lies under a pointer. No DOM here; the
 * diagram component draws what these return.
 *
 * sizes: [inputs, ...hidden, outputs]. Columns left to right, one per layer; nodes are
 * squares of side nodeSize centred at (x, y). A link joins the right edge of `from` (layer L)
 * to the left edge of `to` (layer L+1) with a horizontal cubic Bézier.
 */
import { paramLayout } from '../nn/network.ts';

export type NodeKind = 'input' | 'hidden' | 'output';

export interface DiagramNode {
  /** 0 = inputs, sizes.length-1 = output. */
  layer: number;
  index: number;
  kind: NodeKind;
  x: number;
  y: number;
  /** Position of this unit in the engine's hidden grid (unit after unit, layer after layer), -1 if not hidden. */
  hiddenIndex: number;
}

export interface DiagramLink {
  /** Weight layer: 0 joins inputs to the first hidden layer (or output). */
  layer: number;
  to: number;
  from: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodeSize: number;
  columns: number[];
  nodes: DiagramNode[];
  links: DiagramLink[];
}

export interface LayoutOptions {
  width: number;
  nodeSize: number;
  /** Vertical gap between nodes in a column. */
  gap: number;
  /** Space left and right of the outer columns' node centres, and above/below. */
  padX: number;
  padY: number;
  /** Minimum height; the layout grows to fit the tallest column. */
  minHeight?: number;
}

export function layoutDiagram(sizes: readonly number[], o: LayoutOptions): DiagramLayout {
  const cols = sizes.length;
  const tallest = Math.max(1, ...sizes);
  const pitch = o.nodeSize + o.gap;
  const contentH = tallest * o.nodeSize + (tallest - 1) * o.gap;
  const height = Math.max(o.minHeight ?? 0, contentH + 2 * o.padY);
  const left = o.padX;
  const right = o.width - o.padX;
  const columns = sizes.map((_, i) => (cols === 1 ? o.width / 2 : left + ((right - left) * i) / (cols - 1)));
  const nodes: DiagramNode[] = [];
  let hidden = 0;
  for (let l = 0; l < cols; l++) {
    const n = sizes[l] ?? 0;
    const colH = n * o.nodeSize + (n - 1) * o.gap;
    const top = (height - colH) / 2 + o.nodeSize / 2;
    const kind: NodeKind = l === 0 ? 'input' : l === cols - 1 ? 'output' : 'hidden';
    for (let i = 0; i < n; i++) {
      nodes.push({
        layer: l,
        index: i,
        kind,
        x: columns[l] ?? 0,
        y: top + i * pitch,
        hiddenIndex: kind === 'hidden' ? hidden++ : -1,
      });
    }
  }
  const byLayer = (l: number) => nodes.filter((n) => n.layer === l);
  const links: DiagramLink[] = [];
  const half = o.nodeSize / 2;
  for (let l = 0; l + 1 < cols; l++) {
    const froms = byLayer(l);
    const tos = byLayer(l + 1);
    for (const t of tos) {
      for (const f of froms) {
        links.push({ layer: l, to: t.index, from: f.index, x1: f.x + half, y1: f.y, x2: t.x - half, y2: t.y });
      }
    }
  }
  return { width: o.width, height, nodeSize: o.nodeSize, columns, nodes, links };
}

/** Point on a link's Bézier at t in [0, 1]. */
export function linkPoint(k: DiagramLink, t: number): { x: number; y: number } {
  const xm = (k.x1 + k.x2) / 2;
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * k.x1 + b * xm + c * xm + d * k.x2, y: a * k.y1 + b * k.y1 + c * k.y2 + d * k.y2 };
}

function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Distance from a point to a link's curve (polyline of 24 segments). */
export function linkDistance(k: DiagramLink, x: number, y: number): number {
  const steps = 24;
  let best = Infinity;
  let prev = linkPoint(k, 0);
  for (let s = 1; s <= steps; s++) {
    const p = linkPoint(k, s / steps);
    best = Math.min(best, segDist(x, y, prev.x, prev.y, p.x, p.y));
    prev = p;
  }
  return best;
}

/** The node whose square contains (x, y), or null. */
export function hitNode(layout: DiagramLayout, x: number, y: number): DiagramNode | null {
  const h = layout.nodeSize / 2;
  for (const n of layout.nodes) if (Math.abs(x - n.x) <= h && Math.abs(y - n.y) <= h) return n;
  return null;
}

/** The link nearest (x, y) within `tolerance` pixels, or null. Nodes win over links. */
export function hitLink(layout: DiagramLayout, x: number, y: number, tolerance: number): DiagramLink | null {
  if (hitNode(layout, x, y)) return null;
  let best: DiagramLink | null = null;
  let bestD = tolerance;
  for (const k of layout.links) {
    if (x < Math.min(k.x1, k.x2) - tolerance || x > Math.max(k.x1, k.x2) + tolerance) continue;
    const d = linkDistance(k, x, y);
    if (d <= bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

/** Line width for a weight: minWidth at 0 growing linearly to maxWidth at |w| ≥ full. */
export function linkWidth(w: number, o: { minWidth: number; maxWidth: number; full: number }): number {
  if (!Number.isFinite(w)) return o.minWidth;
  const t = Math.min(1, Math.abs(w) / o.full);
  return o.minWidth + (o.maxWidth - o.minWidth) * t;
}

/** Where W[layer][to][from] and b[layer][to] sit in the engine's flat params (W (out, in) row-major, then b). */
export function paramOffsets(sizes: readonly number[]): { w: number[]; b: number[]; total: number } {
  const { layers, count } = paramLayout(sizes);
  return { w: layers.map((L) => L.wOffset), b: layers.map((L) => L.bOffset), total: count };
}

export function weightIndex(sizes: readonly number[], layer: number, to: number, from: number): number {
  const { w } = paramOffsets(sizes);
  return (w[layer] ?? 0) + to * (sizes[layer] ?? 0) + from;
}
