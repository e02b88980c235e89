/** The dataset picker's thumbnails: the data helper's generator and preview renderer on a canvas. */
import { datasetFromPoints, generateDataset, type Dataset } from '../nn/data.ts';
import { XOR_TABLE_REGION, type DatasetName } from '../nn/types.ts';
import type { ExperimentConfig } from '../share/config.ts';
import { renderDatasetPreview } from '../viz/datasetPreview.ts';
import { context2d } from './live.ts';

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

export function paintDatasetPreview(canvas: HTMLCanvasElement, config: ExperimentConfig, name: DatasetName): void {
  const ctx = context2d(canvas);
  if (!ctx) return;
  const ds = previewDataset(config, name);
  if (!ds) return;
  const size = canvas.width;
  const pixels =
    name === 'xorTable'
      ? renderDatasetPreview(ds, size, { region: XOR_TABLE_REGION, radius: size / 8 })
      : renderDatasetPreview(ds, size, { radius: Math.max(1.5, size / 36) });
  const img = ctx.createImageData(size, size);
  img.data.set(pixels);
  ctx.putImageData(img, 0, 0);
}
