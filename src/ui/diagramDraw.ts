/**
 * Canvas drawing of the network diagram on two layers: the links (their colour and width follow
 * the weights) below, and every node's background and thumbnail above, each on one canvas. One
 * canvas for all thumbnails, not one per node: every canvas is a compositor layer of its own.
 * The links are the costly part (a big network has ~2,000 anti-aliased curves), so they are drawn
 * a few strokes per frame into a back buffer (see `linkJob`).
 */
import { lutCss, lutIndex } from '../viz/colorScale.ts';
import { linkWidth, type DiagramLayout, type DiagramLink } from '../viz/diagram.ts';
import { paintScalarField } from '../viz/heatmap.ts';
import { gridSide } from '../viz/readout.ts';
import type { RunInfo } from '../worker/protocol.ts';
import { context2d, nowMs, sizeCanvas, type DrawJob, type LiveState } from './live.ts';
import type { CanvasPalette } from './theme.ts';

/**
 * The thumbnails between draws: a detached canvas holding node i's thumbnail at x = i·T, so a
 * node keeps its last picture while a new run has not sent its first snapshot yet.
 */
export interface ThumbTiles {
  canvas: HTMLCanvasElement | null;
  /** The tile's pixels: every thumbnail side by side, put on the canvas in one call. */
  sheet: ImageData | null;
  /** One node's thumbnail being painted, before it is copied into the sheet. */
  scratch: ImageData | null;
  /** The layout (layoutKey) and thumbnail size T the tile was filled for; another starts it afresh. */
  layout: string;
  size: number;
  /** run|theme whose input thumbnails the tile holds (inputs never change within a run). */
  inputs: string;
}

export function emptyTiles(): ThumbTiles {
  return { canvas: null, sheet: null, scratch: null, layout: '', size: 0, inputs: '' };
}

/** The canvas sized to the layout at the device pixel ratio, cleared, with a context in CSS px. */
function layer(canvas: HTMLCanvasElement | null, layout: DiagramLayout): CanvasRenderingContext2D | null {
  if (!canvas) return null;
  const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  sizeCanvas(canvas, layout.width * dpr, layout.height * dpr);
  canvas.style.width = `${layout.width}px`;
  canvas.style.height = `${layout.height}px`;
  const ctx = context2d(canvas);
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, layout.width, layout.height);
  return ctx;
}

/** Links per stroke at most: a bucket holding most links (early in training) still splits up. */
export const LINKS_PER_STROKE = 150;

/** One stroke: links of one colour and width. */
export interface LinkStroke {
  style: string;
  width: number;
  links: DiagramLink[];
}

/**
 * The links as strokes, thin ones first so strong ones lie on top. One path per (colour, width)
 * bucket, a few dozen strokes instead of one per link, which is what software rasterisation pays
 * for; 32 colours a side and half-pixel widths look the same.
 */
export function linkStrokes(layout: DiagramLayout, s: LiveState, palette: CanvasPalette): LinkStroke[] {
  return linkBuckets(layout, s, palette).strokes;
}

/** The strokes, and each link's bucket (width·128 + colour) in layout order: equal buckets draw the same picture. */
function linkBuckets(
  layout: DiagramLayout,
  s: LiveState,
  palette: CanvasPalette,
): { strokes: LinkStroke[]; keys: Int32Array } {
  const info = s.info;
  const snap = s.snapshot;
  const live = info && snap && snap.runId === info.runId && info.sizes.join() === layoutKey(layout);
  const widths = { minWidth: 0.75 * palette.scale, maxWidth: 7 * palette.scale, full: 3 };
  const groups = new Map<number, DiagramLink[]>();
  const lutSize = palette.linkLut.size;
  const keys = new Int32Array(layout.links.length);
  let i = 0;
  for (const k of layout.links) {
    let w = 0;
    if (live) {
      const L = info.layers[k.layer];
      if (L) w = snap.params[L.wOffset + k.to * L.inSize + k.from] ?? 0;
    }
    const colour = Math.round((lutIndex(Math.tanh(w), lutSize) / (lutSize - 1)) * 64);
    const width = Math.round((live ? linkWidth(w, widths) : widths.minWidth) * 2);
    const key = width * 128 + colour;
    keys[i++] = key;
    const g = groups.get(key);
    if (g) g.push(k);
    else groups.set(key, [k]);
  }
  const strokes: LinkStroke[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const links = groups.get(key)!;
    const style = lutCss(palette.linkLut, ((key % 128) / 64) * 2 - 1);
    const width = Math.max(0.5, Math.floor(key / 128) / 2);
    for (let i = 0; i < links.length; i += LINKS_PER_STROKE)
      strokes.push({ style, width, links: links.slice(i, i + LINKS_PER_STROKE) });
  }
  return { strokes, keys };
}

/** The buckets of the links last shown on a diagram's canvas; a new layout or palette needs a fresh one. */
export interface LinkMemo {
  keys: Int32Array | null;
}

function sameKeys(a: Int32Array | null, b: Int32Array): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function stroke(ctx: CanvasRenderingContext2D, st: LinkStroke): void {
  ctx.strokeStyle = st.style;
  ctx.lineWidth = st.width;
  ctx.beginPath();
  for (const k of st.links) {
    const xm = (k.x1 + k.x2) / 2;
    ctx.moveTo(k.x1, k.y1);
    ctx.bezierCurveTo(xm, k.y1, xm, k.y2, k.x2, k.y2);
  }
  ctx.stroke();
}

/**
 * The links of state `s`, drawn a few strokes at a time into `back` (a detached canvas) and shown
 * on `front` in one copy when all are drawn. The browser rasterises canvas paths after the script
 * returns, so after each stroke `settle` (live.ts settleCanvas) makes it rasterise now: the budget
 * then covers the real cost, and a network of ~2,000 links takes a few frames of a few
 * milliseconds instead of dropping one.
 */
export function linkJob(
  front: HTMLCanvasElement | null,
  back: HTMLCanvasElement,
  layout: DiagramLayout,
  s: LiveState,
  palette: CanvasPalette,
  settle: (canvas: HTMLCanvasElement) => void,
  now: () => number = nowMs,
  memo: LinkMemo = { keys: null },
): DrawJob {
  const { strokes, keys } = linkBuckets(layout, s, palette);
  // Late in training most snapshots move no link to another colour or width: nothing to redraw.
  if (sameKeys(memo.keys, keys)) return { step: () => true };
  const ctx = layer(back, layout);
  let next = 0;
  if (ctx) ctx.lineCap = 'round';
  return {
    step(budgetMs) {
      if (!ctx) return true;
      const t0 = now();
      while (next < strokes.length) {
        stroke(ctx, strokes[next++]!);
        settle(back);
        if (now() - t0 >= budgetMs) break;
      }
      if (next < strokes.length) return false;
      const f = front ? layer(front, layout) : null;
      if (f) {
        f.setTransform(1, 0, 0, 1, 0, 0);
        f.drawImage(back, 0, 0);
        memo.keys = keys;
      }
      return true;
    },
  };
}

/** Every node as a background square with its thumbnail, scaled from the tile. */
export function drawNodeLayer(
  canvas: HTMLCanvasElement | null,
  layout: DiagramLayout,
  s: LiveState,
  palette: CanvasPalette,
  tiles: ThumbTiles,
  createCanvas: () => HTMLCanvasElement = () => document.createElement('canvas'),
): void {
  const ctx = layer(canvas, layout);
  if (!ctx) return;
  const half = layout.nodeSize / 2;
  const [r, g, b] = palette.background;
  ctx.fillStyle = `rgb(${r}, ${g}, ${b})`;
  for (const n of layout.nodes) ctx.fillRect(n.x - half, n.y - half, layout.nodeSize, layout.nodeSize);
  const T = updateTiles(tiles, layout, s, palette, createCanvas);
  if (!T || !tiles.canvas) return;
  ctx.imageSmoothingEnabled = true;
  layout.nodes.forEach((n, i) =>
    ctx.drawImage(tiles.canvas!, i * T, 0, T, T, n.x - half, n.y - half, layout.nodeSize, layout.nodeSize),
  );
}

export function layoutKey(layout: DiagramLayout): string {
  const counts: number[] = [];
  for (const n of layout.nodes) counts[n.layer] = (counts[n.layer] ?? 0) + 1;
  return counts.join();
}

/** Thumbnails need no more cells than a node has pixels: read every step-th grid cell. */
export function thumbStep(resolution: number, maxCells = 25): number {
  return Math.max(1, Math.ceil(resolution / maxCells));
}

/**
 * Input feature `index` over the plane, scaled to its own max |value| (features span different
 * ranges: x ±6, x² 0..36), side gridSide(info, 'input'). The diagram's thumbnail and the large plane.
 */
export function scaledFeatureGrid(info: RunInfo, index: number): Float32Array {
  const side = gridSide(info, 'input');
  const RR = side * side;
  let m = 0;
  for (let i = 0; i < RR; i++) m = Math.max(m, Math.abs(info.inputGrids[index * RR + i] ?? 0));
  const scaled = new Float32Array(RR);
  for (let i = 0; i < RR; i++) scaled[i] = m > 0 ? (info.inputGrids[index * RR + i] ?? 0) / m : 0;
  return scaled;
}

/**
 * Paints the nodes' thumbnails that the state has data for into the tile; returns the thumbnail
 * size T, or 0 while the tile has nothing for this layout.
 */
function updateTiles(
  tiles: ThumbTiles,
  layout: DiagramLayout,
  s: LiveState,
  palette: CanvasPalette,
  createCanvas: () => HTMLCanvasElement,
): number {
  const info = s.info;
  const snap = s.snapshot;
  const lk = layoutKey(layout);
  if (!info || info.sizes.join() !== lk) return tiles.layout === lk ? tiles.size : 0;
  // Input and hidden grids are S×S (the thumbnails' resolution), the output grid R×R: the output
  // node reads every `outStep`-th cell of R so that its T×T thumbnail covers the same plane.
  const R = gridSide(info, 'hidden');
  const RR = R * R;
  const step = thumbStep(R);
  const T = Math.ceil(R / step);
  const RO = gridSide(info, 'output');
  const outStep = T > 1 ? Math.max(1, Math.min(Math.floor((RO - 1) / (T - 1)), Math.round((step * RO) / R))) : 1;
  const ctx = context2d((tiles.canvas ??= createCanvas()));
  if (!ctx) return 0;
  if (tiles.layout !== lk || tiles.size !== T || !tiles.sheet || !tiles.scratch) {
    tiles.canvas.width = T * layout.nodes.length;
    tiles.canvas.height = T;
    tiles.sheet = ctx.createImageData(T * layout.nodes.length, T);
    tiles.scratch = ctx.createImageData(T, T);
    tiles.layout = lk;
    tiles.size = T;
    tiles.inputs = '';
  }
  const { sheet, scratch: img } = tiles;
  const sheetPx = new Uint32Array(sheet.data.buffer, sheet.data.byteOffset, sheet.width * T);
  const imgPx = new Uint32Array(img.data.buffer, img.data.byteOffset, T * T);
  let painted = false;
  const outputs = info.sizes.at(-1) ?? 1;
  const inputsKey = `${info.runId}|${palette.theme}`;
  const live = snap !== null && snap.runId === info.runId;
  layout.nodes.forEach((n, i) => {
    if (n.kind === 'input' ? tiles.inputs === inputsKey : !live) return;
    const Ri = gridSide(info, 'input');
    if (n.kind === 'input') {
      paintScalarField(img, scaledFeatureGrid(info, n.index), {
        lut: palette.lut,
        step: Math.max(1, Math.floor(Ri / T)),
        sourceSize: Ri,
      });
    } else if (n.kind === 'hidden') {
      paintScalarField(img, snap!.hiddenGrids, { lut: palette.lut, offset: n.hiddenIndex * RR, step, sourceSize: R });
    } else if (info.problem === 'multiclass' && outputs > 1) {
      // One node per class: its probability on the class's own hue.
      const c = palette.classes[n.index % palette.classes.length]!;
      const bg = palette.background;
      const d = img.data;
      let p = 0;
      for (let r = 0; r < T; r++)
        for (let col = 0; col < T; col++, p++) {
          const cell = r * outStep * RO + col * outStep;
          const pr = snap!.outputGrid[cell * outputs + n.index] ?? 0;
          d[p * 4] = bg[0] + (c[0] - bg[0]) * pr;
          d[p * 4 + 1] = bg[1] + (c[1] - bg[1]) * pr;
          d[p * 4 + 2] = bg[2] + (c[2] - bg[2]) * pr;
          d[p * 4 + 3] = 255;
        }
    } else
      paintScalarField(img, snap!.outputGrid, {
        lut: palette.lut,
        activation: info.outputActivation,
        step: outStep,
        sourceSize: RO,
      });
    for (let r = 0; r < T; r++) sheetPx.set(imgPx.subarray(r * T, r * T + T), r * sheet.width + i * T);
    painted = true;
  });
  if (painted) ctx.putImageData(sheet, 0, 0);
  tiles.inputs = inputsKey;
  return T;
}
