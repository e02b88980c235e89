import { memo, useMemo, useRef, useState } from 'react';
import type { HistoryCounts } from '../share/file.ts';
import type { HistoryPoint } from '../state/history.ts';
import {
  epochAxis,
  formatValueTick,
  linePath,
  nearestIndex,
  thin,
  valueAxis,
  type ChartAxis,
} from '../viz/lineChart.ts';
import { ChartFrame, ChartLegend, type ChartColors, type LegendItem } from './charts/ChartFrame.tsx';
import { Toggle } from './controls.tsx';
import { formatNumber } from './labels.ts';
import { useBoxWidth } from './useBoxWidth.ts';
import './LossChart.css';

export interface LossChartProps {
  history: readonly HistoryPoint[];
  showAccuracy: boolean;
  /** Fixed size for tests; the app lets the chart fill its box. */
  width?: number;
  height?: number;
  colors: ChartColors;
  /** Axis tick font size in px (bigger on a projector). */
  fontSize?: number;
  /** An epoch to mark with a vertical line (the replay timeline's viewed epoch); null: none. */
  marker?: number | null;
}

type SeriesKey = 'trainLoss' | 'testLoss' | 'trainAccuracy' | 'testAccuracy';

interface Series {
  key: SeriesKey;
  label: string;
  which: 'train' | 'test';
}

/** Points drawn per line: a chart a few hundred pixels wide shows no more. */
export const MAX_CHART_POINTS = 200;

const LOSS_SERIES: Series[] = [
  { key: 'trainLoss', label: 'Train loss', which: 'train' },
  { key: 'testLoss', label: 'Test loss', which: 'test' },
];
const ACCURACY_SERIES: Series[] = [
  { key: 'trainAccuracy', label: 'Train accuracy', which: 'train' },
  { key: 'testAccuracy', label: 'Test accuracy', which: 'test' },
];
const ACCURACY_AXIS: ChartAxis = { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], log: false };
const TEST_DASH = '7 4';
const formatPercent = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Loss (and accuracy) against epochs from the store's bounded, downsampled history, drawn as plain
 * SVG: a live update re-renders two paths per chart (well under a millisecond). Hovering, or the
 * arrow keys on a focused chart, show every series' value at one epoch in both charts.
 */
export const LossChart = memo(function LossChart({
  history,
  showAccuracy,
  width: fixedWidth,
  height = 180,
  colors,
  fontSize = 12,
  marker = null,
}: LossChartProps) {
  const [log, setLog] = useState(false);
  /** The epoch under the pointer or keyboard cursor, shared by both charts; null when none. */
  const [cursor, setCursor] = useState<number | null>(null);
  const shown = useMemo(() => thin(history, MAX_CHART_POINTS), [history]);
  const x = useMemo(() => epochAxis(shown), [shown]);
  const lossAxis = useMemo(() => valueAxis(shown, ['trainLoss', 'testLoss'], log), [shown, log]);
  const box = useRef<HTMLDivElement>(null);
  const measured = useBoxWidth(box, 320, fixedWidth === undefined);
  const cellWidth = fixedWidth ?? measured;
  const common = { points: shown, x, height, colors, fontSize, width: cellWidth, cursor, onCursor: setCursor, marker };
  return (
    <div className={`loss-chart ${showAccuracy ? 'has-accuracy' : ''}`}>
      <div className="chart-cell" ref={box}>
        <div className="chart-head">
          <h3>Loss</h3>
          <Toggle label="Log scale" checked={log} onChange={setLog} />
        </div>
        <SeriesChart
          {...common}
          label={summary(history)}
          series={LOSS_SERIES}
          y={lossAxis}
          formatTick={(v) => formatValueTick(v, lossAxis)}
          formatValue={(v) => formatNumber(v, 4)}
        />
        <ChartLegend items={legendOf(LOSS_SERIES, colors)} lineWidth={colors.lineWidth} />
      </div>
      {showAccuracy ? (
        <div className="chart-cell">
          <div className="chart-head">
            <h3>Accuracy</h3>
          </div>
          <SeriesChart
            {...common}
            label={accuracySummary(history)}
            series={ACCURACY_SERIES}
            y={ACCURACY_AXIS}
            formatTick={(v) => `${Math.round(v * 100)}%`}
            formatValue={formatPercent}
          />
          <ChartLegend items={legendOf(ACCURACY_SERIES, colors)} lineWidth={colors.lineWidth} />
        </div>
      ) : null}
    </div>
  );
});

interface SeriesChartProps {
  points: readonly HistoryPoint[];
  series: readonly Series[];
  x: ChartAxis;
  y: ChartAxis;
  width: number;
  height: number;
  colors: ChartColors;
  fontSize: number;
  label: string;
  formatTick: (v: number) => string;
  formatValue: (v: number) => string;
  cursor: number | null;
  onCursor: (epoch: number | null) => void;
  marker: number | null;
}

/** One chart of the run's series in the shared frame; the cursor sits on the nearest point. */
function SeriesChart(p: SeriesChartProps) {
  const { points, series, colors } = p;
  const at = p.cursor === null ? -1 : nearestIndex(points, p.cursor);
  const hovered = at >= 0 ? points[at]! : null;
  return (
    <ChartFrame
      {...p}
      epochs={points}
      cursorAt={hovered ? hovered.epoch : null}
      lines={({ sx, sy }) =>
        series.map((s) => (
          <path
            key={s.key}
            data-series={s.key}
            d={linePath(points, s.key, sx, sy)}
            stroke={colors[s.which]}
            strokeDasharray={s.which === 'test' ? TEST_DASH : undefined}
          />
        ))
      }
      dots={({ sx, sy, plot, bottom }) =>
        hovered
          ? series.map((s) => {
              const v = hovered[s.key];
              const cy = v === null ? NaN : sy(v);
              return Number.isFinite(cy) && cy >= plot.top - 2 && cy <= bottom + 2 ? (
                <circle key={s.key} cx={sx(hovered.epoch)} cy={cy} r={colors.lineWidth + 2} fill={colors[s.which]} />
              ) : null;
            })
          : null
      }
      readout={
        hovered ? (
          <>
            <strong>Epoch {Math.round(hovered.epoch)}</strong>
            {series.map((s) => (
              <span key={s.key}>
                {s.label} {hovered[s.key] === null ? '–' : p.formatValue(hovered[s.key]!)}
              </span>
            ))}
          </>
        ) : null
      }
    />
  );
}

function legendOf(series: readonly Series[], colors: ChartColors): LegendItem[] {
  return series.map((s) => ({ key: s.key, label: s.label, color: colors[s.which], dashed: s.which === 'test' }));
}

function last(history: readonly HistoryPoint[], key: keyof HistoryCounts): number | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const v = history[i]![key];
    if (v !== null && Number.isFinite(v)) return v;
  }
  return null;
}

function summary(h: readonly HistoryPoint[]): string {
  if (h.length === 0) return 'Loss chart: no epochs trained yet';
  return `Loss chart over ${Math.round(h.at(-1)!.epoch)} epochs: train loss ${formatNumber(last(h, 'trainLoss'))}, test loss ${formatNumber(last(h, 'testLoss'))}`;
}

function accuracySummary(h: readonly HistoryPoint[]): string {
  const tr = last(h, 'trainAccuracy');
  const te = last(h, 'testAccuracy');
  const pct = (v: number | null) => (v === null ? '–' : formatPercent(v));
  return `Accuracy chart: train ${pct(tr)}, test ${pct(te)}`;
}
