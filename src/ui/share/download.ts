/** Save text or a canvas as a file the browser downloads (an object URL, revoked after the click). */
import { useStore } from '../../state/store.ts';
import type { Region } from '../../nn/types.ts';
import { niceTicks, xToPx, yToPx } from '../../viz/axes.ts';
import { CLASS_COLORS } from '../../viz/colors.ts';
import { ACTIVATION_LABELS, DATASET_LABELS, formatNumber } from '../labels.ts';
import { paletteFor } from '../theme.ts';

export function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function saveText(filename: string, text: string, mime: string): void {
  saveBlob(filename, new Blob([text], { type: mime }));
}

/** What the exported picture says about itself: axes, legend and one caption line. */
export interface BoundaryDetails {
  region: Region;
  /** Multi-class: one swatch per class; otherwise the diverging scale from `low` to `high`. */
  legend:
    | { kind: 'classes'; colors: readonly string[] }
    | { kind: 'scale'; colors: readonly string[]; low: string; high: string };
  /** "Circle · 2-4-2-1 Tanh · epoch 512 · train loss 0.012 · test loss 0.019" */
  caption: string;
}

/** The export's layout (CSS px): the plane with the y ticks on its left, x ticks, legend and caption below. */
export const BOUNDARY_LAYOUT = { plane: 600, left: 44, top: 14, right: 16, ticks: 26, legend: 34, caption: 30 };

/** The store's run as export details; null before the run has a picture. */
export function boundaryDetails(): BoundaryDetails | null {
  const { runInfo: info, run, config } = useStore.getState();
  if (!info) return null;
  const light = paletteFor('light');
  const multiclass = info.problem === 'multiclass' && info.classes > 2;
  const sigmoid = info.outputActivation === 'sigmoid';
  const parts = [
    DATASET_LABELS[config.dataset],
    `${info.sizes.join('-')} ${ACTIVATION_LABELS[config.activation]}`,
    `epoch ${run.epoch}`,
    `train loss ${formatNumber(run.trainLoss)}`,
    `test loss ${formatNumber(run.testLoss)}`,
  ];
  return {
    region: info.region,
    legend: multiclass
      ? { kind: 'classes', colors: CLASS_COLORS.slice(0, info.classes) }
      : {
          kind: 'scale',
          colors: [light.negative, light.neutral, light.positive],
          low: sigmoid ? '0' : '−1',
          high: sigmoid ? '1' : '+1',
        },
    caption: parts.join(' · '),
  };
}

/**
 * The decision boundary as drawn (the heatmap scaled up smoothly, the points on top, a `size` px
 * square), with axes, a legend and a caption line when `details` are given. White background and
 * dark ink whatever the theme: the picture goes into slides and worksheets.
 */
export function composeBoundary(
  heat: HTMLCanvasElement,
  dots: HTMLCanvasElement | null,
  details: BoundaryDetails | null = null,
  size = BOUNDARY_LAYOUT.plane,
): HTMLCanvasElement {
  const L = BOUNDARY_LAYOUT;
  const out = document.createElement('canvas');
  const x0 = details ? L.left : 0;
  const y0 = details ? L.top : 0;
  out.width = details ? L.left + size + L.right : size;
  out.height = details ? L.top + size + L.ticks + L.legend + L.caption : size;
  const ctx = out.getContext('2d');
  if (!ctx) return out;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(heat, x0, y0, size, size);
  if (dots && dots.width > 1) ctx.drawImage(dots, x0, y0, size, size);
  if (details) drawDetails(ctx, details, x0, y0, size);
  return out;
}

function drawDetails(ctx: CanvasRenderingContext2D, d: BoundaryDetails, x0: number, y0: number, size: number): void {
  const L = BOUNDARY_LAYOUT;
  const ink = '#222222';
  ctx.strokeStyle = '#888888';
  ctx.lineWidth = 1;
  ctx.strokeRect(x0 - 0.5, y0 - 0.5, size + 1, size + 1);
  ctx.fillStyle = ink;
  ctx.font = '13px system-ui, sans-serif';
  const { region: r } = d;
  const tick = (t: number) => String(t).replace('-', '−');
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of niceTicks(r.xMin, r.xMax, 6)) {
    const x = x0 + xToPx(t, r, size);
    ctx.fillRect(x, y0 + size, 1, 5);
    ctx.fillText(tick(t), x, y0 + size + 7);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of niceTicks(r.yMin, r.yMax, 6)) {
    const y = y0 + yToPx(t, r, size);
    ctx.fillRect(x0 - 5, y, 5, 1);
    ctx.fillText(tick(t), x0 - 8, y);
  }
  // Legend: a scale bar with its ends, or one swatch per class.
  const ly = y0 + size + L.ticks + 8;
  ctx.textBaseline = 'middle';
  if (d.legend.kind === 'scale') {
    const w = Math.min(240, size / 2);
    const g = ctx.createLinearGradient(x0 + 28, 0, x0 + 28 + w, 0);
    d.legend.colors.forEach((c, i) => g.addColorStop(i / Math.max(1, d.legend.colors.length - 1), c));
    ctx.fillStyle = g;
    ctx.fillRect(x0 + 28, ly, w, 14);
    ctx.fillStyle = ink;
    ctx.textAlign = 'right';
    ctx.fillText(d.legend.low, x0 + 22, ly + 7);
    ctx.textAlign = 'left';
    ctx.fillText(d.legend.high, x0 + 34 + w, ly + 7);
  } else {
    let x = x0;
    ctx.textAlign = 'left';
    d.legend.colors.forEach((c, i) => {
      ctx.fillStyle = c;
      ctx.fillRect(x, ly, 14, 14);
      ctx.fillStyle = ink;
      ctx.fillText(`Class ${i + 1}`, x + 19, ly + 7);
      x += 19 + ctx.measureText(`Class ${i + 1}`).width + 16;
    });
  }
  ctx.font = '600 14px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = ink;
  ctx.fillText(d.caption, x0, y0 + size + L.ticks + L.legend + L.caption / 2, size);
}

export function saveCanvasPng(filename: string, canvas: HTMLCanvasElement): Promise<boolean> {
  return new Promise((resolve) => {
    canvas.toBlob((blob) => {
      if (!blob) return resolve(false);
      saveBlob(filename, blob);
      resolve(true);
    }, 'image/png');
  });
}

/** A short stamp for file names: 2026-11-27-0142. */
export function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}
