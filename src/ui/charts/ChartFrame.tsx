/**
 * The frame both SVG line charts share (the single run's LossChart, the comparison's
 * CompareCharts): grid, axes, ticks, the clip for the lines, the cursor line at one epoch with
 * the readout beside it, and the pointer and keys that move that cursor (arrows: one point,
 * Shift+arrows: ten, Home/End, Escape: none; focusing a chart shows its last epoch). What a chart
 * draws (its lines, its dots on the cursor, the readout's words) comes from the caller.
 */
import { useId, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { axisScale, formatEpochTick, nearestIndex, type ChartAxis, type PlotBox } from '../../viz/lineChart.ts';
import type { CanvasPalette } from '../theme.ts';
import '../LossChart.css';

export type ChartColors = CanvasPalette['chart'];

/** Where the plot stands in the SVG and how epochs and values map to pixels. */
export interface ChartScales {
  plot: PlotBox;
  bottom: number;
  sx: (epoch: number) => number;
  sy: (value: number) => number;
}

export interface ChartFrameProps {
  /** The chart's text for screen readers (role img). */
  label: string;
  width: number;
  height: number;
  fontSize: number;
  colors: ChartColors;
  x: ChartAxis;
  y: ChartAxis;
  formatTick: (v: number) => string;
  /** The points the keys step through (the longest run's), in epoch order. */
  epochs: readonly { epoch: number }[];
  /** The epoch under the pointer or keyboard cursor; null when none. */
  cursor: number | null;
  onCursor: (epoch: number | null) => void;
  /** Where the cursor line and the readout stand (e.g. the nearest point's epoch); null: hidden. */
  cursorAt: number | null;
  /** The series' paths, clipped to the plot. */
  lines: (s: ChartScales) => ReactNode;
  /** Marks on the cursor line (drawn only while it shows). */
  dots?: (s: ChartScales, epoch: number) => ReactNode;
  /** The readout's content at the cursor. */
  readout: ReactNode;
  /** An epoch to mark with a vertical line (the replay timeline's viewed epoch); null: none. */
  marker?: number | null;
  testId?: string;
  readoutTestId?: string;
}

/** Space for the value labels left of the plot. */
const Y_AXIS_WIDTH = 52;

/** The arrow keys' next point from `i` of `last + 1`; undefined: a key the chart does not use. */
function keyStep(key: string, shift: boolean, i: number, last: number): number | undefined {
  const step = shift ? 10 : 1;
  const next: Record<string, number> = {
    ArrowLeft: Math.max(0, i - step),
    ArrowRight: Math.min(last, i + step),
    Home: 0,
    End: last,
  };
  return next[key];
}

export function ChartFrame(p: ChartFrameProps) {
  const { x, y, width, height, colors, fontSize, epochs } = p;
  const clipId = useId();
  const plot: PlotBox = {
    left: Y_AXIS_WIDTH,
    top: 6,
    width: Math.max(10, width - Y_AXIS_WIDTH - 12),
    height: Math.max(10, height - 6 - (fontSize + 12)),
  };
  const bottom = plot.top + plot.height;
  const scales: ChartScales = {
    plot,
    bottom,
    sx: axisScale(x, plot.left, plot.left + plot.width),
    sy: axisScale(y, bottom, plot.top),
  };
  const { sx, sy } = scales;
  const marker = p.marker ?? null;

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (epochs.length === 0) return;
    const r = e.currentTarget.getBoundingClientRect();
    const t = Math.min(1, Math.max(0, (e.clientX - r.left - plot.left) / plot.width));
    p.onCursor(x.domain[0] + t * (x.domain[1] - x.domain[0]));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (epochs.length === 0) return;
    if (e.key === 'Escape') {
      p.onCursor(null);
      return;
    }
    const last = epochs.length - 1;
    const i = p.cursor === null ? last : nearestIndex(epochs, p.cursor);
    const n = keyStep(e.key, e.shiftKey, i, last);
    if (n === undefined) return;
    e.preventDefault();
    p.onCursor(epochs[n]!.epoch);
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
          if (p.cursor === null && epochs.length > 0) p.onCursor(epochs[epochs.length - 1]!.epoch);
        }}
        onBlur={() => p.onCursor(null)}
        data-testid={p.testId}
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
            {p.lines(scales)}
          </g>
          {marker !== null && Number.isFinite(sx(marker)) ? (
            <line
              className="chart-marker"
              data-testid="chart-marker"
              x1={sx(marker)}
              x2={sx(marker)}
              y1={plot.top}
              y2={bottom}
              stroke={colors.test}
              strokeWidth={colors.lineWidth}
            />
          ) : null}
          {p.cursorAt !== null ? (
            <g className="chart-cursor">
              <line
                x1={sx(p.cursorAt)}
                x2={sx(p.cursorAt)}
                y1={plot.top}
                y2={bottom}
                stroke={colors.muted}
                strokeWidth={1}
              />
              {p.dots?.(scales, p.cursorAt)}
            </g>
          ) : null}
        </svg>
      </div>
      <div
        className="chart-readout"
        aria-live="polite"
        hidden={p.cursorAt === null}
        data-testid={p.readoutTestId}
        style={p.cursorAt !== null ? readoutPosition(sx(p.cursorAt), width) : undefined}
      >
        {p.cursorAt !== null ? p.readout : null}
      </div>
    </div>
  );
}

/** Beside the cursor line, on whichever side has room. */
function readoutPosition(cx: number, width: number): CSSProperties {
  return cx > width / 2 ? { right: `${Math.round(width - cx + 8)}px` } : { left: `${Math.round(cx + 8)}px` };
}

/** One legend entry: a short line in the series' colour (dashed for the second of a pair). */
export interface LegendItem {
  key: string;
  label: string;
  color: string;
  dashed: boolean;
}

export function ChartLegend({ items, lineWidth }: { items: readonly LegendItem[]; lineWidth: number }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {items.map((s) => (
        <li key={s.key}>
          <svg width="22" height="8" aria-hidden="true">
            <line
              x1="1"
              y1="4"
              x2="21"
              y2="4"
              stroke={s.color}
              strokeWidth={lineWidth}
              strokeDasharray={s.dashed ? '5 3' : undefined}
            />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
