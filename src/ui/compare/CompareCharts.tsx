/**
 * The comparison's loss and accuracy charts: both runs in one chart each (A solid, B dashed; train
 * and test in the palette's chart colours), drawn in the chart frame the single run's LossChart
 * uses too (src/ui/charts/ChartFrame.tsx). Hovering, or the arrow keys on a focused chart, read
 * both runs' values at one epoch.
 */
import { memo, useMemo, useRef, useState } from 'react';
import type { HistoryPoint } from '../../state/history.ts';
import {
  epochAxis,
  formatValueTick,
  linePath,
  nearestIndex,
  thin,
  valueAxis,
  type ChartAxis,
} from '../../viz/lineChart.ts';
import { ChartFrame, ChartLegend, type ChartColors, type LegendItem } from '../charts/ChartFrame.tsx';
import { formatNumber } from '../labels.ts';
import { MAX_CHART_POINTS } from '../LossChart.tsx';
import { useBoxWidth } from '../useBoxWidth.ts';
import '../LossChart.css';
import './compare.css';

type Key = 'trainLoss' | 'testLoss' | 'trainAccuracy' | 'testAccuracy';
type Run = 'A' | 'B';

const B_DASH = '7 4';
const ACCURACY_AXIS: ChartAxis = { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], log: false };
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

export interface CompareChartsProps {
  a: readonly HistoryPoint[];
  b: readonly HistoryPoint[];
  showAccuracy: boolean;
  colors: ChartColors;
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
  colors: ChartColors;
  fontSize: number;
  height: number;
  cursor: number | null;
  onCursor: (epoch: number | null) => void;
  formatTick: (v: number) => string;
  formatValue: (v: number) => string;
}

const which = (k: Key) => (k.startsWith('train') ? 'train' : 'test');
const name = (k: Key) => (k.startsWith('train') ? 'train' : 'test');

/** Both runs' series in the shared chart frame; the cursor reads each run's nearest point. */
function OverlayChart(p: OverlayProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(box, 320);
  const { colors } = p;
  const runs: [Run, readonly HistoryPoint[]][] = [
    ['A', p.a],
    ['B', p.b],
  ];
  const at = (pts: readonly HistoryPoint[]) =>
    p.cursor === null || pts.length === 0 ? null : pts[nearestIndex(pts, p.cursor)]!;
  const hovered = p.cursor === null ? null : { epoch: p.cursor, A: at(p.a), B: at(p.b) };
  const longer = p.a.length >= p.b.length ? p.a : p.b;
  const lastOf = (pts: readonly HistoryPoint[], k: Key) => {
    for (let i = pts.length - 1; i >= 0; i--) if (pts[i]![k] !== null) return pts[i]![k];
    return null;
  };
  const label = `${p.title} chart, A and B: ${runs
    .map(([r, pts]) => `${r} ${p.keys.map((k) => `${name(k)} ${fmt(lastOf(pts, k), p.formatValue)}`).join(', ')}`)
    .join('; ')}`;
  const legend: LegendItem[] = runs.flatMap(([r]) =>
    p.keys.map((k) => ({ key: `${r}${k}`, label: `${r} ${name(k)}`, color: colors[which(k)], dashed: r === 'B' })),
  );

  return (
    <div className="chart-cell" ref={box}>
      <div className="chart-head">
        <h3>{p.title}</h3>
      </div>
      <ChartFrame
        {...p}
        width={width}
        label={label}
        epochs={longer}
        cursorAt={hovered ? hovered.epoch : null}
        testId={`compare-chart-${p.title.toLowerCase()}`}
        readoutTestId={`compare-readout-${p.title.toLowerCase()}`}
        lines={({ sx, sy }) =>
          runs.flatMap(([r, pts]) =>
            p.keys.map((k) => (
              <path
                key={`${r}${k}`}
                data-series={`${r}-${k}`}
                d={linePath(pts, k, sx, sy)}
                stroke={colors[which(k)]}
                strokeDasharray={r === 'B' ? B_DASH : undefined}
              />
            )),
          )
        }
        readout={
          hovered ? (
            <>
              <strong>Epoch {Math.round((hovered.A ?? hovered.B)?.epoch ?? hovered.epoch)}</strong>
              {runs.map(([r]) => (
                <span key={r}>
                  {r}: {p.keys.map((k) => `${name(k)} ${fmt(hovered[r]?.[k] ?? null, p.formatValue)}`).join(', ')}
                </span>
              ))}
            </>
          ) : null
        }
      />
      <ChartLegend items={legend} lineWidth={colors.lineWidth} />
    </div>
  );
}

function fmt(v: number | null, f: (v: number) => string): string {
  return v === null ? '–' : f(v);
}
