/**
 * The dataset picker's thumbnails: the data helper's generator and preview renderer on a canvas,
 * on the theme's background (a white square in the dark theme glares).
 */
import { datasetFromPoints, generateDataset, type Dataset } from '../nn/data.ts';
import { XOR_TABLE_REGION, type DatasetName } from '../nn/types.ts';
import type { ExperimentConfig } from '../share/config.ts';
import { renderDatasetPreview } from '../viz/datasetPreview.ts';
import type { PreviewPainter } from './DataPanel.tsx';
import { context2d } from './live.ts';
import type { CanvasPalette } from './theme.ts';

const PREVIEW_SAMPLES = 200;

function previewDataset(config: ExperimentConfig, name: DatasetName): Dataset | null {
  try {
    if (name === 'custom') return datasetFromPoints(config.points, config.problem, config.classes);
    return generateDataset(name, {
      samples: PREVIEW_SAMPLES,
      noise: config.noise,
      seed: config.dataSeed,
      classes: config.classes,
    });
  } catch {
    return null;
  }
}

export function paintDatasetPreview(
  canvas: HTMLCanvasElement,
  config: ExperimentConfig,
  name: DatasetName,
  palette: CanvasPalette,
): void {
  const ctx = context2d(canvas);
  if (!ctx) return;
  const ds = previewDataset(config, name);
  if (!ds) return;
  const size = canvas.width;
  const background = palette.background;
  const pixels =
    name === 'xorTable'
      ? renderDatasetPreview(ds, size, { region: XOR_TABLE_REGION, radius: size / 8, background })
      : renderDatasetPreview(ds, size, { radius: Math.max(1.5, size / 36), background });
  const img = ctx.createImageData(size, size);
  img.data.set(pixels);
  ctx.putImageData(img, 0, 0);
}

const painters = new WeakMap<CanvasPalette, PreviewPainter>();

/** One painter per palette (palettes are cached), so the thumbnails repaint when the theme changes. */
export function previewPainter(palette: CanvasPalette): PreviewPainter {
  let p = painters.get(palette);
  if (!p) {
    p = (canvas, config, name) => paintDatasetPreview(canvas, config, name, palette);
    painters.set(palette, p);
  }
  return p;
}
