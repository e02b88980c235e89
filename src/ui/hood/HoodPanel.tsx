/**
 * "Under the hood" (a lazy chunk with Temml): a region docked at the bottom of the page with tabs.
 * Step walks through the worker's recorded minibatch step phase by phase (equations.ts lays out
 * the numbers, this only shows them); Gradient check compares backprop with finite differences
 * (and can break backprop on purpose); Space shows the plane as a hidden layer's two units see it.
 * Above the tabs, a unit clicked while paused shows its equation card (UnitCard.tsx).
 */
import { useEffect, useMemo } from 'react';
import { explain, fmtPlain, layerDeltas, phaseLabel, phasesOf, type Explained } from '../../explain/equations.ts';
import {
  closeHood,
  explainStep,
  setFocus,
  setPhase,
  setSample,
  setTab,
  useHood,
  useTrace,
  type HoodTab,
} from '../../state/hood.ts';
import { GradientCheckView } from './GradientCheckView.tsx';
import { Facts, MathLines } from './MathLines.tsx';
import { TransformedSpaceView } from './TransformedSpaceView.tsx';
import { UnitCard } from './UnitCard.tsx';
import './HoodPanel.css';

const TABS: { id: HoodTab; label: string }[] = [
  { id: 'step', label: 'Step' },
  { id: 'check', label: 'Gradient check' },
  { id: 'space', label: 'Space' },
];

export default function HoodPanel() {
  const tab = useHood((s) => s.tab);
  return (
    <section className="hood" role="region" aria-label="Under the hood" data-testid="hood">
      <header className="hood-head">
        <h2>Under the hood</h2>
        <div role="tablist" aria-label="Under the hood views" className="hood-tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`hood-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`hood-view-${t.id}`}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <button type="button" className="hood-close" onClick={closeHood} data-control="hood-close">
          Close
        </button>
      </header>
      <CardSection />
      <div role="tabpanel" id={`hood-view-${tab}`} aria-labelledby={`hood-tab-${tab}`} className="hood-body">
        {tab === 'step' ? <StepView /> : tab === 'check' ? <GradientCheckView /> : <TransformedSpaceView />}
      </div>
    </section>
  );
}

/** The clicked unit's equation card, above the tab's view; hidden while Step explains a step (it shows that unit itself). */
function CardSection() {
  const card = useHood((s) => s.card);
  const stepShown = useHood((s) => s.tab === 'step' && s.phase !== null);
  const trace = useTrace();
  return card && !(stepShown && trace) ? <UnitCard unit={card} /> : null;
}

function StepView() {
  const trace = useTrace();
  const pending = useHood((s) => s.pending);
  const phase = useHood((s) => s.phase);
  const focus = useHood((s) => s.focus);
  const focusInput = useHood((s) => s.focusInput);
  const sample = useHood((s) => s.sample);
  const picked = useHood((s) => s.picked);
  const layers = trace ? trace.sizes.length - 1 : 0;
  const phases = useMemo(() => phasesOf(layers), [layers]);
  const index = phase ? phases.findIndex((q) => q.kind === phase.kind && q.layer === phase.layer) : -1;

  const move = (d: number) => {
    if (!trace) return;
    const next = phases[Math.max(0, Math.min(phases.length - 1, index + d))];
    if (next) setPhase(next);
  };
  // ← / → anywhere on the page while the step is shown (not while typing in a field).
  useEffect(() => {
    if (!trace) return;
    const onKey = (e: KeyboardEvent) => {
      const el = e.target instanceof HTMLElement ? e.target : null;
      if (el && (el.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName))) return;
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        if (el?.closest('.plane, [role="slider"]')) return;
        e.preventDefault();
        move(e.key === 'ArrowRight' ? 1 : -1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const out = layers - 1;
  const unit = focus ?? { layer: out, unit: 0 };
  const shown: Explained | null = useMemo(
    () =>
      trace && phase ? explain(trace, phase, { layer: unit.layer, unit: unit.unit, input: focusInput, sample }) : null,
    [trace, phase, unit.layer, unit.unit, focusInput, sample],
  );

  if (pending !== null && !trace) return <p className="hood-wait">Training the next minibatch…</p>;
  if (!trace || !phase || !shown)
    return (
      <div className="hood-empty">
        <p>Explain step trains the next minibatch and shows every number of that step.</p>
        <button type="button" onClick={explainStep}>
          Explain step
        </button>
        <p className="hood-note">Or, while paused, click a unit in the network to see its equation.</p>
      </div>
    );

  const layer = phase.kind === 'loss' ? out : (phase.layer ?? out);
  const strip = phase.kind === 'backward' || phase.kind === 'gradients' ? layerDeltas(trace, layer, sample) : null;
  return (
    <div className="hood-step">
      <div className="hood-nav">
        <button type="button" onClick={() => move(-1)} disabled={index <= 0}>
          Previous
        </button>
        <p className="hood-phase" data-testid="hood-phase" aria-live="polite">
          {phaseLabel(phase, layers)}
        </p>
        <button type="button" onClick={() => move(1)} disabled={index >= phases.length - 1}>
          Next
        </button>
        <span className="hood-where" data-testid="hood-batch">
          Minibatch {trace.batch} of {trace.batches} in epoch {trace.epoch + 1} · {trace.m} samples
        </span>
        <label className="hood-sample">
          Sample{' '}
          <select value={sample} onChange={(e) => setSample(Number(e.target.value))}>
            {Array.from({ length: trace.m }, (_, i) => (
              <option key={i} value={i}>
                {i + 1} (point {trace.rows[i]! + 1})
              </option>
            ))}
          </select>
        </label>
        <span className="hood-picked" data-testid="hood-picked" aria-live="polite">
          {picked === 'nearest'
            ? `Sample ${sample + 1} (nearest in this minibatch)`
            : picked === 'near'
              ? `Sample ${sample + 1} (clicked on the plane)`
              : 'or click a point on the output plane'}
        </span>
      </div>
      <h3 className="hood-title">{shown.title}</h3>
      <MathLines tex={shown.tex} />
      <Facts facts={shown.facts} className="hood-facts" prefix="hood-fact-" testId="hood-facts" />
      {shown.notes.map((n) => (
        <p key={n} className="hood-note">
          {n}
        </p>
      ))}
      {strip ? (
        <div className="hood-strip-wrap">
          <span id="hood-strip-label">δ of every unit in this layer:</span>
          <div className="hood-strip" role="group" aria-labelledby="hood-strip-label">
            {strip.map((d, j) => (
              <HeatCell key={j} value={d} max={Math.max(...strip.map(Math.abs), 1e-12)} unit={j} layer={layer} />
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}

function HeatCell(p: { value: number; max: number; unit: number; layer: number }) {
  const t = p.value / p.max;
  const label = `Unit ${p.unit + 1}: δ = ${fmtPlain(p.value)}`;
  return (
    <button
      type="button"
      className="hood-cell"
      title={label}
      aria-label={label}
      style={{ ['--heat' as string]: String(Math.abs(t)) }}
      data-sign={t < 0 ? 'neg' : 'pos'}
      onClick={() => setFocus({ layer: p.layer, unit: p.unit })}
    />
  );
}
