import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
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
                domain={[0, 'dataMax']}
                tickFormatter={(v: number) => String(Math.round(v))}
                stroke={colors.muted}
                tick={tick}
                allowDecimals={false}
              />
              <YAxis
                scale={log ? 'log' : 'linear'}
                domain={log ? ['auto', 'auto'] : [0, 'auto']}
                allowDataOverflow={log}
                tickFormatter={(v: number) => formatNumber(v, 2)}
                stroke={colors.muted}
                tick={tick}
                width={52}
              />
              <Tooltip
                formatter={(v) => formatNumber(Number(v), 4)}
                labelFormatter={(l) => `Epoch ${Math.round(Number(l))}`}
              />
              <Legend />
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
                  domain={[0, 'dataMax']}
                  tickFormatter={(v: number) => String(Math.round(v))}
                  stroke={colors.muted}
                  tick={tick}
                  allowDecimals={false}
                />
                <YAxis
                  domain={[0, 1]}
                  tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
                  stroke={colors.muted}
                  tick={tick}
                  width={52}
                />
                <Tooltip
                  formatter={(v) => `${(Number(v) * 100).toFixed(1)}%`}
                  labelFormatter={(l) => `Epoch ${Math.round(Number(l))}`}
                />
                <Legend />
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
