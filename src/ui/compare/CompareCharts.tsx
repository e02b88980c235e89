/**
 * The comparison's loss and accuracy charts: both runs in one chart each (A solid, B dashed; train
 * and test in the palette's chart colours), drawn with the project's SVG line chart geometry
 * (src/viz/lineChart.ts) like the single run's LossChart. Hovering, or the arrow keys on a focused
 * chart, read both runs' values at one epoch.
 */
import { memo, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { HistoryPoint } from '../../state/history.ts';
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
} from '../../viz/lineChart.ts';
import { formatNumber } from '../labels.ts';
import { MAX_CHART_POINTS } from '../LossChart.tsx';
import type { CanvasPalette } from '../theme.ts';
import { useBoxWidth } from '../useBoxWidth.ts';
import '../LossChart.css';
import './compare.css';

type Colors = CanvasPalette['chart'];
type Key = 'trainLoss' | 'testLoss' | 'trainAccuracy' | 'testAccuracy';
type Run = 'A' | 'B';

const B_DASH = '7 4';
const ACCURACY_AXIS: ChartAxis = { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], log: false };
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

export interface CompareChartsProps {
  a: readonly HistoryPoint[];
  b: readonly HistoryPoint[];
  showAccuracy: boolean;
  colors: Colors;
  fontSize: number;
  height: number;
}

export const CompareCharts = memo(function CompareCharts(p: CompareChartsProps) {
  const [cursor, setCursor] = useState<number | null>(null);
  const a = useMemo(() => thin(p.a, MAX_CHART_POINTS), [p.a]);
  const b = useMemo(() => thin(p.b, MAX_CHART_POINTS), [p.b]);
  const both = useMemo(() => [...a, ...b], [a, b]);
  const x = useMemo(
    () => epochAxis(both.length > 0 ? [{ epoch: Math.max(0, ...both.map((q) => q.epoch)) }] : []),
    [both],
  );
  const lossAxis = useMemo(() => valueAxis(both, ['trainLoss', 'testLoss'], false), [both]);
  const common = { a, b, x, colors: p.colors, fontSize: p.fontSize, height: p.height, cursor, onCursor: setCursor };
  return (
    <div className={`loss-chart compare-charts ${p.showAccuracy ? 'has-accuracy' : ''}`}>
      <OverlayChart
        {...common}
        title="Loss"
        keys={['trainLoss', 'testLoss']}
        y={lossAxis}
        formatTick={(v) => formatValueTick(v, lossAxis)}
        formatValue={(v) => formatNumber(v, 4)}
      />
      {p.showAccuracy ? (
        <OverlayChart
          {...common}
          title="Accuracy"
          keys={['trainAccuracy', 'testAccuracy']}
          y={ACCURACY_AXIS}
          formatTick={(v) => `${Math.round(v * 100)}%`}
          formatValue={percent}
        />
      ) : null}
    </div>
  );
});

interface OverlayProps {
  a: readonly HistoryPoint[];
  b: readonly HistoryPoint[];
  x: ChartAxis;
  y: ChartAxis;
  keys: [Key, Key];
  title: string;
  colors: Colors;
  fontSize: number;
  height: number;
  cursor: number | null;
  onCursor: (epoch: number | null) => void;
  formatTick: (v: number) => string;
  formatValue: (v: number) => string;
}

const Y_AXIS_WIDTH = 52;
const which = (k: Key) => (k.startsWith('train') ? 'train' : 'test');
const name = (k: Key) => (k.startsWith('train') ? 'train' : 'test');

function OverlayChart(p: OverlayProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(box, 320);
  const clipId = useId();
  const { x, y, colors, fontSize, height } = p;
  const plot = {
    left: Y_AXIS_WIDTH,
    top: 6,
    width: Math.max(10, width - Y_AXIS_WIDTH - 12),
    height: Math.max(10, height - 6 - (fontSize + 12)),
  };
  const sx = axisScale(x, plot.left, plot.left + plot.width);
  const sy = axisScale(y, plot.top + plot.height, plot.top);
  const bottom = plot.top + plot.height;
  const runs: [Run, readonly HistoryPoint[]][] = [
    ['A', p.a],
    ['B', p.b],
  ];
  const at = (pts: readonly HistoryPoint[]) =>
    p.cursor === null || pts.length === 0 ? null : pts[nearestIndex(pts, p.cursor)]!;
  const hovered = p.cursor === null ? null : { epoch: p.cursor, A: at(p.a), B: at(p.b) };
  const longer = p.a.length >= p.b.length ? p.a : p.b;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (longer.length === 0) return;
    const last = longer.length - 1;
    const i = p.cursor === null ? last : nearestIndex(longer, p.cursor);
    const step = e.shiftKey ? 10 : 1;
    const next: Record<string, number> = {
      ArrowLeft: Math.max(0, i - step),
      ArrowRight: Math.min(last, i + step),
      Home: 0,
      End: last,
    };
    if (e.key === 'Escape') return p.onCursor(null);
    const n = next[e.key];
    if (n === undefined) return;
    e.preventDefault();
    p.onCursor(longer[n]!.epoch);
  };
  const lastOf = (pts: readonly HistoryPoint[], k: Key) => {
    for (let i = pts.length - 1; i >= 0; i--) if (pts[i]![k] !== null) return pts[i]![k];
    return null;
  };
  const label = `${p.title} chart, A and B: ${runs
    .map(([r, pts]) => `${r} ${p.keys.map((k) => `${name(k)} ${fmt(lastOf(pts, k), p.formatValue)}`).join(', ')}`)
    .join('; ')}`;

  return (
    <div className="chart-cell" ref={box}>
      <div className="chart-head">
        <h3>{p.title}</h3>
      </div>
      <div className="chart-frame">
        <div
          className="chart-box"
          role="img"
          aria-label={label}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onBlur={() => p.onCursor(null)}
          data-testid={`compare-chart-${p.title.toLowerCase()}`}
        >
          <svg
            width={width}
            height={height}
            aria-hidden="true"
            onPointerMove={(e) => {
              if (longer.length === 0) return;
              const r = e.currentTarget.getBoundingClientRect();
              const t = Math.min(1, Math.max(0, (e.clientX - r.left - plot.left) / plot.width));
              p.onCursor(x.domain[0] + t * (x.domain[1] - x.domain[0]));
            }}
            onPointerLeave={() => p.onCursor(null)}
          >
            <defs>
              <clipPath id={clipId}>
                <rect x={plot.left} y={plot.top - 2} width={plot.width} height={plot.height + 4} />
              </clipPath>
            </defs>
            <g stroke={colors.grid} strokeDasharray="3 3">
              {y.ticks.map((t) => (
                <line key={`y${t}`} x1={plot.left} x2={plot.left + plot.width} y1={sy(t)} y2={sy(t)} />
              ))}
            </g>
            <g stroke={colors.muted}>
              <line x1={plot.left} x2={plot.left} y1={plot.top} y2={bottom} />
              <line x1={plot.left} x2={plot.left + plot.width} y1={bottom} y2={bottom} />
            </g>
            <g fill={colors.muted} fontSize={fontSize}>
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
              {runs.flatMap(([r, pts]) =>
                p.keys.map((k) => (
                  <path
                    key={`${r}${k}`}
                    data-series={`${r}-${k}`}
                    d={linePath(pts, k, sx, sy)}
                    stroke={colors[which(k)]}
                    strokeDasharray={r === 'B' ? B_DASH : undefined}
                  />
                )),
              )}
            </g>
            {hovered ? (
              <line
                x1={sx(hovered.epoch)}
                x2={sx(hovered.epoch)}
                y1={plot.top}
                y2={bottom}
                stroke={colors.muted}
                strokeWidth={1}
              />
            ) : null}
          </svg>
        </div>
        <div
          className="chart-readout"
          aria-live="polite"
          hidden={!hovered}
          data-testid={`compare-readout-${p.title.toLowerCase()}`}
          style={hovered ? readoutPosition(sx(hovered.epoch), width) : undefined}
        >
          {hovered ? (
            <>
              <strong>Epoch {Math.round((hovered.A ?? hovered.B)?.epoch ?? hovered.epoch)}</strong>
              {runs.map(([r]) => (
                <span key={r}>
                  {r}: {p.keys.map((k) => `${name(k)} ${fmt(hovered[r]?.[k] ?? null, p.formatValue)}`).join(', ')}
                </span>
              ))}
            </>
          ) : null}
        </div>
      </div>
      <ul className="chart-legend" aria-hidden="true">
        {runs.flatMap(([r]) =>
          p.keys.map((k) => (
            <li key={`${r}${k}`}>
              <svg width="22" height="8" aria-hidden="true">
                <line
                  x1="1"
                  y1="4"
                  x2="21"
                  y2="4"
                  stroke={colors[which(k)]}
                  strokeWidth={colors.lineWidth}
                  strokeDasharray={r === 'B' ? '5 3' : undefined}
                />
              </svg>
              {r} {name(k)}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

function fmt(v: number | null, f: (v: number) => string): string {
  return v === null ? '–' : f(v);
}

function readoutPosition(cx: number, width: number): React.CSSProperties {
  return cx > width / 2 ? { right: `${Math.round(width - cx + 8)}px` } : { left: `${Math.round(cx + 8)}px` };
}
