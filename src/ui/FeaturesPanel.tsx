import { FEATURES, type FeatureName } from '../nn/types.ts';
import { Panel } from './controls.tsx';
import { FEATURE_LABELS } from './labels.ts';

export interface FeaturesPanelProps {
  features: readonly FeatureName[];
  onToggle: (f: FeatureName, on: boolean) => void;
  limitMessage?: string | null;
}

export function FeaturesPanel({ features, onToggle, limitMessage }: FeaturesPanelProps) {
  return (
    <Panel title="Features" className="features-panel">
      <p className="hint">Which properties of each point the network sees.</p>
      <div className="feature-grid" role="group" aria-label="Input features">
        {FEATURES.map((f) => {
          const on = features.includes(f);
          return (
            <label key={f} className={`chip ${on ? 'is-on' : ''}`} data-control={f}>
              <input type="checkbox" checked={on} onChange={(e) => onToggle(f, e.target.checked)} />
              <span className="math">{FEATURE_LABELS[f]}</span>
            </label>
          );
        })}
      </div>
      {limitMessage ? <p className="limit-message">{limitMessage}</p> : null}
    </Panel>
  );
}
