/** Canvas drawing of the network diagram: links by weight, node thumbnails from the grids. */
import { lutCss, lutIndex } from '../viz/colorScale.ts';
import { linkWidth, type DiagramLayout, type DiagramLink } from '../viz/diagram.ts';
import { paintScalarField } from '../viz/heatmap.ts';
import { context2d, sizeCanvas, type LiveState } from './live.ts';
import type { CanvasPalette } from './theme.ts';

export function drawLinks(
  canvas: HTMLCanvasElement | null,
  layout: DiagramLayout,
  s: LiveState,
  palette: CanvasPalette,
): void {
  if (!canvas) return;
  const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  sizeCanvas(canvas, layout.width * dpr, layout.height * dpr);
  canvas.style.width = `${layout.width}px`;
  canvas.style.height = `${layout.height}px`;
  const ctx = context2d(canvas);
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, layout.width, layout.height);
  const info = s.info;
  const snap = s.snapshot;
  const live = info && snap && snap.runId === info.runId && info.sizes.join() === layoutKey(layout);
  const widths = { minWidth: 0.75 * palette.scale, maxWidth: 7 * palette.scale, full: 3 };
  ctx.lineCap = 'round';
  // One path per (colour, width) bucket: a few dozen strokes instead of one per link, which is
  // what software rasterisation pays for. 32 colours a side and half-pixel widths look the same.
  const groups = new Map<number, DiagramLink[]>();
  const lutSize = palette.linkLut.size;
  for (const k of layout.links) {
    let w = 0;
    if (live) {
      const L = info.layers[k.layer];
      if (L) w = snap.params[L.wOffset + k.to * L.inSize + k.from] ?? 0;
    }
    const colour = Math.round((lutIndex(Math.tanh(w), lutSize) / (lutSize - 1)) * 64);
    const width = Math.round((live ? linkWidth(w, widths) : widths.minWidth) * 2);
    const key = width * 128 + colour;
    const g = groups.get(key);
    if (g) g.push(k);
    else groups.set(key, [k]);
  }
  const keys = [...groups.keys()].sort((a, b) => a - b); // thin links first, strong ones on top
  for (const key of keys) {
    const colour = key % 128;
    ctx.strokeStyle = lutCss(palette.linkLut, (colour / 64) * 2 - 1);
    ctx.lineWidth = Math.max(0.5, Math.floor(key / 128) / 2);
    ctx.beginPath();
    for (const k of groups.get(key)!) {
      const xm = (k.x1 + k.x2) / 2;
      ctx.moveTo(k.x1, k.y1);
      ctx.bezierCurveTo(xm, k.y1, xm, k.y2, k.x2, k.y2);
    }
    ctx.stroke();
  }
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

export function drawThumbs(
  canvases: Map<string, HTMLCanvasElement>,
  images: Map<string, ImageData>,
  layout: DiagramLayout,
  s: LiveState,
  palette: CanvasPalette,
): void {
  const info = s.info;
  const snap = s.snapshot;
  if (!info || info.sizes.join() !== layoutKey(layout)) return;
  const R = info.gridResolution;
  const RR = R * R;
  const step = thumbStep(R);
  const T = Math.ceil(R / step);
  const outputs = info.sizes.at(-1) ?? 1;
  for (const n of layout.nodes) {
    const key = `${n.layer}:${n.index}`;
    const canvas = canvases.get(key);
    if (!canvas) continue;
    if (n.kind === 'input' && canvas.dataset.run === `${info.runId}|${palette.theme}`) continue; // inputs never change within a run
    if (n.kind !== 'input' && (!snap || snap.runId !== info.runId)) continue;
    sizeCanvas(canvas, T, T);
    const ctx = context2d(canvas);
    if (!ctx) continue;
    let img = images.get(key);
    if (!img || img.width !== T) {
      img = ctx.createImageData(T, T);
      images.set(key, img);
    }
    const grid = { step, sourceSize: R };
    if (n.kind === 'input') {
      // Features span different ranges (x: ±6, x²: 0..36); scale each to its own max |value|.
      let m = 0;
      for (let i = 0; i < RR; i++) m = Math.max(m, Math.abs(info.inputGrids[n.index * RR + i] ?? 0));
      const scaled = new Float32Array(RR);
      for (let i = 0; i < RR; i++) scaled[i] = m > 0 ? (info.inputGrids[n.index * RR + i] ?? 0) / m : 0;
      paintScalarField(img, scaled, { lut: palette.lut, ...grid });
      canvas.dataset.run = `${info.runId}|${palette.theme}`;
    } else if (n.kind === 'hidden' && snap) {
      paintScalarField(img, snap.hiddenGrids, { lut: palette.lut, offset: n.hiddenIndex * RR, ...grid });
    } else if (n.kind === 'output' && snap) {
      if (info.problem === 'multiclass' && outputs > 1) {
        // One node per class: its probability on the class's own hue.
        const c = palette.classes[n.index % palette.classes.length]!;
        const bg = palette.background;
        const d = img.data;
        let p = 0;
        for (let r = 0; r < T; r++)
          for (let col = 0; col < T; col++, p++) {
            const cell = r * step * R + col * step;
            const pr = snap.outputGrid[cell * outputs + n.index] ?? 0;
            d[p * 4] = bg[0] + (c[0] - bg[0]) * pr;
            d[p * 4 + 1] = bg[1] + (c[1] - bg[1]) * pr;
            d[p * 4 + 2] = bg[2] + (c[2] - bg[2]) * pr;
            d[p * 4 + 3] = 255;
          }
      } else paintScalarField(img, snap.outputGrid, { lut: palette.lut, activation: info.outputActivation, ...grid });
    }
    ctx.putImageData(img, 0, 0);
  }
}
