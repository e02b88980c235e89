import { useId, useState } from 'react';
import {
  HIDDEN_ACTIVATIONS,
  INITS,
  LIMITS,
  OPTIMIZERS,
  PROBLEMS,
  REGULARIZATIONS,
  SCHEDULES,
  type HiddenActivation,
  type InitName,
  type LossName,
  type OptimizerName,
  type OutputActivation,
  type ProblemType,
  type RegularizationName,
  type ScheduleName,
} from '../nn/types.ts';
import { lossesFor, outputsFor, type ExperimentConfig } from '../share/config.ts';
import { SHARE_LIMITS } from '../share/schema.ts';
import { TFPG_HELD } from '../share/tfpgMode.ts';
import { parseLearningRate } from './configPatches.ts';
import { FieldError, FieldLabel, Panel, Select, Slider } from './controls.tsx';
import {
  ACTIVATION_LABELS,
  CLIP_STOPS,
  HELP,
  INIT_LABELS,
  LEARNING_RATES,
  LOSS_LABELS,
  MOMENTUM_STOPS,
  OPTIMIZER_LABELS,
  OUTPUT_LABELS,
  PROBLEM_LABELS,
  REGULARIZATION_LABELS,
  REGULARIZATION_RATES,
  SCHEDULE_LABELS,
} from './labels.ts';
import './HyperPanel.css';
import { Advanced, NumberField, StopSlider } from './settingsControls.tsx';
import { LrFinderButton } from './lrfinder/LrFinderButton.tsx';

export interface HyperPanelProps {
  config: ExperimentConfig;
  onChange: (patch: Partial<ExperimentConfig>) => void;
  onProblem: (p: ProblemType) => void;
}

const OTHER = 'other';

export function HyperPanel({ config, onChange, onProblem }: HyperPanelProps) {
  const losses = lossesFor(config.problem);
  const outputs = outputsFor(config.problem, config.loss);
  const regRates: number[] = [...REGULARIZATION_RATES];
  if (!regRates.includes(config.regularizationRate)) regRates.push(config.regularizationRate);
  regRates.sort((a, b) => a - b);
  // In TF Playground's exact mode the settings it lacks are held; their controls say why.
  const held = (field: keyof ExperimentConfig) =>
    config.engineMode === 'tfpg' && TFPG_HELD[field] ? { disabled: true, title: TFPG_HELD[field] } : {};
  return (
    <Panel title="Hyperparameters" className="hyper-panel">
      <div className="hyper-grid">
        <LearningRate value={config.learningRate} onChange={(learningRate) => onChange({ learningRate })} />
        <Select<HiddenActivation>
          label="Activation"
          control="activation"
          value={config.activation}
          options={HIDDEN_ACTIVATIONS.map((a) => ({ value: a, label: ACTIVATION_LABELS[a] }))}
          onChange={(activation) => onChange({ activation })}
        />
        <Select<OptimizerName>
          label="Optimizer"
          control="optimizer"
          {...held('optimizer')}
          value={config.optimizer}
          options={OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] }))}
          onChange={(optimizer) => onChange({ optimizer })}
        />
        <Select<RegularizationName>
          label="Regularization"
          control="regularization"
          value={config.regularization}
          options={REGULARIZATIONS.map((r) => ({ value: r, label: REGULARIZATION_LABELS[r] }))}
          onChange={(regularization) => onChange({ regularization })}
        />
        <Select<string>
          label="Regularization rate"
          control="regularizationRate"
          value={String(config.regularizationRate)}
          options={regRates.map((r) => ({ value: String(r), label: String(r) }))}
          onChange={(v) => onChange({ regularizationRate: Number(v) })}
        />
        <Select<ProblemType>
          label="Problem type"
          control="problem"
          value={config.problem}
          options={PROBLEMS.map((p) => ({ value: p, label: PROBLEM_LABELS[p] }))}
          onChange={onProblem}
        />
        {losses.length > 1 ? (
          <Select<LossName>
            label="Loss"
            control="loss"
            {...held('loss')}
            value={losses.includes(config.loss) ? config.loss : (losses[0] ?? config.loss)}
            options={losses.map((l) => ({ value: l, label: LOSS_LABELS[l] }))}
            onChange={(loss) => onChange({ loss })}
          />
        ) : null}
        <Select<OutputActivation>
          label="Output"
          control="outputActivation"
          {...held('output')}
          value={outputs.includes(config.output) ? config.output : (outputs[0] ?? config.output)}
          options={outputs.map((o) => ({ value: o, label: OUTPUT_LABELS[o] }))}
          onChange={(output) => onChange({ output })}
          help={HELP.output}
        />
      </div>
      <Advanced control="advancedHyper">
        <StopSlider<number>
          label="Momentum"
          control="momentum"
          {...held('momentum')}
          value={config.momentum}
          stops={MOMENTUM_STOPS}
          format={String}
          onCommit={(momentum) => onChange({ momentum })}
          help={HELP.momentum}
        />
        <Slider
          label="Dropout"
          control="dropout"
          {...held('dropout')}
          value={config.dropout}
          min={LIMITS.dropout.min}
          max={LIMITS.dropout.max}
          step={0.05}
          format={(v) => (v === 0 ? 'Off' : `${Math.round(v * 100)}%`)}
          onCommit={(dropout) => onChange({ dropout })}
          help={HELP.dropout}
        />
        <Select<ScheduleName>
          label="Learning-rate schedule"
          control="schedule"
          {...held('schedule')}
          value={config.schedule}
          options={SCHEDULES.map((x) => ({ value: x, label: SCHEDULE_LABELS[x] }))}
          onChange={(schedule) => onChange({ schedule })}
          help={HELP.schedule}
        />
        <StopSlider<number>
          label="Gradient clipping"
          control="clipNorm"
          {...held('clipNorm')}
          value={config.clipNorm}
          stops={CLIP_STOPS}
          format={(v) => (v === 0 ? 'Off' : String(v))}
          onCommit={(clipNorm) => onChange({ clipNorm })}
          help={HELP.clipNorm}
        />
        <Select<InitName>
          label="Initialization"
          control="init"
          value={config.init}
          options={INITS.map((x) => ({ value: x, label: INIT_LABELS[x] }))}
          onChange={(init) => onChange({ init })}
          help={HELP.init}
        />
        <NumberField
          label="Seed"
          control="seed"
          value={config.seed}
          min={SHARE_LIMITS.seed.min}
          max={SHARE_LIMITS.seed.max}
          onCommit={(seed) => onChange({ seed })}
          help={HELP.seed}
        />
      </Advanced>
    </Panel>
  );
}

/** TF Playground's list, plus "Other…" to type any rate within the engine's limits. */
function LearningRate({ value, onChange }: { value: number; onChange: (v: number) => void }) {
  const listed = (LEARNING_RATES as readonly number[]).includes(value);
  const [typing, setTyping] = useState(false);
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const inputId = useId();
  const errorId = useId();
  const helpId = useId();
  const showInput = typing || !listed;
  const apply = () => {
    const r = parseLearningRate(text);
    if ('error' in r) {
      setError(r.error);
      return;
    }
    setError(null);
    setTyping(false);
    onChange(r.value);
  };
  return (
    <div className="field learning-rate" data-control="learningRate">
      <FieldLabel htmlFor={selectId} label="Learning rate" helpId={helpId} control="learningRate" />
      <select
        id={selectId}
        aria-describedby={helpId}
        value={showInput ? OTHER : String(value)}
        onChange={(e) => {
          if (e.target.value === OTHER) {
            setText(String(value));
            setTyping(true);
            return;
          }
          setTyping(false);
          setError(null);
          onChange(Number(e.target.value));
        }}
      >
        {LEARNING_RATES.map((r) => (
          <option key={r} value={String(r)}>
            {String(r)}
          </option>
        ))}
        <option value={OTHER}>{listed ? 'Other…' : `${value} (typed)`}</option>
      </select>
      {showInput ? (
        <div className="typed-rate">
          <label htmlFor={inputId} className="visually-hidden">
            Type a learning rate
          </label>
          <input
            id={inputId}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            placeholder={`${LIMITS.learningRate.min} to ${LIMITS.learningRate.max}`}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') apply();
              if (e.key === 'Escape') {
                setTyping(false);
                setError(null);
                setText(String(value));
              }
            }}
            onBlur={() => {
              if (text.trim() !== String(value)) apply();
            }}
          />
          <button type="button" onClick={apply}>
            Set
          </button>
        </div>
      ) : null}
      <FieldError id={errorId} text={error} />
      <LrFinderButton />
    </div>
  );
}
