/**
 * "The equation of any unit, any time" (in the panel's lazy chunk, with Temml): the clicked unit's forward
 * equation, its inputs, weights, z and a, for the point under the pointer on the output plane, or
 * without one the last picked sample's training point (else the first training point), saying
 * which. The numbers are the engine's forward pass (pointTrace) on the latest snapshot's weights;
 * equations.ts only lays them out. Closed by its button or Escape.
 */
import { useEffect, useMemo, useRef } from 'react';
import { explain } from '../../explain/equations.ts';
import { pointOf } from '../../explain/nearest.ts';
import { pointTrace } from '../../explain/pointTrace.ts';
import { closeUnitCard, useHood, useTrace, type UnitRef } from '../../state/hood.ts';
import { useStore } from '../../state/store.ts';
import { Facts, MathLines } from './MathLines.tsx';
import './UnitCard.css';

/** "Unit 2 of layer 1", "Output", "Output for class 3" (the diagram's names); layer: weight layer. */
export function unitName(u: UnitRef, sizes: readonly number[]): string {
  const out = sizes.length - 2;
  if (u.layer < out) return `Unit ${u.unit + 1} of layer ${u.layer + 1}`;
  return (sizes.at(-1) ?? 1) > 1 ? `Output for class ${u.unit + 1}` : 'Output';
}

const coord = (v: number) => v.toFixed(2).replace('-', '−');

export function UnitCard({ unit }: { unit: UnitRef }) {
  const info = useStore((s) => s.runInfo);
  const snapshot = useStore((s) => s.snapshot);
  const running = useStore((s) => s.run.status === 'running');
  const pointer = useHood((s) => s.point);
  const sample = useHood((s) => s.sample);
  const trace = useTrace();
  const box = useRef<HTMLElement>(null);

  // Where the numbers are for: the pointer, else the last picked sample's point, else the first training point.
  const where = useMemo(() => {
    if (pointer) return { ...pointer, text: `At the pointer (${coord(pointer.x)}, ${coord(pointer.y)})` };
    if (!info || info.trainLabels.length === 0) return null;
    const row = trace && sample < trace.m ? trace.rows[sample]! : 0;
    const at = pointOf(info.trainPoints, row);
    const point = `training point ${row + 1} (${coord(at.x)}, ${coord(at.y)})`;
    const text = trace ? `At the picked sample ${sample + 1}: ${point}` : `At the first ${point}`;
    return { ...at, text: `${text}. Point at the output plane to change it.` };
  }, [pointer, info, trace, sample]);

  const shown = useMemo(() => {
    if (!info || !snapshot || !where || running || snapshot.runId !== info.runId) return null;
    const model = { sizes: info.sizes, activations: info.layers.map((l) => l.activation), features: info.features };
    const t = pointTrace(model, snapshot.params, where.x, where.y);
    return explain(t, { kind: 'forward', layer: unit.layer }, { ...unit, input: null, sample: 0 });
  }, [info, snapshot, where, running, unit]);

  // Escape closes the card (the weight editor, a dialog, handles its own Escape first).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
      closeUnitCard();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [unit]);

  const name = info ? unitName(unit, info.sizes) : 'Unit';
  return (
    <section ref={box} className="unit-card" aria-labelledby="unit-card-title" data-testid="unit-card">
      <header className="unit-card-head">
        <h3 id="unit-card-title">{name}: its equation</h3>
        <button type="button" onClick={closeUnitCard} data-control="unit-card-close" aria-label="Close the equation">
          Close
        </button>
      </header>
      {running ? (
        <p className="unit-card-note">Pause to see the numbers.</p>
      ) : !shown || !where ? (
        <p className="unit-card-note">No weights yet.</p>
      ) : (
        <>
          <p className="unit-card-where" data-testid="unit-card-where">
            {where.text}
          </p>
          <MathLines tex={shown.tex} />
          <Facts facts={shown.facts} className="unit-card-facts" prefix="unit-card-" />
        </>
      )}
    </section>
  );
}
