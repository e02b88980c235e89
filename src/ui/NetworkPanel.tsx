import { useId, type ReactNode } from 'react';
import { LIMITS } from '../nn/types.ts';
import { FieldHelp, Panel } from './controls.tsx';
import './NetworkPanel.css';

export interface NetworkPanelProps {
  hidden: readonly number[];
  onAddLayer: () => void;
  onRemoveLayer: () => void;
  onUnits: (layer: number, delta: 1 | -1) => void;
  /** The last limit message, shown next to the controls. */
  limitMessage: string | null;
  /** The diagram, given a header renderer that puts per-layer controls above its columns. */
  renderDiagram: (header: (columns: number[]) => ReactNode) => ReactNode;
}

export function NetworkPanel(p: NetworkPanelProps) {
  const layers = p.hidden.length;
  const helpId = useId();
  // Side by side, the two buttons need twice --touch (up to 46 px on a projector) and a gap;
  // closer columns stack them around the count.
  const header = (columns: number[]) => {
    const pitch = columns.length > 1 ? (columns[1] ?? 0) - (columns[0] ?? 0) : Infinity;
    const compact = pitch < 2 * 46 + 12;
    // Stacked, one button wide: 30 px, or less on a phone with many layers (never under 20).
    const buttonWidth = `${Math.max(20, Math.min(30, Math.floor(pitch) - 4))}px`;
    return (
      <>
        <span className="column-title" style={{ left: columns[0] }}>
          Inputs
        </span>
        {p.hidden.map((units, i) => (
          <div
            key={i}
            className={`layer-controls${compact ? ' compact' : ''}`}
            style={
              compact ? { left: columns[i + 1], ['--unit-button' as string]: buttonWidth } : { left: columns[i + 1] }
            }
          >
            <div className="unit-buttons" data-control="hidden">
              <button
                type="button"
                aria-label={`Add unit to layer ${i + 1}`}
                className={units >= LIMITS.units.max ? 'at-limit' : undefined}
                onClick={() => p.onUnits(i, 1)}
              >
                +
              </button>
              <button
                type="button"
                aria-label={`Remove unit from layer ${i + 1}`}
                className={units <= LIMITS.units.min ? 'at-limit' : undefined}
                onClick={() => p.onUnits(i, -1)}
              >
                −
              </button>
            </div>
            <span className="unit-count">
              {units}
              <span className={compact ? 'visually-hidden' : undefined}> {units === 1 ? 'unit' : 'units'}</span>
            </span>
          </div>
        ))}
        <span className="column-title" style={{ left: columns.at(-1) }}>
          Output
        </span>
      </>
    );
  };
  return (
    <Panel
      title="Network"
      className="network-panel"
      actions={
        <div className="layer-actions" data-control="hidden">
          <button
            type="button"
            onClick={p.onAddLayer}
            className={layers >= LIMITS.hiddenLayers.max ? 'at-limit' : undefined}
          >
            Add layer
          </button>
          <button
            type="button"
            onClick={p.onRemoveLayer}
            className={layers <= LIMITS.hiddenLayers.min ? 'at-limit' : undefined}
          >
            Remove layer
          </button>
          <span className="layer-count" data-testid="layer-count">
            {layers} hidden {layers === 1 ? 'layer' : 'layers'}
          </span>
          <FieldHelp id={helpId} text={undefined} control="hidden" label="Hidden layers" />
        </div>
      }
    >
      {p.limitMessage ? (
        <p className="limit-message" data-testid="limit-message">
          {p.limitMessage}
        </p>
      ) : null}
      {p.renderDiagram(header)}
    </Panel>
  );
}
