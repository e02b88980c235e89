/**
 * The explained step's focused sample marked on the output plane: a ring around its training point
 * (trace.rows[sample] → RunInfo.trainPoints), placed in % of the plane so it follows its size.
 * Shown only while a step is explained in the open panel. Main bundle: no math, a few lines.
 */
import { pointOf } from '../../explain/nearest.ts';
import { useHood, useTrace } from '../../state/hood.ts';
import { useStore } from '../../state/store.ts';
import { xToPx, yToPx } from '../../viz/axes.ts';
import './PlanePick.css';

export function PlanePick() {
  const open = useHood((s) => s.open && s.tab === 'step' && s.phase !== null);
  const sample = useHood((s) => s.sample);
  const trace = useTrace();
  const info = useStore((s) => s.runInfo);
  if (!open || !trace || !info || sample >= trace.m) return null;
  const row = trace.rows[sample]!;
  const at = pointOf(info.trainPoints, row);
  return (
    <span
      className="plane-pick"
      data-testid="plane-pick"
      data-x={at.x}
      data-y={at.y}
      aria-hidden="true"
      style={{
        left: `${(xToPx(at.x, info.region, 1) * 100).toFixed(3)}%`,
        top: `${(yToPx(at.y, info.region, 1) * 100).toFixed(3)}%`,
      }}
    />
  );
}
