import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { niceTicks } from '../viz/axes.ts';
import type { HistoryPoint } from '../state/history.ts';
import { Toggle } from './controls.tsx';
import { formatNumber } from './labels.ts';

export interface LossChartProps {
  history: readonly HistoryPoint[];
  showAccuracy: boolean;
  /** Fixed size for tests; the app lets the chart fill its box. */
  width?: number;
  height?: number;
  colors: { train: string; test: string; muted: string; grid: string; lineWidth: number };
  /** Axis tick font size in px (bigger on a projector). */
  fontSize?: number;
}

/** Points drawn per line: a chart a few hundred pixels wide shows no more, and SVG paths cost per point. */
export const MAX_CHART_POINTS = 200;

/** Every k-th point (always the last), so at most `max` points; the store's history is already averaged. */
export function thin<T>(points: readonly T[], max: number): readonly T[] {
  if (points.length <= max) return points;
  const k = Math.ceil(points.length / max);
  const out: T[] = [];
  for (let i = points.length - 1; i >= 0; i -= k) out.push(points[i]!);
  return out.reverse();
}

/**
 * Axis ticks computed here, not by Recharts: its tick search (decimal.js, text measuring) costs
 * more than the lines themselves on every update of a live chart.
 */
export function chartAxes(
  points: readonly HistoryPoint[],
  keys: readonly ('trainLoss' | 'testLoss')[],
  log: boolean,
): { x: { domain: [number, number]; ticks: number[] }; y: { domain: [number, number]; ticks: number[] } } {
  const maxEpoch = Math.max(1, points.at(-1)?.epoch ?? 1);
  let xt = niceTicks(0, maxEpoch, 4).filter((t) => t <= maxEpoch);
  if (xt.length > 5) xt = niceTicks(0, maxEpoch, 2).filter((t) => t <= maxEpoch);
  xt = xt.filter((t) => Number.isInteger(t)); // epochs are whole
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points)
    for (const k of keys) {
      const v = p[k];
      if (v !== null && Number.isFinite(v) && (!log || v > 0)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  if (!(hi > -Infinity))
    return {
      x: { domain: [0, maxEpoch], ticks: xt },
      y: { domain: log ? [0.01, 1] : [0, 1], ticks: log ? [0.01, 0.1, 1] : [0, 0.5, 1] },
    };
  if (log) {
    const a = Math.floor(Math.log10(lo));
    const b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
    const every = Math.max(1, Math.ceil((b - a) / 5));
    const ticks: number[] = [];
    for (let e = a; e <= b; e += every) ticks.push(Number(`1e${e}`));
    return { x: { domain: [0, maxEpoch], ticks: xt }, y: { domain: [Number(`1e${a}`), Number(`1e${b}`)], ticks } };
  }
  const top = hi > 0 ? hi : 1;
  let yt: number[] = [];
  let yMax = top;
  for (const count of [4, 3, 2]) {
    yt = niceTicks(0, top, count);
    const step = (yt[1] ?? top) - (yt[0] ?? 0);
    const lastTick = yt.at(-1) ?? 0;
    yMax = lastTick >= top ? lastTick : Number((lastTick + step).toPrecision(12));
    if (lastTick < yMax) yt.push(yMax);
    if (yt.length <= 6) break;
  }
  return { x: { domain: [0, maxEpoch], ticks: xt }, y: { domain: [0, yMax], ticks: yt } };
}

/** Epoch tick labels stay short: 2500, 10k, 1.5M. */
export function formatEpochTick(v: number): string {
  const r = Math.round(v);
  if (r >= 1e6) return `${Number((r / 1e6).toPrecision(3))}M`;
  if (r >= 1e4) return `${Number((r / 1e3).toPrecision(3))}k`;
  return String(r);
}

const ACCURACY_TICKS = [0, 0.25, 0.5, 0.75, 1];

function ChartLegend({ items, colors }: { items: [string, string][]; colors: LossChartProps['colors'] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {items.map(([label, which]) => (
        <li key={label}>
          <svg width="22" height="8" aria-hidden="true">
            <line
              x1="1"
              y1="4"
              x2="21"
              y2="4"
              stroke={which === 'test' ? colors.test : colors.train}
              strokeWidth={colors.lineWidth}
              strokeDasharray={which === 'test' ? '5 3' : undefined}
            />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}

function positiveOrNull(v: number | null): number | null {
  return v !== null && v > 0 && Number.isFinite(v) ? v : null;
}

/** Loss (and accuracy) against epochs from the store's bounded, downsampled history. */
export const LossChart = memo(function LossChart({
  history,
  showAccuracy,
  width,
  height = 180,
  colors,
  fontSize = 12,
}: LossChartProps) {
  const TRAIN = colors.train;
  const TEST = colors.test;
  const tick = { fill: colors.muted, fontSize };
  const [log, setLog] = useState(false);
  const shown = useMemo(() => thin(history, MAX_CHART_POINTS), [history]);
  const data = useMemo(
    () =>
      log
        ? shown.map((h) => ({ ...h, trainLoss: positiveOrNull(h.trainLoss), testLoss: positiveOrNull(h.testLoss) }))
        : shown,
    [shown, log],
  );
  const chart = (children: React.ReactElement) =>
    width ? (
      children
    ) : (
      <ResponsiveContainer width="100%" height={height} minWidth={0} initialDimension={{ width: 320, height }}>
        {children}
      </ResponsiveContainer>
    );
  const lineWidth = colors.lineWidth;
  const axes = useMemo(() => chartAxes(shown, ['trainLoss', 'testLoss'], log), [shown, log]);
  const epochTick = formatEpochTick;
  return (
    <div className={`loss-chart ${showAccuracy ? 'has-accuracy' : ''}`}>
      <div className="chart-cell">
        <div className="chart-head">
          <h3>Loss</h3>
          <Toggle label="Log scale" checked={log} onChange={setLog} />
        </div>
        <div className="chart-box" role="img" aria-label={summary(history)}>
          {chart(
            <LineChart
              data={data as HistoryPoint[]}
              width={width}
              height={height}
              margin={{ top: 6, right: 12, bottom: 0, left: 0 }}
            >
              <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
              <XAxis
                dataKey="epoch"
                type="number"
                domain={axes.x.domain}
                ticks={axes.x.ticks}
                interval={0}
                tickFormatter={epochTick}
                stroke={colors.muted}
                tick={tick}
              />
              <YAxis
                scale={log ? 'log' : 'linear'}
                domain={axes.y.domain}
                ticks={axes.y.ticks}
                interval={0}
                allowDataOverflow
                tickFormatter={(v: number) => formatNumber(v, 2)}
                stroke={colors.muted}
                tick={tick}
                width={52}
              />
              <Tooltip
                formatter={(v) => formatNumber(Number(v), 4)}
                labelFormatter={(l) => `Epoch ${Math.round(Number(l))}`}
              />
              <Line
                name="Train loss"
                dataKey="trainLoss"
                stroke={TRAIN}
                strokeWidth={lineWidth}
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
              <Line
                name="Test loss"
                dataKey="testLoss"
                stroke={TEST}
                strokeDasharray="7 4"
                strokeWidth={lineWidth}
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
            </LineChart>,
          )}
        </div>
        <ChartLegend
          items={[
            ['Train loss', 'train'],
            ['Test loss', 'test'],
          ]}
          colors={colors}
        />
      </div>
      {showAccuracy ? (
        <div className="chart-cell">
          <div className="chart-head">
            <h3>Accuracy</h3>
          </div>
          <div className="chart-box" role="img" aria-label={accuracySummary(history)}>
            {chart(
              <LineChart
                data={shown as HistoryPoint[]}
                width={width}
                height={height}
                margin={{ top: 6, right: 12, bottom: 0, left: 0 }}
              >
                <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
                <XAxis
                  dataKey="epoch"
                  type="number"
                  domain={axes.x.domain}
                  ticks={axes.x.ticks}
                  interval={0}
                  tickFormatter={epochTick}
                  stroke={colors.muted}
                  tick={tick}
                />
                <YAxis
                  domain={[0, 1]}
                  ticks={ACCURACY_TICKS}
                  interval={0}
                  tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
                  stroke={colors.muted}
                  tick={tick}
                  width={52}
                />
                <Tooltip
                  formatter={(v) => `${(Number(v) * 100).toFixed(1)}%`}
                  labelFormatter={(l) => `Epoch ${Math.round(Number(l))}`}
                />
                <Line
                  name="Train accuracy"
                  dataKey="trainAccuracy"
                  stroke={TRAIN}
                  strokeWidth={lineWidth}
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
                <Line
                  name="Test accuracy"
                  dataKey="testAccuracy"
                  stroke={TEST}
                  strokeDasharray="7 4"
                  strokeWidth={lineWidth}
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
              </LineChart>,
            )}
          </div>
          <ChartLegend
            items={[
              ['Train accuracy', 'train'],
              ['Test accuracy', 'test'],
            ]}
            colors={colors}
          />
        </div>
      ) : null}
    </div>
  );
});

function last(history: readonly HistoryPoint[], key: keyof HistoryPoint): number | null {
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
  const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
  return `Accuracy chart: train ${pct(tr)}, test ${pct(te)}`;
}
