/**
 * The gradient check's chart: the relative error of every checked parameter on a log scale,
 * grouped by layer (one colour per layer, parameters in order), with the 1e-6 line backprop should
 * stay under. Recharts, in its own chunk (GradientCheckView loads this module lazily); drawn once
 * per check (no animation).
 */
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { GradCheckResult } from '../../nn/gradcheck.ts';
import { formatError } from '../../nn/gradcheck.ts';
import type { CanvasPalette } from '../theme.ts';
import { layerName } from './GradFlowChart.tsx';

/** Errors below this (exact agreement, 0) sit on the chart's floor. */
export const CHART_FLOOR = 1e-16;

/** Layer colours, distinct from each other in every theme. */
export const LAYER_COLORS = [
  '#0877bd',
  '#e8590c',
  '#2b8a3e',
  '#862e9c',
  '#c2255c',
  '#5c940d',
  '#1864ab',
  '#e67700',
  '#495057',
];

export default function GradCheckChart({ result, palette }: { result: GradCheckResult; palette: CanvasPalette }) {
  const layers = result.layerMax.length;
  const series = result.layerMax.map((_, l) =>
    result.entries
      .map((e, i) => ({ i, e }))
      .filter(({ e }) => e.layer === l && !e.atKink)
      .map(({ i, e }) => ({ x: i, y: Math.max(CHART_FLOOR, e.relError), kind: e.kind })),
  );
  const font = palette.theme === 'projector' ? 14 : 11;
  const c = palette.chart;
  return (
    <div
      className="gradcheck-chart"
      role="img"
      aria-label={`Relative error of ${result.checked} parameters, by layer, on a log scale; the largest is ${formatError(result.max)}`}
    >
      <ScatterChart
        responsive
        style={{ width: '100%', height: palette.theme === 'projector' ? 240 : 200 }}
        margin={{ top: 8, right: 12, bottom: 4, left: 4 }}
      >
        <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="x"
          domain={[0, Math.max(1, result.checked - 1)]}
          tick={false}
          stroke={c.muted}
          label={{ value: 'parameters, layer by layer', fill: c.muted, fontSize: font, position: 'insideBottom' }}
          height={24}
        />
        <YAxis
          type="number"
          dataKey="y"
          scale="log"
          domain={[CHART_FLOOR, 10]}
          allowDataOverflow
          ticks={[1e-16, 1e-12, 1e-8, 1e-4, 1]}
          tickFormatter={(v: number) => formatError(v)}
          stroke={c.muted}
          tick={{ fill: c.muted, fontSize: font }}
          width={48}
        />
        <ReferenceLine
          y={1e-6}
          stroke={c.test}
          strokeDasharray="6 3"
          label={{ value: '1e-6', fill: c.test, fontSize: font, position: 'insideTopRight' }}
        />
        <Tooltip formatter={(v) => formatError(Number(v))} />
        {series.map((data, l) => (
          <Scatter
            key={l}
            name={layerName(l, layers)}
            data={data}
            fill={LAYER_COLORS[l % LAYER_COLORS.length]}
            isAnimationActive={false}
          />
        ))}
      </ScatterChart>
    </div>
  );
}
