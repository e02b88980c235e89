import { useId, useState } from 'react';
import {
  HIDDEN_ACTIVATIONS,
  LIMITS,
  OPTIMIZERS,
  PROBLEMS,
  REGULARIZATIONS,
  type HiddenActivation,
  type LossName,
  type OptimizerName,
  type ProblemType,
  type RegularizationName,
} from '../nn/types.ts';
import { lossesFor, type ExperimentConfig } from '../share/config.ts';
import { parseLearningRate } from './configPatches.ts';
import { Panel, Select } from './controls.tsx';
import {
  ACTIVATION_LABELS,
  LEARNING_RATES,
  LOSS_LABELS,
  OPTIMIZER_LABELS,
  PROBLEM_LABELS,
  REGULARIZATION_LABELS,
  REGULARIZATION_RATES,
} from './labels.ts';
import './HyperPanel.css';

export interface HyperPanelProps {
  config: ExperimentConfig;
  onChange: (patch: Partial<ExperimentConfig>) => void;
  onProblem: (p: ProblemType) => void;
}

const OTHER = 'other';

export function HyperPanel({ config, onChange, onProblem }: HyperPanelProps) {
  const losses = lossesFor(config.problem);
  const regRates: number[] = [...REGULARIZATION_RATES];
  if (!regRates.includes(config.regularizationRate)) regRates.push(config.regularizationRate);
  regRates.sort((a, b) => a - b);
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
            value={losses.includes(config.loss) ? config.loss : (losses[0] ?? config.loss)}
            options={losses.map((l) => ({ value: l, label: LOSS_LABELS[l] }))}
            onChange={(loss) => onChange({ loss })}
          />
        ) : null}
      </div>
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
      <label htmlFor={selectId}>Learning rate</label>
      <select
        id={selectId}
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
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
