/**
 * "The equation of any unit, any time": while paused, the focused unit's forward equation for the
 * point under the pointer on the output plane, its numbers from the engine's forward pass
 * (pointTrace) on the latest snapshot's weights. Moving the pointer updates them.
 */
import { useMemo } from 'react';
import { explain } from '../../explain/equations.ts';
import { pointTrace } from '../../explain/pointTrace.ts';
import { useHood } from '../../state/hood.ts';
import { useStore } from '../../state/store.ts';
import { MathLines } from './MathLines.tsx';

export function UnitAtPoint() {
  const info = useStore((s) => s.runInfo);
  const snapshot = useStore((s) => s.snapshot);
  const running = useStore((s) => s.run.status === 'running');
  const point = useHood((s) => s.point);
  const focus = useHood((s) => s.focus);
  const model = useMemo(
    () =>
      info ? { sizes: info.sizes, activations: info.layers.map((l) => l.activation), features: info.features } : null,
    [info],
  );
  const shown = useMemo(() => {
    if (!model || !snapshot || !point || running || snapshot.runId !== info?.runId) return null;
    const t = pointTrace(model, snapshot.params, point.x, point.y);
    const out = model.sizes.length - 2;
    const f = focus ?? { layer: out, unit: 0 };
    return explain(t, { kind: 'forward', layer: f.layer }, { layer: f.layer, unit: f.unit, input: null, sample: 0 });
  }, [model, snapshot, point, running, focus, info]);
  if (running) return <p className="hood-note">Pause to see a unit's equation at a point of the output plane.</p>;
  if (!shown || !point)
    return (
      <p className="hood-note">
        Click a unit in the network, then point at the output plane to see its equation there.
      </p>
    );
  return (
    <div className="hood-point" data-testid="hood-point">
      <h3 className="hood-title">
        {shown.title.replace(/, sample 1$/, '')} at the point ({point.x.toFixed(2)}, {point.y.toFixed(2)})
      </h3>
      <MathLines tex={shown.tex} />
      <dl className="hood-facts">
        {shown.facts.map((f) => (
          <div key={f.label} data-testid={`hood-point-${f.label}`}>
            <dt>{f.label}</dt>
            <dd>{f.shown}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
