/**
 * "Find a learning rate" (a lazy chunk: it brings Recharts): the range test's smoothed loss against
 * the learning rate on a log axis, the suggested rate marked, and "Use 0.03". Drawn once per test,
 * never on a training tick (it reads the finder's state, not the run's).
 */
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { useRef } from 'react';
import { nearestOffered } from '../../nn/lrRange.ts';
import { applyRate, closeLrFinder, findLearningRate, useLrFinder } from '../../state/lrFinder.ts';
import { useStore } from '../../state/store.ts';
import { formatRate, rechartsTheme } from '../charts/chartTheme.ts';
import { formatNumber, LEARNING_RATES } from '../labels.ts';
import { paletteFor, useResolvedTheme } from '../theme.ts';
import { useBoxWidth } from '../useBoxWidth.ts';
import '../charts/sheet.css';
import './LrFinderPanel.css';

const DECADES = [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10];

export default function LrFinderPanel() {
  const busy = useLrFinder((s) => s.busy);
  const result = useLrFinder((s) => s.result);
  const offered = result?.suggestion != null ? nearestOffered(result.suggestion, LEARNING_RATES) : null;
  const theme = useResolvedTheme(useStore((s) => s.config.theme));
  const t = rechartsTheme(paletteFor(theme));
  const box = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(box, 420, true);
  const data = result ? result.rates.map((rate, i) => ({ rate, loss: result.smoothed[i]! })) : [];
  const finite = data.filter((d) => Number.isFinite(d.loss));
  const top =
    finite.length > 0
      ? Math.min(Math.max(...finite.map((d) => d.loss)), 4 * Math.min(...finite.map((d) => d.loss)))
      : 1;
  return (
    <section
      className="floating-sheet lr-finder"
      role="region"
      aria-label="Find a learning rate"
      data-testid="lr-finder"
    >
      <header>
        <h2>Find a learning rate</h2>
        <button type="button" onClick={closeLrFinder} aria-label="Close the learning-rate finder">
          ✕
        </button>
      </header>
      <p className="lr-finder-help">
        A copy of the network starts from the run&apos;s first weights and trains a few hundred minibatches with a
        learning rate growing from 0.00001 to 10. A good rate is where the loss falls fastest. Your run is not changed.
      </p>
      <div
        className="lr-finder-chart"
        ref={box}
        role="img"
        aria-label={describe(result?.suggestion ?? null, data.length)}
      >
        {busy ? <p>Trying learning rates…</p> : null}
        {result && finite.length > 1 ? (
          <LineChart
            width={width}
            height={t.fontSize * 16}
            data={finite}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          >
            <CartesianGrid stroke={t.grid} strokeDasharray="3 3" />
            <XAxis
              dataKey="rate"
              type="number"
              scale="log"
              domain={[1e-5, 10]}
              ticks={DECADES}
              tickFormatter={formatRate}
              stroke={t.muted}
              tick={{ fill: t.muted, fontSize: t.fontSize }}
              allowDataOverflow
            />
            <YAxis
              type="number"
              domain={[0, Number(top.toPrecision(2))]}
              allowDataOverflow
              tickFormatter={(v: number) => formatNumber(v, 2)}
              stroke={t.muted}
              tick={{ fill: t.muted, fontSize: t.fontSize }}
              width={t.fontSize * 4}
            />
            <Line dataKey="loss" stroke={t.line} strokeWidth={t.lineWidth} dot={false} isAnimationActive={false} />
            {result.suggestion !== null ? (
              <ReferenceLine x={result.suggestion} stroke={t.accent} strokeWidth={t.lineWidth} strokeDasharray="6 4" />
            ) : null}
          </LineChart>
        ) : null}
      </div>
      {result ? (
        <div className="lr-finder-answer" data-testid="lr-finder-answer">
          {offered !== null && result.suggestion !== null ? (
            <>
              <span>
                Steepest fall of the loss at {formatRate(result.suggestion)}; the nearest rate on offer is{' '}
                {formatRate(offered)}.
              </span>
              <button type="button" className="primary" data-control="lr-finder-use" onClick={() => applyRate(offered)}>
                Use {formatRate(offered)}
              </button>
            </>
          ) : (
            <span>The loss did not fall at any rate tried: try more data, another network, or press Find again.</span>
          )}
          <button type="button" onClick={findLearningRate}>
            Find again
          </button>
        </div>
      ) : null}
    </section>
  );
}

function describe(suggestion: number | null, n: number): string {
  if (n === 0) return 'Loss against learning rate: not measured yet';
  return `Loss against learning rate over ${n} minibatches, log scale${suggestion !== null ? `; suggested rate ${formatRate(suggestion)}` : ''}`;
}
