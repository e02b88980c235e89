/** Small labelled controls shared by the panels. */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { CONTROL_HELP, FIELD_LABELS } from './labels.ts';
import './help.css';

export function Panel(p: {
  title: string;
  className?: string;
  children: ReactNode;
  actions?: ReactNode;
  /** Hiding id (src/share/embed.ts): a link or Simple mode can hide this panel. */
  control?: string;
}) {
  const id = useId();
  return (
    <section className={`panel ${p.className ?? ''}`} aria-labelledby={id} data-control={p.control}>
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
      <FieldLabel htmlFor={id} label={p.label} helpId={helpId} help={p.help} control={p.control} />
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
        aria-describedby={helpFor(p.help, p.control) ? helpId : undefined}
        disabled={p.disabled}
        onChange={(e) => change(Number(e.target.value))}
      />
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
      <FieldLabel htmlFor={id} label={p.label} helpId={helpId} help={p.help} control={p.control} />
      <select
        id={id}
        value={p.value}
        disabled={p.disabled}
        aria-describedby={helpFor(p.help, p.control) ? helpId : undefined}
        onChange={(e) => p.onChange(e.target.value as T)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A control's help on demand: a "?" button that opens a small popover with one or two sentences
 * (CONTROL_HELP in labels.ts, or `text`). A disclosure: the button says aria-expanded and points
 * to the popover (aria-controls); the popover is a non-modal dialog that takes focus when opened;
 * Escape or the button closes it and focus returns to the button; a click or focus outside closes
 * it. The text element keeps `id` while closed, so the control's aria-describedby still reads it.
 */
export function FieldHelp(p: { id: string; text: string | undefined; label?: string; control?: string }) {
  const text = p.text ?? (p.control ? CONTROL_HELP[p.control] : undefined);
  const [open, setOpen] = useState(false);
  const [alignEnd, setAlignEnd] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pop = useRef<HTMLDivElement>(null);
  const popId = useId();
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);
  useEffect(() => {
    if (!open) return;
    pop.current?.focus();
    const onPointer = (e: PointerEvent) => {
      const t = e.target;
      if (t instanceof Node && !pop.current?.contains(t) && !button.current?.contains(t)) close(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, close]);
  if (!text) return null;
  const name = p.label ?? (p.control ? FIELD_LABELS[p.control] : undefined) ?? 'this';
  return (
    <span className="help">
      <button
        ref={button}
        type="button"
        className="help-button"
        aria-label={`What is ${name}?`}
        aria-expanded={open}
        aria-controls={popId}
        onClick={() => {
          const r = button.current?.getBoundingClientRect();
          setAlignEnd(r !== undefined && r.left > window.innerWidth / 2);
          if (open) close(true);
          else setOpen(true);
        }}
      >
        ?
      </button>
      <div
        ref={pop}
        id={popId}
        role="dialog"
        aria-label={`About ${name}`}
        tabIndex={-1}
        className={`help-pop${alignEnd ? ' align-end' : ''}`}
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          close(true);
        }}
        onBlur={(e) => {
          const next = e.relatedTarget;
          if (next instanceof Node && (pop.current?.contains(next) || button.current?.contains(next))) return;
          if (next !== null) close(false);
        }}
      >
        <p id={p.id}>{text}</p>
      </div>
    </span>
  );
}

/** A control's label with its "?" help beside it (the help's text is the control's description). */
export function FieldLabel(p: { htmlFor: string; label: string; helpId: string; help?: string; control?: string }) {
  return (
    <span className="field-label-row">
      <label htmlFor={p.htmlFor}>{p.label}</label>
      <FieldHelp id={p.helpId} text={p.help} label={p.label} {...(p.control ? { control: p.control } : {})} />
    </span>
  );
}

/** The help text a control has (its own, or CONTROL_HELP's), for aria-describedby. */
export function helpFor(help: string | undefined, control: string | undefined): string | undefined {
  return help ?? (control ? CONTROL_HELP[control] : undefined);
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
  const helpId = useId();
  const help = helpFor(undefined, p.control);
  return (
    <span className="toggle-row" data-control={p.control}>
      <label className={`toggle ${p.className ?? ''}`}>
        <input
          type="checkbox"
          checked={p.checked}
          aria-describedby={help ? helpId : undefined}
          onChange={(e) => p.onChange(e.target.checked)}
        />
        <span>{p.label}</span>
      </label>
      <FieldHelp id={helpId} text={help} label={p.label} />
    </span>
  );
}
