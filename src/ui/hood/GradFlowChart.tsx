/**
 * Gradient flow: one small chart per weight layer of ‖gradient‖ over training, on one shared log
 * scale, so a deep sigmoid network's vanishing gradients (the first layers' lines far below the
 * last's) and a too-high learning rate's exploding ones show. The project's SVG line chart
 * (viz/lineChart.ts); the series come from state/gradflow.ts (published a few times a second).
 */
import { openHood } from '../../state/hood.ts';
import { useMemo, useState } from 'react';
import { useGradFlow } from '../../state/gradflow.ts';
import type { HistoryPoint } from '../../state/history.ts';
import {
  axisScale,
  epochAxis,
  formatValueTick,
  linePath,
  thin,
  valueAxis,
  type ChartAxis,
} from '../../viz/lineChart.ts';
import { Toggle } from '../controls.tsx';
import type { CanvasPalette } from '../theme.ts';
import './GradFlowChart.css';

/** Points drawn per small chart. */
const MAX_POINTS = 120;

/** "Layer 1" … for hidden layers, "Output" for the last. */
export function layerName(l: number, layers: number): string {
  return l === layers - 1 ? 'Output layer' : `Hidden layer ${l + 1}`;
}

function lastValue(points: readonly HistoryPoint[]): number | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const v = points[i]!.trainLoss;
    if (v !== null && Number.isFinite(v)) return v;
  }
  return null;
}

const formatNorm = (v: number | null) => (v === null ? '–' : v === 0 ? '0' : v.toPrecision(2).replace('-', '−'));

export function GradFlowCharts({
  palette,
  width = 150,
  height = 64,
}: {
  palette: CanvasPalette;
  width?: number;
  height?: number;
}) {
  const layers = useGradFlow((s) => s.layers);
  const shown = useMemo(() => layers.map((p) => thin(p, MAX_POINTS)), [layers]);
  const all = useMemo(() => shown.flat(), [shown]);
  const x = useMemo(() => epochAxis(all.length > 0 ? [{ epoch: Math.max(...all.map((p) => p.epoch)) }] : []), [all]);
  const y = useMemo(() => valueAxis(all, ['trainLoss'], true), [all]);
  if (layers.length === 0)
    return <p className="gradflow-empty">Train a few epochs to see how large each layer&apos;s gradient is.</p>;
  return (
    <ol className="gradflow" aria-label="Gradient size per layer">
      {shown.map((points, l) => (
        <li key={l} className="gradflow-cell">
          <SmallChart
            points={points}
            x={x}
            y={y}
            width={width}
            height={height}
            palette={palette}
            name={layerName(l, shown.length)}
          />
        </li>
      ))}
    </ol>
  );
}

function SmallChart(p: {
  points: readonly HistoryPoint[];
  x: ChartAxis;
  y: ChartAxis;
  width: number;
  height: number;
  palette: CanvasPalette;
  name: string;
}) {
  const { points, x, y, width, height, palette } = p;
  const left = 40;
  const top = 4;
  const bottom = height - 4;
  const sx = axisScale(x, left, width - 4);
  const sy = axisScale(y, bottom, top);
  const v = lastValue(points);
  const c = palette.chart;
  return (
    <figure className="gradflow-figure" data-testid="gradflow-chart">
      <figcaption>
        <span>{p.name}</span> <span className="gradflow-value">‖g‖ {formatNorm(v)}</span>
      </figcaption>
      <svg width={width} height={height} role="img" aria-label={`${p.name}: gradient size ${formatNorm(v)}`}>
        <g stroke={c.grid} strokeDasharray="2 3">
          {y.ticks.map((t) => (
            <line key={t} x1={left} x2={width - 4} y1={sy(t)} y2={sy(t)} />
          ))}
        </g>
        <g fill={c.muted} fontSize={palette.theme === 'projector' ? 13 : 10}>
          {[y.ticks[0]!, y.ticks.at(-1)!].map((t) => (
            <text key={t} x={left - 4} y={sy(t)} textAnchor="end" dominantBaseline="middle">
              {formatValueTick(t, y)}
            </text>
          ))}
        </g>
        <line x1={left} x2={left} y1={top} y2={bottom} stroke={c.muted} />
        <path
          d={linePath(points, 'trainLoss', sx, sy)}
          fill="none"
          stroke={c.train}
          strokeWidth={Math.max(1.5, c.lineWidth - 0.5)}
        />
      </svg>
    </figure>
  );
}

/** The Training panel's "Gradient flow" switch and, when on, the charts. */
export function GradFlowSection({ palette }: { palette: CanvasPalette }) {
  const [on, setOn] = useState(false);
  return (
    <div className="gradflow-section">
      <div className="gradflow-row">
        <Toggle label="Gradient flow" checked={on} onChange={setOn} control="gradient-flow" />
        <button type="button" className="gradflow-open" data-control="gradient-check" onClick={() => openHood('check')}>
          Gradient check…
        </button>
        <button type="button" className="gradflow-open" data-control="layer-space" onClick={() => openHood('space')}>
          Space a layer sees…
        </button>
      </div>
      {on ? (
        <>
          <p className="gradflow-help">
            How large each layer&apos;s gradient is (log scale): tiny in the first layers means they learn slowly.
          </p>
          <GradFlowCharts
            palette={palette}
            width={palette.theme === 'projector' ? 180 : 150}
            height={palette.theme === 'projector' ? 80 : 64}
          />
        </>
      ) : null}
    </div>
  );
}
