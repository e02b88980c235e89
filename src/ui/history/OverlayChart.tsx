/**
 * The history's overlay (a lazy chunk: it brings Recharts): the picked runs' test-loss curves in
 * one chart, each named by the settings in which they differ. Drawn when the picked set changes,
 * never on a training tick (it reads kept records, not the run).
 */
import { useRef } from 'react';
import { CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { RunRecord } from '../../persist/runHistory.ts';
import { rechartsTheme } from '../charts/chartTheme.ts';
import { FIELD_LABELS, formatNumber } from '../labels.ts';
import type { CanvasPalette } from '../theme.ts';
import { useBoxWidth } from '../useBoxWidth.ts';
import { describeBy, differingKeys } from './differences.ts';

const DASHES = [undefined, '8 4', '2 3', '10 3 2 3'];

export default function OverlayChart({ runs, palette }: { runs: RunRecord[]; palette: CanvasPalette }) {
  const t = rechartsTheme(palette);
  const box = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(box, 520, true);
  const keys = differingKeys(runs.map((r) => r.config));
  const series = runs.map((r, i) => ({
    id: r.id,
    name: r.name ?? (keys.length > 0 ? describeBy(r.config, keys) : `Run ${i + 1}`),
    color: t.series[i % t.series.length]!,
    dash: DASHES[Math.floor(i / t.series.length) % DASHES.length],
    data: r.curve.epoch
      .map((epoch, j) => ({ epoch, loss: r.curve.testLoss[j] ?? r.curve.trainLoss[j] ?? null }))
      .filter((p): p is { epoch: number; loss: number } => p.loss !== null && Number.isFinite(p.loss)),
  }));
  const maxEpoch = Math.max(1, ...runs.map((r) => r.epoch));
  const label = `Test loss of ${runs.length} runs: ${series.map((s) => s.name).join('; ')}`;
  return (
    <div className="overlay-chart" ref={box} role="img" aria-label={label} data-testid="overlay-chart">
      <p className="overlay-differs" data-testid="overlay-differs">
        {keys.length === 0
          ? 'These runs have the same settings.'
          : `They differ in: ${keys.map((k) => describeKey(k)).join(', ')}.`}
      </p>
      <LineChart width={width} height={t.fontSize * 20} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={t.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="epoch"
          type="number"
          domain={[0, maxEpoch]}
          stroke={t.muted}
          tick={{ fill: t.muted, fontSize: t.fontSize }}
          allowDuplicatedCategory={false}
        />
        <YAxis
          type="number"
          tickFormatter={(v: number) => formatNumber(v, 2)}
          stroke={t.muted}
          tick={{ fill: t.muted, fontSize: t.fontSize }}
          width={t.fontSize * 4}
        />
        <Legend wrapperStyle={{ color: t.muted, fontSize: t.fontSize }} />
        {series.map((s) => (
          <Line
            key={s.id}
            data={s.data}
            dataKey="loss"
            name={s.name}
            stroke={s.color}
            strokeWidth={t.lineWidth}
            strokeDasharray={s.dash}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}

function describeKey(k: string): string {
  return (FIELD_LABELS[k] ?? k).toLowerCase();
}
