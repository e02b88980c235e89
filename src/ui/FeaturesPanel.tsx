import { useEffect, useId, useRef } from 'react';
import { FEATURES, type FeatureName } from '../nn/types.ts';
import { featurePreview } from '../viz/featurePreview.ts';
import { paintScalarField } from '../viz/heatmap.ts';
import type { Lut } from '../viz/colorScale.ts';
import { FieldHelp, Panel } from './controls.tsx';
import { FEATURE_LABELS } from './labels.ts';
import { context2d } from './live.ts';
import './FeaturesPanel.css';

export interface FeaturesPanelProps {
  features: readonly FeatureName[];
  onToggle: (f: FeatureName, on: boolean) => void;
  limitMessage?: string | null;
  /** The diverging scale for the little previews of each feature over the plane. */
  lut?: Lut;
  /** Features that cannot be chosen now, each with the reason (e.g. TF Playground's exact mode). */
  unavailable?: Partial<Record<FeatureName, string>>;
}

const PREVIEW = 24;

/** A feature over the input plane, drawn once (it never changes). */
function FeatureThumb({ feature, lut }: { feature: FeatureName; lut: Lut }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = context2d(ref.current);
    if (!ctx) return;
    const img = ctx.createImageData(PREVIEW, PREVIEW);
    paintScalarField(img, featurePreview(feature, PREVIEW), { lut });
    ctx.putImageData(img, 0, 0);
  }, [feature, lut]);
  return <canvas ref={ref} className="feature-thumb" width={PREVIEW} height={PREVIEW} aria-hidden="true" />;
}

export function FeaturesPanel({ features, onToggle, limitMessage, lut, unavailable }: FeaturesPanelProps) {
  const helpId = useId();
  return (
    <Panel
      title="Features"
      className="features-panel"
      actions={<FieldHelp id={helpId} text={undefined} control="features" label="Features" />}
    >
      <p className="hint">Which properties of each point the network sees.</p>
      <div className="feature-grid" role="group" aria-label="Input features" aria-describedby={helpId}>
        {FEATURES.map((f) => {
          const on = features.includes(f);
          const why = unavailable?.[f];
          return (
            <label key={f} className={`chip ${on ? 'is-on' : ''}`} data-control={f} title={why}>
              <input
                type="checkbox"
                checked={on}
                disabled={why !== undefined}
                onChange={(e) => onToggle(f, e.target.checked)}
              />
              {lut ? <FeatureThumb feature={f} lut={lut} /> : null}
              <span className="math">{FEATURE_LABELS[f]}</span>
            </label>
          );
        })}
      </div>
      {limitMessage ? <p className="limit-message">{limitMessage}</p> : null}
    </Panel>
  );
}
