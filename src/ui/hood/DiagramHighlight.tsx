/**
 * The network diagram's overlay while a step is explained: the active layer's units ringed, the
 * focused unit and its links drawn strong, and in the Update phase every link of the layer by how
 * much its weight changed (the trace's step, |w before − w after|). Otherwise, the unit whose
 * equation card is open, ringed. Reads useHood only; an SVG
 * that takes no pointer events, so the diagram's clicks and hovers go through.
 */
import { useHood, useTrace } from '../../state/hood.ts';
import type { DiagramLayout } from '../../viz/diagram.ts';
import { weightIndex } from '../../viz/diagram.ts';
import './DiagramHighlight.css';

export function DiagramHighlight({ layout, sizes }: { layout: DiagramLayout; sizes: readonly number[] }) {
  const open = useHood((s) => s.open);
  const trace = useTrace();
  const phase = useHood((s) => s.phase);
  const focus = useHood((s) => s.focus);
  const card = useHood((s) => s.card);
  const stepShown = useHood((s) => s.tab === 'step');
  if (open && card && !(trace && phase && stepShown))
    return <CardRing layout={layout} layer={card.layer} unit={card.unit} />;
  if (!open || !trace || !phase || trace.sizes.join() !== sizes.join()) return null;
  const out = sizes.length - 2;
  const l = phase.kind === 'loss' ? out : (phase.layer ?? out);
  const unit = focus && focus.layer === l ? focus.unit : 0;
  const links = layout.links.filter((k) => k.layer === l);
  let max = 0;
  if (phase.kind === 'update')
    for (const k of links) max = Math.max(max, Math.abs(trace.step[weightIndex(sizes, k.layer, k.to, k.from)]!));
  // Backward into a hidden unit comes from the next layer's units: its outgoing links.
  const strong =
    phase.kind === 'backward' && l < out
      ? layout.links.filter((k) => k.layer === l + 1 && k.from === unit)
      : links.filter((k) => k.to === unit);
  const r = layout.nodeSize / 2 + 4;
  return (
    <svg
      className="hood-overlay"
      width={layout.width}
      height={layout.height}
      aria-hidden="true"
      data-testid="hood-overlay"
    >
      {phase.kind === 'update'
        ? links.map((k) => {
            const c = max > 0 ? Math.abs(trace.step[weightIndex(sizes, k.layer, k.to, k.from)]!) / max : 0;
            return (
              <line
                key={`${k.to}:${k.from}`}
                x1={k.x1}
                y1={k.y1}
                x2={k.x2}
                y2={k.y2}
                className="hood-changed"
                strokeWidth={1 + 6 * c}
                strokeOpacity={0.15 + 0.85 * c}
              />
            );
          })
        : null}
      {strong.map((k) => (
        <line key={`s${k.layer}:${k.to}:${k.from}`} x1={k.x1} y1={k.y1} x2={k.x2} y2={k.y2} className="hood-link" />
      ))}
      {layout.nodes
        .filter((n) => n.layer === l + 1)
        .map((n) => (
          <circle
            key={n.index}
            cx={n.x}
            cy={n.y}
            r={r}
            className={n.index === unit ? 'hood-unit is-focus' : 'hood-unit'}
            data-testid={n.index === unit ? 'hood-focus-unit' : undefined}
          />
        ))}
    </svg>
  );
}

/** The unit whose equation card is shown, ringed (layer: weight layer, so diagram column layer + 1). */
function CardRing({ layout, layer, unit }: { layout: DiagramLayout; layer: number; unit: number }) {
  const n = layout.nodes.find((q) => q.layer === layer + 1 && q.index === unit);
  if (!n) return null;
  return (
    <svg className="hood-overlay" width={layout.width} height={layout.height} aria-hidden="true">
      <circle cx={n.x} cy={n.y} r={layout.nodeSize / 2 + 4} className="hood-unit is-focus" data-testid="card-unit" />
    </svg>
  );
}
