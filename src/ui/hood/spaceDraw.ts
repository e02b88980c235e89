/**
 * Drawing the space a layer sees (SpaceView from src/nn/transformed.ts) on a square canvas of
 * `size` device pixels: the output behind (last hidden layer only), the input plane's grid lines
 * as the layer bends them, and the training points coloured by label, as on the output plane.
 */
import type { SpaceView } from '../../nn/transformed.ts';
import type { ProblemType } from '../../nn/types.ts';
import { classColor, divergingColor } from '../../viz/colors.ts';
import { paintClassField, paintScalarField } from '../../viz/heatmap.ts';
import type { CanvasPalette } from '../theme.ts';

export interface SpaceStyle {
  palette: CanvasPalette;
  problem: ProblemType;
  classes: number;
  outputActivation: 'sigmoid' | 'tanh' | 'linear' | 'softmax';
  labels: Float64Array;
}

const css = (c: readonly number[]) => `rgb(${Math.round(c[0]!)}, ${Math.round(c[1]!)}, ${Math.round(c[2]!)})`;

export function drawSpace(ctx: CanvasRenderingContext2D, size: number, v: SpaceView, st: SpaceStyle): void {
  const { box } = v;
  const p = st.palette;
  const sx = (a: number) => ((a - box.xMin) / (box.xMax - box.xMin)) * size;
  const sy = (b: number) => ((box.yMax - b) / (box.yMax - box.yMin)) * size;
  ctx.clearRect(0, 0, size, size);
  ctx.fillStyle = css(p.background);
  ctx.fillRect(0, 0, size, size);
  if (v.background) {
    const R = v.backgroundResolution;
    const img = new ImageData(R, R);
    if (v.outputs > 1)
      paintClassField(img, v.background, v.outputs, { classColors: p.classes, background: p.background });
    else
      paintScalarField(img, v.background, {
        lut: p.lut,
        activation: st.outputActivation === 'softmax' ? 'linear' : st.outputActivation,
      });
    const tmp = new OffscreenCanvas(R, R);
    tmp.getContext('2d')?.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(tmp, 0, 0, size, size);
  }
  // Grid lines: the input plane's rows and columns after the layer's transformation.
  const dpr = size / 360;
  ctx.lineWidth = Math.max(1, dpr * p.scale);
  ctx.strokeStyle = p.theme === 'dark' ? 'rgba(230, 230, 230, 0.55)' : 'rgba(20, 20, 20, 0.45)';
  const { lines, steps, grid } = v;
  for (let li = 0; li < 2 * lines; li++) {
    ctx.beginPath();
    for (let s = 0; s < steps; s++) {
      const i = (li * steps + s) * 2;
      const x = sx(grid[i]!);
      const y = sy(grid[i + 1]!);
      if (s === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
  const r = Math.max(2.5, 3.2 * dpr * p.scale);
  ctx.lineWidth = Math.max(1, dpr * p.scale);
  ctx.strokeStyle = p.pointStroke;
  const n = Math.min(st.labels.length, v.points.length / 2);
  for (let i = 0; i < n; i++) {
    const label = st.labels[i]!;
    ctx.fillStyle = css(st.problem === 'regression' ? divergingColor(label) : classColor(label, st.classes));
    ctx.beginPath();
    ctx.arc(sx(v.points[2 * i]!), sy(v.points[2 * i + 1]!), r, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
}
