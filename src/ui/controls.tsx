/** Small labelled controls shared by the panels. */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function Panel(p: { title: string; className?: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section className={`panel ${p.className ?? ''}`} aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id}>{p.title}</h2>
        {p.actions}
      </div>
      {p.children}
    </section>
  );
}

/**
 * A control's shown value, which follows the person at once, and `change` for it: onCommit gets
 * the value after it rests for `delay` ms (0: at once). The shown value follows `value` when the
 * config changes from elsewhere.
 */
export function useRestingCommit<T>(value: T, onCommit: (v: T) => void, delay: number): [T, (v: T) => void] {
  const [local, setLocal] = useState(value);
  const [prev, setPrev] = useState(value);
  if (prev !== value) {
    setPrev(value);
    setLocal(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const change = useCallback(
    (v: T) => {
      setLocal(v);
      if (timer.current) clearTimeout(timer.current);
      if (delay <= 0) commit.current(v);
      else timer.current = setTimeout(() => commit.current(v), delay);
    },
    [delay],
  );
  return [local, change];
}

/**
 * A range slider with a visible label and value. The shown value follows the thumb at once;
 * onCommit is called after the thumb rests for `delay` ms (data changes rebuild the network,
 * so a drag should cost one rebuild, not thirty).
 */
export function Slider(p: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  format?: (v: number) => string;
  onCommit: (v: number) => void;
  delay?: number;
  /** Embed id (src/share/embed.ts): a link can hide this control. */
  control?: string;
  /** One sentence under the slider, read with it by screen readers. */
  help?: string;
  disabled?: boolean;
  /** Why it is disabled, when it is. */
  title?: string;
}) {
  const [local, change] = useRestingCommit(p.value, p.onCommit, p.delay ?? 150);
  const id = useId();
  const helpId = useId();
  const fmt = p.format ?? String;
  return (
    <div className="field slider" data-control={p.control} title={p.title}>
      <label htmlFor={id}>{p.label}</label>
      <output htmlFor={id} aria-hidden="true">
        {fmt(local)}
      </output>
      <input
        id={id}
        type="range"
        min={p.min}
        max={p.max}
        step={p.step ?? 1}
        value={local}
        aria-valuetext={fmt(local)}
        aria-describedby={p.help ? helpId : undefined}
        disabled={p.disabled}
        onChange={(e) => change(Number(e.target.value))}
      />
      <FieldHelp id={helpId} text={p.help} />
    </div>
  );
}

export function Select<T extends string>(p: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  className?: string;
  /** Embed id (src/share/embed.ts): a link can hide this control. */
  control?: string;
  /** One sentence under the select, read with it by screen readers. */
  help?: string;
  disabled?: boolean;
  /** Why it is disabled, when it is. */
  title?: string;
}) {
  const id = useId();
  const helpId = useId();
  return (
    <div className={`field ${p.className ?? ''}`} data-control={p.control} title={p.title}>
      <label htmlFor={id}>{p.label}</label>
      <select
        id={id}
        value={p.value}
        disabled={p.disabled}
        aria-describedby={p.help ? helpId : undefined}
        onChange={(e) => p.onChange(e.target.value as T)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldHelp id={helpId} text={p.help} />
    </div>
  );
}

/** A field's one-sentence help (the field points to it with aria-describedby). */
export function FieldHelp({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={id} className="field-help">
      {text}
    </p>
  ) : null;
}

/** A typed value's error, announced at once (role alert); nothing when there is none. */
export function FieldError({ id, text }: { id?: string; text: string | null }) {
  return text ? (
    <p id={id} className="field-error" role="alert">
      {text}
    </p>
  ) : null;
}

export function Toggle(p: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  className?: string;
  /** Embed id (src/share/embed.ts): a link can hide this control. */
  control?: string;
}) {
  return (
    <label className={`toggle ${p.className ?? ''}`} data-control={p.control}>
      <input type="checkbox" checked={p.checked} onChange={(e) => p.onChange(e.target.checked)} />
      <span>{p.label}</span>
    </label>
  );
}
