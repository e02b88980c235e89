import { memo, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { HistoryCounts } from '../share/file.ts';
import type { HistoryPoint } from '../state/history.ts';
import {
  axisScale,
  epochAxis,
  formatEpochTick,
  formatValueTick,
  linePath,
  nearestIndex,
  thin,
  valueAxis,
  type ChartAxis,
  type PlotBox,
} from '../viz/lineChart.ts';
import { Toggle } from './controls.tsx';
import type { CanvasPalette } from './theme.ts';
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

type ChartColors = CanvasPalette['chart'];
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
        <ChartLegend series={LOSS_SERIES} colors={colors} />
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
          <ChartLegend series={ACCURACY_SERIES} colors={colors} />
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

/** Space for the value labels left of the plot. */
const Y_AXIS_WIDTH = 52;

function SeriesChart(p: SeriesChartProps) {
  const { points, series, x, y, width, height, colors, fontSize } = p;
  const clipId = useId();
  const plot: PlotBox = {
    left: Y_AXIS_WIDTH,
    top: 6,
    width: Math.max(10, width - Y_AXIS_WIDTH - 12),
    height: Math.max(10, height - 6 - (fontSize + 12)),
  };
  const sx = axisScale(x, plot.left, plot.left + plot.width);
  const sy = axisScale(y, plot.top + plot.height, plot.top);
  const bottom = plot.top + plot.height;
  const at = p.cursor === null ? -1 : nearestIndex(points, p.cursor);
  const hovered = at >= 0 ? points[at]! : null;

  const epochAt = (clientX: number, el: Element) => {
    const r = el.getBoundingClientRect();
    const t = (clientX - r.left - plot.left) / plot.width;
    return x.domain[0] + Math.min(1, Math.max(0, t)) * (x.domain[1] - x.domain[0]);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (points.length > 0) p.onCursor(epochAt(e.clientX, e.currentTarget));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (points.length === 0) return;
    const last = points.length - 1;
    const i = at < 0 ? last : at;
    const step = e.shiftKey ? 10 : 1;
    const next: Record<string, number> = {
      ArrowLeft: Math.max(0, i - step),
      ArrowRight: Math.min(last, i + step),
      Home: 0,
      End: last,
    };
    if (e.key === 'Escape') {
      p.onCursor(null);
      return;
    }
    const n = next[e.key];
    if (n === undefined) return;
    e.preventDefault();
    p.onCursor(points[n]!.epoch);
  };

  return (
    <div className="chart-frame">
      <div
        className="chart-box"
        role="img"
        aria-label={p.label}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (p.cursor === null && points.length > 0) p.onCursor(points[points.length - 1]!.epoch);
        }}
        onBlur={() => p.onCursor(null)}
      >
        <svg
          width={width}
          height={height}
          aria-hidden="true"
          onPointerMove={onPointerMove}
          onPointerLeave={() => p.onCursor(null)}
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={plot.left} y={plot.top - 2} width={plot.width} height={plot.height + 4} />
            </clipPath>
          </defs>
          <g className="chart-grid" stroke={colors.grid} strokeDasharray="3 3">
            {y.ticks.map((t) => (
              <line key={`y${t}`} x1={plot.left} x2={plot.left + plot.width} y1={sy(t)} y2={sy(t)} />
            ))}
            {x.ticks.map((t) => (
              <line key={`x${t}`} x1={sx(t)} x2={sx(t)} y1={plot.top} y2={bottom} />
            ))}
          </g>
          <g className="chart-axes" stroke={colors.muted}>
            <line x1={plot.left} x2={plot.left} y1={plot.top} y2={bottom} />
            <line x1={plot.left} x2={plot.left + plot.width} y1={bottom} y2={bottom} />
          </g>
          <g className="chart-ticks" fill={colors.muted} fontSize={fontSize}>
            {y.ticks.map((t) => (
              <text key={`y${t}`} x={plot.left - 6} y={sy(t)} textAnchor="end" dominantBaseline="middle">
                {p.formatTick(t)}
              </text>
            ))}
            {x.ticks.map((t) => (
              <text
                key={`x${t}`}
                x={sx(t)}
                y={bottom + 6}
                textAnchor={sx(t) > width - 24 ? 'end' : 'middle'}
                dominantBaseline="hanging"
              >
                {formatEpochTick(t)}
              </text>
            ))}
          </g>
          <g clipPath={`url(#${clipId})`} fill="none" strokeWidth={colors.lineWidth} strokeLinejoin="round">
            {series.map((s) => (
              <path
                key={s.key}
                data-series={s.key}
                d={linePath(points, s.key, sx, sy)}
                stroke={colors[s.which]}
                strokeDasharray={s.which === 'test' ? TEST_DASH : undefined}
              />
            ))}
          </g>
          {p.marker !== null && Number.isFinite(sx(p.marker)) ? (
            <line
              className="chart-marker"
              data-testid="chart-marker"
              x1={sx(p.marker)}
              x2={sx(p.marker)}
              y1={plot.top}
              y2={bottom}
              stroke={colors.test}
              strokeWidth={colors.lineWidth}
            />
          ) : null}
          {hovered ? (
            <g className="chart-cursor">
              <line
                x1={sx(hovered.epoch)}
                x2={sx(hovered.epoch)}
                y1={plot.top}
                y2={bottom}
                stroke={colors.muted}
                strokeWidth={1}
              />
              {series.map((s) => {
                const v = hovered[s.key];
                const cy = v === null ? NaN : sy(v);
                return Number.isFinite(cy) && cy >= plot.top - 2 && cy <= bottom + 2 ? (
                  <circle key={s.key} cx={sx(hovered.epoch)} cy={cy} r={colors.lineWidth + 2} fill={colors[s.which]} />
                ) : null;
              })}
            </g>
          ) : null}
        </svg>
      </div>
      <div
        className="chart-readout"
        aria-live="polite"
        hidden={!hovered}
        style={hovered ? readoutPosition(sx(hovered.epoch), width) : undefined}
      >
        {hovered ? (
          <>
            <strong>Epoch {Math.round(hovered.epoch)}</strong>
            {series.map((s) => (
              <span key={s.key}>
                {s.label} {hovered[s.key] === null ? '–' : p.formatValue(hovered[s.key]!)}
              </span>
            ))}
          </>
        ) : null}
      </div>
    </div>
  );
}

/** Beside the cursor line, on whichever side has room. */
function readoutPosition(cx: number, width: number): React.CSSProperties {
  return cx > width / 2 ? { right: `${Math.round(width - cx + 8)}px` } : { left: `${Math.round(cx + 8)}px` };
}

function ChartLegend({ series, colors }: { series: readonly Series[]; colors: ChartColors }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.key}>
          <svg width="22" height="8" aria-hidden="true">
            <line
              x1="1"
              y1="4"
              x2="21"
              y2="4"
              stroke={colors[s.which]}
              strokeWidth={colors.lineWidth}
              strokeDasharray={s.which === 'test' ? '5 3' : undefined}
            />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
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
