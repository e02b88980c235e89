import { useEffect, useId, useRef } from 'react';
import {
  CLASSIFICATION_DATASETS,
  LIMITS,
  MULTICLASS_DATASETS,
  REGRESSION_DATASETS,
  type DatasetName,
} from '../nn/types.ts';
import type { ExperimentConfig } from '../share/config.ts';
import { SHARE_LIMITS } from '../share/schema.ts';
import { FieldHelp, Panel, Slider } from './controls.tsx';
import { BATCH_STOPS, batchLabel, DATASET_LABELS, HELP, SAMPLE_STOPS, XOR_TABLE_FIXED } from './labels.ts';
import { Advanced, NumberField, StopSlider } from './settingsControls.tsx';
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

/**
 * Why noise, the number of points and Regenerate do nothing for this dataset; null when they
 * apply. (The data seed still shuffles the train/test split, so it stays.)
 */
export function fixedDataReason(dataset: DatasetName): string | null {
  if (dataset === 'xorTable') return XOR_TABLE_FIXED;
  if (dataset === 'custom') return 'Your points are used as they are.';
  return null;
}

export function DataPanel({ config, onChange, onRegenerate, paintPreview }: DataPanelProps) {
  const groups = config.points.length > 0 ? [...GROUPS, { title: 'Drawn', names: ['custom'] as const }] : GROUPS;
  const fixed = fixedDataReason(config.dataset);
  const helpId = useId();
  return (
    <Panel
      title="Data"
      className="data-panel"
      actions={<FieldHelp id={helpId} text={undefined} control="dataset" label="Dataset" />}
    >
      <div role="radiogroup" aria-label="Dataset" aria-describedby={helpId} className="datasets" data-control="dataset">
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
        disabled={fixed !== null}
        title={fixed ?? undefined}
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
        help={HELP.trainPercent}
      />
      <StopSlider<number>
        label="Batch size"
        control="batchSize"
        value={config.batchSize}
        stops={BATCH_STOPS}
        format={batchLabel}
        onCommit={(batchSize) => onChange({ batchSize })}
        help={HELP.batchSize}
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
        disabled={fixed !== null}
        title={fixed ?? 'New random points from the next data seed'}
      >
        Regenerate
      </button>
      <Advanced control="advancedData">
        <StopSlider<number>
          label="Number of points"
          control="samples"
          value={config.samples}
          stops={SAMPLE_STOPS}
          format={String}
          onCommit={(samples) => onChange({ samples })}
          help={HELP.samples}
          disabled={fixed !== null}
          title={fixed ?? undefined}
        />
        <NumberField
          label="Data seed"
          control="dataSeed"
          value={config.dataSeed}
          min={SHARE_LIMITS.seed.min}
          max={SHARE_LIMITS.seed.max}
          onCommit={(dataSeed) => onChange({ dataSeed })}
          help={HELP.dataSeed}
        />
      </Advanced>
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
