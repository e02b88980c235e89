/**
 * Controls for settings whose values are a list of stops (speed on a log scale, batch size with
 * "All") or a typed whole number (seeds), and the Advanced disclosure that holds the rarer ones.
 */
import { useId, useState, type ReactNode } from 'react';
import { FieldError, FieldLabel, helpFor, useRestingCommit } from './controls.tsx';
import './settings.css';

/**
 * The stops with `value` put in its place when it is not one of them (a link can hold any
 * number in bounds): numbers in ascending order, text stops ('max', 'all') after every number.
 */
export function withStop<T extends number | string>(stops: readonly T[], value: T): T[] {
  if (stops.includes(value)) return [...stops];
  const at = stops.findIndex((s) => typeof s !== 'number' || (typeof value === 'number' && s > value));
  const out = [...stops];
  out.splice(at < 0 ? out.length : at, 0, value);
  return out;
}

/**
 * A range slider over a list of stops, with the value shown beside the label. Arrow keys,
 * Page Up/Down, Home and End move along the stops (the input's own keyboard handling: its
 * value is the stop's index). onCommit is called after the thumb rests for `delay` ms.
 */
export function StopSlider<T extends number | string>(p: {
  label: string;
  value: T;
  stops: readonly T[];
  format: (v: T) => string;
  onCommit: (v: T) => void;
  delay?: number;
  /** Embed id (src/share/embed.ts): a link can hide this control. */
  control?: string;
  help?: string;
  /** Shown as a tooltip on the control (e.g. the unit, or why it is disabled). */
  title?: string;
  className?: string;
  disabled?: boolean;
}) {
  const [local, change] = useRestingCommit(p.value, p.onCommit, p.delay ?? 150);
  const id = useId();
  const helpId = useId();
  const stops = withStop(p.stops, local);
  const index = stops.indexOf(local);
  return (
    <div className={`field slider stop-slider ${p.className ?? ''}`} data-control={p.control} title={p.title}>
      <FieldLabel htmlFor={id} label={p.label} helpId={helpId} help={p.help} control={p.control} />
      <output htmlFor={id} aria-hidden="true">
        {p.format(local)}
      </output>
      <input
        id={id}
        type="range"
        min={0}
        max={stops.length - 1}
        step={1}
        value={index}
        aria-valuetext={p.format(local)}
        aria-describedby={helpFor(p.help, p.control) ? helpId : undefined}
        disabled={p.disabled}
        onChange={(e) => {
          const v = stops[Number(e.target.value)];
          if (v !== undefined) change(v);
        }}
      />
    </div>
  );
}

/**
 * A whole number typed in a text box, checked against its bounds on Enter or when the box is
 * left; a number outside them is refused with a message, and the setting keeps its value.
 */
export function NumberField(p: {
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit: (v: number) => void;
  control?: string;
  help?: string;
  disabled?: boolean;
  title?: string;
}) {
  const [text, setText] = useState(String(p.value));
  const [prev, setPrev] = useState(p.value);
  const [error, setError] = useState<string | null>(null);
  if (prev !== p.value) {
    setPrev(p.value);
    setText(String(p.value));
    setError(null);
  }
  const id = useId();
  const helpId = useId();
  const errorId = useId();
  const apply = () => {
    const t = text.trim();
    const v = /^\d+$/.test(t) ? Number(t) : NaN;
    if (!(Number.isSafeInteger(v) && v >= p.min && v <= p.max)) {
      setError(`Type a whole number from ${p.min} to ${p.max}.`);
      return;
    }
    setError(null);
    if (v !== p.value) p.onCommit(v);
  };
  const described = [helpFor(p.help, p.control) ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="field number-field" data-control={p.control} title={p.title}>
      <FieldLabel htmlFor={id} label={p.label} helpId={helpId} help={p.help} control={p.control} />
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={text}
        disabled={p.disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          if (e.key === 'Escape') {
            setText(String(p.value));
            setError(null);
          }
        }}
        onBlur={apply}
      />
      <FieldError id={errorId} text={error} />
    </div>
  );
}

/** The rarer settings, closed by default: a native disclosure (Enter or Space opens it). */
export function Advanced(p: { children: ReactNode; className?: string; control?: string }) {
  const { children, className } = p;
  return (
    <details className={`advanced ${className ?? ''}`} data-control={p.control}>
      <summary>Advanced</summary>
      <div className="advanced-body">{children}</div>
    </details>
  );
}
