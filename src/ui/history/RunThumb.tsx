/** A kept run's small pictures: its boundary (painted in the current theme) and its test-loss sparkline (plain SVG). */
import { useEffect, useRef } from 'react';
import type { RunCurve, RunPicture } from '../../persist/runHistory.ts';
import { paintClassField, paintScalarField } from '../../viz/heatmap.ts';
import { axisScale, epochAxis, linePath, valueAxis } from '../../viz/lineChart.ts';
import { context2d } from '../live.ts';
import type { CanvasPalette } from '../theme.ts';

export function BoundaryPicture({
  picture,
  palette,
  size,
}: {
  picture: RunPicture | null;
  palette: CanvasPalette;
  size: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = context2d(ref.current);
    if (!ctx || !picture) return;
    const n = picture.size;
    const img = ctx.createImageData(n, n);
    if (picture.problem === 'multiclass' && picture.k > 1)
      paintClassField(img, picture.values, picture.k, { classColors: palette.classes, background: palette.background });
    else paintScalarField(img, picture.values, { lut: palette.lut, activation: picture.activation });
    ctx.putImageData(img, 0, 0);
  }, [picture, palette]);
  if (!picture) return <span className="run-picture empty" style={{ width: size, height: size }} />;
  return (
    <canvas
      ref={ref}
      className="run-picture"
      width={picture.size}
      height={picture.size}
      style={{ width: size, height: size }}
      aria-hidden="true"
    />
  );
}

/** The test loss (or the training loss when there is no test set) as one SVG path. */
export function Sparkline({
  curve,
  palette,
  width,
  height,
}: {
  curve: RunCurve;
  palette: CanvasPalette;
  width: number;
  height: number;
}) {
  const useTest = curve.testLoss.some((v) => v !== null);
  const points = curve.epoch.map((epoch, i) => ({
    epoch,
    loss: (useTest ? curve.testLoss : curve.trainLoss)[i] ?? null,
  }));
  const x = epochAxis(points);
  const y = valueAxis(points, ['loss'], false);
  const d = linePath(points, 'loss', axisScale(x, 2, width - 2), axisScale(y, height - 2, 2));
  return (
    <svg className="run-sparkline" width={width} height={height} aria-hidden="true">
      <path d={d} fill="none" stroke={palette.chart.test} strokeWidth={Math.max(1.5, palette.chart.lineWidth / 1.5)} />
    </svg>
  );
}
