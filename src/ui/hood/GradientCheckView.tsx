/**
 * The "Gradient check" tab: check backprop against finite differences on the current minibatch
 * (the worker computes it: src/nn/gradcheck.ts), and Break backprop on purpose to watch the check
 * catch it. The chart (Recharts) is its own chunk, loaded when this view first opens.
 */
import { lazy, Suspense, useEffect, useId } from 'react';
import { BREAK_KINDS, BREAK_LABELS, isBreakKind } from '../../nn/breakage.ts';
import { formatError, verdict, type GradCheckResult } from '../../nn/gradcheck.ts';
import { runGradCheck, setBreak, useGradCheck } from '../../state/gradcheck.ts';
import { useStore } from '../../state/store.ts';
import { paletteFor, useResolvedTheme } from '../theme.ts';
import { layerName } from './GradFlowChart.tsx';
import './GradientCheckView.css';

const loadChart = () => import('./GradCheckChart.tsx');
const GradCheckChart = lazy(loadChart);

export function GradientCheckView() {
  const { breakKind, status, result } = useGradCheck();
  const theme = useResolvedTheme(useStore((s) => s.config.theme));
  const palette = paletteFor(theme);
  const selectId = useId();
  // Start loading the chart's chunk when the view opens, not when the first result arrives.
  useEffect(() => {
    void loadChart();
  }, []);
  return (
    <div className="gradcheck">
      <p className="gradcheck-intro">
        Backprop computes every gradient in one backward pass. The check nudges each weight a tiny bit up and down,
        measures how the loss changes, and compares.
      </p>
      <div className="gradcheck-controls">
        <button
          type="button"
          className="primary"
          data-control="gradcheck"
          onClick={runGradCheck}
          disabled={status === 'running'}
        >
          Check gradients
        </button>
        <label htmlFor={selectId}>Break backprop</label>
        <select
          id={selectId}
          data-control="break-backprop"
          value={breakKind}
          onChange={(e) => {
            if (isBreakKind(e.target.value)) setBreak(e.target.value);
          }}
        >
          {BREAK_KINDS.map((k) => (
            <option key={k} value={k}>
              {BREAK_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite">
        {status === 'running' ? <p>Checking…</p> : null}
        {result && status === 'done' ? <Result result={result} /> : null}
      </div>
      {result && status === 'done' ? (
        <Suspense fallback={<div className="gradcheck-chart-slot">Loading the chart…</div>}>
          <GradCheckChart result={result} palette={palette} />
        </Suspense>
      ) : null}
    </div>
  );
}

function Result({ result }: { result: GradCheckResult }) {
  const bad = result.max >= 1e-2;
  const sample = result.sampled
    ? `a random sample of ${result.checked} of the ${result.total} weights and biases (seeded, the same each time)`
    : `all ${result.total} weights and biases`;
  return (
    <div className={`gradcheck-result ${bad ? 'is-bad' : 'is-good'}`}>
      <p className="gradcheck-verdict" data-testid="gradcheck-verdict">
        {verdict(result)}
      </p>
      <p>
        Largest relative error: <strong data-testid="gradcheck-max">{formatError(result.max)}</strong>
      </p>
      <p className="gradcheck-note">
        Checked {sample} on a minibatch of {result.batchSize} points, with dropout off for the check
        {result.breakKind !== 'none'
          ? `, with backprop broken on purpose (${BREAK_LABELS[result.breakKind].toLowerCase()})`
          : ''}
        .
        {result.kinks > 0
          ? ` ${result.kinks} sat right on a bend (ReLU at 0, Huber, L1) where a slope has no single value, and are left out.`
          : ''}
      </p>
      <table className="gradcheck-layers">
        <caption>Largest relative error by layer</caption>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Largest error</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {result.layerMax.map((m, l) => (
            <tr key={l} className={m >= 1e-2 ? 'is-bad' : ''}>
              <th scope="row">{layerName(l, result.layerMax.length)}</th>
              <td>{formatError(m)}</td>
              <td>{m < 1e-6 ? 'agrees' : m < 1e-2 ? 'close' : 'wrong'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
