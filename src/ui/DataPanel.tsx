import { useEffect, useRef } from 'react';
import {
  CLASSIFICATION_DATASETS,
  LIMITS,
  MULTICLASS_DATASETS,
  REGRESSION_DATASETS,
  type DatasetName,
} from '../nn/types.ts';
import type { ExperimentConfig } from '../share/config.ts';
import { Panel, Slider } from './controls.tsx';
import { DATASET_LABELS } from './labels.ts';
import './DataPanel.css';

/** Draws a dataset's preview into a small canvas (the data helper's renderer, injected). */
export type PreviewPainter = (canvas: HTMLCanvasElement, config: ExperimentConfig, dataset: DatasetName) => void;

export interface DataPanelProps {
  config: ExperimentConfig;
  onChange: (patch: Partial<ExperimentConfig>) => void;
  onRegenerate: () => void;
  paintPreview?: PreviewPainter;
}

const GROUPS: { title: string; names: readonly DatasetName[] }[] = [
  { title: 'Classification', names: CLASSIFICATION_DATASETS },
  { title: 'Regression', names: REGRESSION_DATASETS },
  { title: 'Multi-class', names: MULTICLASS_DATASETS },
];

export function DataPanel({ config, onChange, onRegenerate, paintPreview }: DataPanelProps) {
  const groups = config.points.length > 0 ? [...GROUPS, { title: 'Drawn', names: ['custom'] as const }] : GROUPS;
  return (
    <Panel title="Data" className="data-panel">
      <div role="radiogroup" aria-label="Dataset" className="datasets" data-control="dataset">
        {groups.map((g) => (
          <div key={g.title} className="dataset-group">
            <div className="dataset-group-title" aria-hidden="true">
              {g.title}
            </div>
            <div className="dataset-grid">
              {g.names.map((name) => (
                <DatasetOption
                  key={name}
                  name={name}
                  config={config}
                  checked={config.dataset === name}
                  onPick={() => onChange({ dataset: name })}
                  paint={paintPreview}
                />
              ))}
            </div>
          </div>
        ))}
      </div>
      <Slider
        label="Noise"
        control="noise"
        value={config.noise}
        min={LIMITS.noise.min}
        max={LIMITS.noise.max}
        step={5}
        onCommit={(noise) => onChange({ noise })}
      />
      <Slider
        label="Ratio of training data"
        control="trainPercent"
        value={config.trainPercent}
        min={LIMITS.trainPercent.min}
        max={LIMITS.trainPercent.max}
        step={10}
        format={(v) => `${v}%`}
        onCommit={(trainPercent) => onChange({ trainPercent })}
      />
      <Slider
        label="Batch size"
        control="batchSize"
        value={config.batchSize}
        min={LIMITS.batchSize.min}
        max={Math.max(30, Math.min(100, config.batchSize))}
        onCommit={(batchSize) => onChange({ batchSize })}
      />
      {config.problem === 'multiclass' ? (
        <Slider
          label="Classes"
          control="classes"
          value={config.classes}
          min={LIMITS.classes.min}
          max={LIMITS.classes.max}
          onCommit={(classes) => onChange({ classes })}
        />
      ) : null}
      <button
        type="button"
        className="wide"
        data-control="regenerate"
        onClick={onRegenerate}
        disabled={config.dataset === 'custom'}
      >
        Regenerate
      </button>
    </Panel>
  );
}

function DatasetOption(p: {
  name: DatasetName;
  config: ExperimentConfig;
  checked: boolean;
  onPick: () => void;
  paint: PreviewPainter | undefined;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { paint, config, name } = p;
  // Previews depend on the dataset's own knobs only.
  const key = `${config.dataSeed}|${config.noise}|${config.classes}|${name === 'custom' ? config.points.length : 0}`;
  useEffect(() => {
    if (canvas.current && paint) paint(canvas.current, config, name);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- repaint when the knobs in `key` change
  }, [paint, name, key]);
  return (
    <label className={`dataset ${p.checked ? 'is-checked' : ''}`}>
      <input type="radio" name="dataset" checked={p.checked} onChange={p.onPick} />
      <canvas ref={canvas} width={96} height={96} aria-hidden="true" />
      <span>{DATASET_LABELS[name]}</span>
    </label>
  );
}
